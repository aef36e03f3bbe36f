import {
  diagramCategorySchema,
  type DiagramBox,
  type DiagramBrokenLink,
  type DiagramCategory,
  type DiagramPayloadConnection as DiagramConnection,
} from '@patentrack/shared';
import { categoryKey } from './format';

export const DIAGRAM_CATEGORIES: readonly DiagramCategory[] = diagramCategorySchema.options;

type DiagramParts = { boxes: DiagramBox[]; connections: DiagramConnection[] };

/** Connections in playback order: transaction number, then id. */
export function orderedConnections(diagram: DiagramParts): DiagramConnection[] {
  return [...diagram.connections].sort((a, b) => a.assignmentNo - b.assignmentNo || a.id - b.id);
}

/** N of the `k / N` counter: the highest transaction number any box or connection carries. */
export function transactionCount(diagram: DiagramParts): number {
  return Math.max(
    0,
    ...diagram.connections.map((c) => c.assignmentNo),
    ...diagram.boxes.map((b) => b.assignmentNo),
  );
}

/**
 * Playback position: `step` is the transaction counter k, `links` how many connections (in playback order) are
 * revealed. Stepping by transaction reveals all of its connections; stepping by link reveals one at a time.
 */
export interface Playback {
  step: number;
  links: number;
}

export class PlaybackModel {
  readonly ordered: DiagramConnection[];
  readonly transactions: number;

  constructor(diagram: DiagramParts) {
    this.ordered = orderedConnections(diagram);
    this.transactions = transactionCount(diagram);
  }

  get linkCount(): number {
    return this.ordered.length;
  }

  /** Connections of transactions 1…step. */
  private linksUpTo(step: number): number {
    return this.ordered.filter((c) => c.assignmentNo <= step).length;
  }

  at(step: number): Playback {
    const clamped = Math.min(this.transactions, Math.max(0, Math.trunc(step)));
    return { step: clamped, links: this.linksUpTo(clamped) };
  }

  start(): Playback {
    return this.at(0);
  }

  end(): Playback {
    return this.at(this.transactions);
  }

  nextTransaction(p: Playback): Playback {
    // After a partial link-by-link reveal, "next" first completes the current transaction.
    return p.links < this.linksUpTo(p.step) ? this.at(p.step) : this.at(p.step + 1);
  }

  previousTransaction(p: Playback): Playback {
    return this.at(p.step - 1);
  }

  nextLink(p: Playback): Playback {
    const links = Math.min(this.linkCount, p.links + 1);
    const revealed = this.ordered[links - 1];
    return { step: Math.max(p.step, revealed?.assignmentNo ?? 0), links };
  }

  previousLink(p: Playback): Playback {
    const links = Math.max(0, p.links - 1);
    return { step: links === 0 ? 0 : (this.ordered[links - 1]?.assignmentNo ?? 0), links };
  }

  isComplete(p: Playback): boolean {
    return p.step >= this.transactions && p.links >= this.linkCount;
  }
}

export interface ViewFilter {
  hidden: ReadonlySet<DiagramCategory>;
  thirdParties: boolean;
}

export const SHOW_ALL: ViewFilter = { hidden: new Set(), thirdParties: true };

export interface Visibility {
  connectionIds: Set<number>;
  boxIds: Set<number>;
}

/**
 * Which links and boxes are drawn (product B5 "Playback and filters"): a link needs to be revealed, of a shown
 * category, and — with third parties off — not touch a third party. Inventors always show; any other box shows
 * while one of its links does (a box without any connection follows its own transaction number).
 */
export function visibleElements(
  diagram: DiagramParts,
  model: PlaybackModel,
  playback: Playback,
  filter: ViewFilter,
): Visibility {
  const segmentOf = new Map(diagram.boxes.map((b) => [b.id, b.segment]));
  const connectionIds = new Set<number>();
  model.ordered.forEach((c, index) => {
    if (index >= playback.links || filter.hidden.has(c.category)) return;
    if (!filter.thirdParties && (segmentOf.get(c.from) === 3 || segmentOf.get(c.to) === 3)) return;
    connectionIds.add(c.id);
  });
  const linked = new Set<number>();
  for (const c of diagram.connections) {
    linked.add(c.from);
    linked.add(c.to);
  }
  const boxIds = new Set<number>();
  for (const c of diagram.connections) {
    if (!connectionIds.has(c.id)) continue;
    boxIds.add(c.from);
    boxIds.add(c.to);
  }
  for (const box of diagram.boxes) {
    if (box.segment === 0) boxIds.add(box.id);
    else if (
      !linked.has(box.id) &&
      box.assignmentNo <= playback.step &&
      (filter.thirdParties || box.segment !== 3)
    ) {
      boxIds.add(box.id);
    }
  }
  return { connectionIds, boxIds };
}

