/**
 * Results this process computed for its latest runs, keyed by `orgId:runId`: a run's steps share one read, and
 * the next run of the organization can start from it. A failed load is forgotten, so a retry reads again.
 */
export class RunMemo<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number) {}

  /** The run's value, loading it on first use. */
  get(orgId: string, runId: string, load: () => Promise<T>): Promise<T> {
    const key = `${orgId}:${runId}`;
    let value = this.entries.get(key);
    if (!value) {
      value = load();
      value.catch(() => this.entries.delete(key));
      this.entries.set(key, value);
      while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }

  /** The run's value if this process holds it (and it loaded), else undefined. */
  async peek(orgId: string, runId: string): Promise<T | undefined> {
    return this.entries.get(`${orgId}:${runId}`)?.catch(() => undefined);
  }
}
