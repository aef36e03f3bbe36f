/**
 * Writes batches with up to `concurrency` transactions in flight while the caller keeps parsing, and never two
 * batches that share a key at the same time — so a key repeated later in a file still resolves last-wins.
 * Memory stays bounded: `submit` waits while `concurrency` batches are being written.
 */
export class ConcurrentBatchWriter<T> {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly keysInFlight = new Set<string>();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly concurrency: number,
    private readonly keyOf: (record: T) => string,
    private readonly write: (records: T[]) => Promise<void>,
  ) {}

  /** Starts writing `records` once a slot is free and none of their keys is being written; rethrows a failure. */
  async submit(records: T[]): Promise<void> {
    const keys = records.map(this.keyOf);
    while (
      this.inFlight.size >= this.concurrency ||
      (this.inFlight.size > 0 && keys.some((key) => this.keysInFlight.has(key)))
    ) {
      await Promise.race(this.inFlight);
    }
    this.throwIfFailed();
    for (const key of keys) this.keysInFlight.add(key);
    const task: Promise<void> = this.write(records)
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        for (const key of keys) this.keysInFlight.delete(key);
        this.inFlight.delete(task);
      });
    this.inFlight.add(task);
  }

  /** Waits for every batch in flight; rethrows the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
