import { Worker } from 'node:worker_threads';
import {
  EditDistanceIndex,
  groupThreshold,
  withinGroupThreshold,
  type GroupThresholdBands,
} from '@patentrack/business-rules';

/** Probes names against `keys`: flat pairs (name index, key position) of every pair within the BR-018 threshold. */
export type NeighbourProbe = (names: readonly string[]) => Int32Array<ArrayBuffer>;

/** Builds the `EditDistanceIndex` over `keys` (complete: its candidates are a superset) and verifies each candidate. */
export function neighbourProbe(keys: readonly string[], bands?: GroupThresholdBands): NeighbourProbe {
  const threshold = (shorter: number) => groupThreshold(shorter, bands);
  const index = new EditDistanceIndex(keys, (shorter) => threshold(shorter) - 1);
  return (names) => {
    const pairs: number[] = [];
    names.forEach((name, row) => {
      for (const position of index.candidates(name))
        if (withinGroupThreshold(name, keys[position]!, threshold)) pairs.push(row, position);
    });
    return Int32Array.from(pairs);
  };
}

/** A worker thread holding its own index over the same keys, so a share of each page is probed on another core. */
export class ProbeWorker {
  private readonly worker: Worker;
  private pending?: { resolve: (pairs: Int32Array<ArrayBuffer>) => void; reject: (error: unknown) => void };
  private failure?: unknown;

  constructor(keys: readonly string[], bands?: GroupThresholdBands) {
    this.worker = new Worker(new URL('./neighbour-probe.worker.mjs', import.meta.url), {
      workerData: { keys, bands },
    });
    this.worker.on('message', (pairs: Int32Array<ArrayBuffer>) =>
      this.settle((pending) => pending.resolve(pairs)),
    );
    this.worker.on('error', (error) => {
      this.failure = error;
      this.settle((pending) => pending.reject(error));
    });
  }

  /** One probe at a time: the next is handed over once this one's result is back. */
  probe(names: readonly string[]): Promise<Int32Array<ArrayBuffer>> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(names);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private settle(action: (pending: NonNullable<ProbeWorker['pending']>) => void): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) action(pending);
  }
}
