/**
 * Results this process computed for its latest runs, keyed by organization and run: a run's steps share one read,
 * and the next run of the organization can start from it. Only an organization's latest run is useful to the next
 * one, so once a run's value is ready its organization's earlier runs are dropped; at most `capacity` runs are
 * held, the oldest dropped first. A failed load is forgotten, so a retry reads again.
 */
export interface RunMemoOptions {
  /**
   * Loaded ahead of need (a restarted worker's warm-up of an earlier run): it never displaces the organization's
   * other runs, which may be newer.
   */
  provisional?: boolean;
}

export class RunMemo<T> {
  private readonly entries = new Map<string, { orgId: string; value: Promise<T> }>();

  /** Enough for the organizations the worker runs at once (five) and one more. */
  constructor(private readonly capacity = 6) {}

  /** The run's value, loading it on first use. */
  get(orgId: string, runId: string, load: () => Promise<T>, options: RunMemoOptions = {}): Promise<T> {
    const key = `${orgId}:${runId}`;
    const held = this.entries.get(key);
    if (held) return held.value;
    const value = load();
    this.entries.set(key, { orgId, value });
    value.then(
      () => {
        if (options.provisional) return;
        for (const [other, entry] of this.entries)
          if (entry.orgId === orgId && other !== key) this.entries.delete(other);
      },
      () => this.entries.delete(key),
    );
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** The run's value if this process holds it (and it loaded), else undefined. */
  async peek(orgId: string, runId: string): Promise<T | undefined> {
    return this.entries.get(`${orgId}:${runId}`)?.value.catch(() => undefined);
  }
}