/** The diagram's URL state: `?step=5&hide=security,release&tp=0&rf=012345-0678` (product B5). */
export interface DiagramQueryState {
  step: number;
  hidden: ReadonlySet<DiagramCategory>;
  thirdParties: boolean;
  rfId: string | null;
}

const RF_ID = /^\d{6}-\d{4}$/;

/** Reads the query; unknown or invalid values fall back silently to the defaults (product Part D). */
export function parseDiagramQuery(
  params: URLSearchParams,
  model: PlaybackModel,
  rfIds: ReadonlySet<string>,
): DiagramQueryState {
  const stepText = params.get('step');
  const step =
    stepText !== null && /^\d+$/.test(stepText)
      ? Math.min(Number(stepText), model.transactions)
      : model.transactions;
  const hidden = new Set<DiagramCategory>();
  for (const key of (params.get('hide') ?? '').split(',')) {
    const category = DIAGRAM_CATEGORIES.find((c) => categoryKey(c) === key.trim().toLowerCase());
    if (category) hidden.add(category);
  }
  const rf = params.get('rf');
  return {
    step,
    hidden,
    thirdParties: params.get('tp') !== '0',
    rfId: rf && RF_ID.test(rf) && rfIds.has(rf) ? rf : null,
  };
}

/** Writes the state into `params` (other parameters are kept), omitting defaults. */
export function writeDiagramQuery(
  params: URLSearchParams,
  state: DiagramQueryState,
  model: PlaybackModel,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) =>
    value === null ? next.delete(key) : next.set(key, value);
  set('step', state.step >= model.transactions ? null : String(state.step));
  const hide = DIAGRAM_CATEGORIES.filter((c) => state.hidden.has(c)).map(categoryKey);
  set('hide', hide.length ? hide.join(',') : null);
  set('tp', state.thirdParties ? null : '0');
  set('rf', state.rfId);
  return next;
}

/** The aria summary, e.g. "12 parties, 9 transactions, broken title". */
export function diagramSummary(
  diagram: DiagramParts & {
    general: { status: 'complete' | 'broken' | 'divested' | null; encumbered: boolean };
  },
): string {
  const parties = diagram.boxes.length;
  const transactions = new Set(diagram.connections.map((c) => c.rfId)).size;
  const parts = [
    `${parties} ${parties === 1 ? 'party' : 'parties'}`,
    `${transactions} ${transactions === 1 ? 'transaction' : 'transactions'}`,
  ];
  if (diagram.general.status === 'broken') parts.push('broken title');
  else if (diagram.general.status === 'divested') parts.push('divested');
  else if (diagram.general.status === 'complete') parts.push('complete title');
  if (diagram.general.encumbered) parts.push('encumbered');
  return parts.join(', ');
}

const CHAIN_CATEGORIES: ReadonlySet<DiagramCategory> = new Set(['Ownership', 'NameChange']);

/**
 * The break to highlight when the host passes only the break's rf_id (no API `brokenLink`): the break
 * transaction's assignors against the assignees of the latest earlier chain-category transaction. The API's
 * `brokenLink`, built from `asset_title_status`, is exact and always preferred.
 */
export function deriveBrokenLink(diagram: DiagramParts, breakRfId: string): DiagramBrokenLink | null {
  const ordered = orderedConnections(diagram);
  const breaking = ordered.filter((c) => c.rfId === breakRfId);
  const first = breaking[0];
  if (!first) return null;
  const earlier = ordered.filter(
    (c) => c.assignmentNo < first.assignmentNo && CHAIN_CATEGORIES.has(c.category),
  );
  const lastNo = earlier[earlier.length - 1]?.assignmentNo;
  const fromBoxIds = [...new Set(earlier.filter((c) => c.assignmentNo === lastNo).map((c) => c.to))];
  const toBoxIds = [...new Set(breaking.map((c) => c.from))];
  return { rfId: breakRfId, fromBoxIds, toBoxIds };
}
