import { compareGroupingOrder, type GroupingOrderKey } from '@patentrack/business-rules';

/**
 * What "the same result as a full run" means. `groupNames` (BR-018…020) walks all names in BR-020 order and
 * lets each ungrouped name seed a group that every later similar ungrouped name joins. Only seeds claim names,
 * so that walk is equivalent to two order-dependent rules over the similarity graph (edge ⇔ BR-018 distance):
 *   - a name is a seed ⇔ no seed precedes it among its neighbours;
 *   - any other name belongs to the group of its earliest preceding neighbour that is a seed.
 * A name's status therefore depends only on its earlier neighbours, which is what makes exact incremental
 * updates possible: when a name is added, moves in the order (its `instances` changed) or changes status, only
 * its neighbours need re-evaluating, and only theirs if their status changes in turn. The canonical name
 * (BR-019, most instances, ties to the BR-020 order) is a function of the group's members, so equal partitions
 * give equal canonical names. Admin-pinned entities (manual merges and splits) are not part of the graph: they
 * stay where the admin put them, as split items do in `groupNames`.
 */

/** An entity as the similarity graph sees it. */
export interface GraphEntity {
  id: string;
  name: string;
  /** BR-020 position: instances are the ones the stored grouping used unless the entity is re-evaluated now. */
  order: GroupingOrderKey;
  /** Current instances (BR-019 canonical choice). */
  instances: number;
  representativeId: string | null;
  /** Seed in the stored grouping (false for entities not grouped yet). */
  wasSeed: boolean;
  /** `new`: not in the stored grouping; `moved`: its BR-020 position changed since; `kept`: unchanged. */
  state: 'new' | 'moved' | 'kept';
}

/**
 * Exact incremental regrouping over the part of the similarity graph a change can reach. Callers expand
 * entities (hand over all their neighbours, found by a complete search), then `resolve` recomputes every
 * expanded entity's status in BR-020 order — unexpanded neighbours keep their stored status — and returns the
 * neighbours whose status may change as a consequence. Expanding those until nothing is returned gives the
 * statuses of a full run: an entity outside the expanded set has no neighbour whose status changed before it.
 */
export class Regrouping {
  private readonly neighbours = new Map<string, GraphEntity[]>();
  private readonly entities = new Map<string, GraphEntity>();
  private seeds = new Map<string, boolean>();

  expand(entity: GraphEntity, neighbours: GraphEntity[]): void {
    this.neighbours.set(entity.id, neighbours);
    this.entities.set(entity.id, entity);
    for (const neighbour of neighbours)
      if (!this.entities.has(neighbour.id)) this.entities.set(neighbour.id, neighbour);
  }

  /** Recomputes the expanded statuses; returns the unexpanded entities to expand next (none at the fixpoint). */
  resolve(): GraphEntity[] {
    const seeds = new Map<string, boolean>();
    const next = new Map<string, GraphEntity>();
    for (const entity of this.expandedInOrder()) {
      const neighbours = this.neighbours.get(entity.id)!;
      const isSeed = !neighbours.some((u) => this.precedes(u, entity) && (seeds.get(u.id) ?? u.wasSeed));
      seeds.set(entity.id, isSeed);
      // A moved seed stops or starts dominating names on both sides of its old and new places.
      const reachesAll = entity.state === 'moved' && (isSeed || entity.wasSeed);
      if (!reachesAll && isSeed === entity.wasSeed) continue;
      for (const u of neighbours) {
        if (!this.neighbours.has(u.id) && (reachesAll || this.precedes(entity, u))) next.set(u.id, u);
      }
    }
    this.seeds = seeds;
    return [...next.values()];
  }

  /** Expanded entities, each with the seed of its group (itself for a seed), after the last `resolve`. */
  *assignments(): Generator<{ entity: GraphEntity; seed: GraphEntity }> {
    for (const [id, isSeed] of this.seeds) {
      const entity = this.entities.get(id)!;
      if (isSeed) {
        yield { entity, seed: entity };
        continue;
      }
      let seed: GraphEntity | undefined;
      for (const u of this.neighbours.get(id)!) {
        const uIsSeed = this.seeds.get(u.id) ?? u.wasSeed;
        if (uIsSeed && this.precedes(u, entity) && (!seed || this.precedes(u, seed))) seed = u;
      }
      // Neighbour lists may hold separate copies of one entity: hand out a single one per id.
      yield { entity, seed: this.entities.get(seed!.id)! };
    }
  }

  isSeed(entity: GraphEntity): boolean {
    return this.seeds.get(entity.id) ?? entity.wasSeed;
  }

  private expandedInOrder(): GraphEntity[] {
    return [...this.neighbours.keys()]
      .map((id) => this.entities.get(id)!)
      .sort((a, b) => compareGroupingOrder(a.order, b.order));
  }

  private precedes(a: GraphEntity, b: GraphEntity): boolean {
    return compareGroupingOrder(a.order, b.order) < 0;
  }
}
