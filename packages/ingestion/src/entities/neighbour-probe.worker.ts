import { parentPort, workerData } from 'node:worker_threads';
import type { GroupThresholdBands } from '@patentrack/business-rules';
import { neighbourProbe } from './neighbour-probe';

const { keys, bands } = workerData as { keys: string[]; bands?: GroupThresholdBands };
const probe = neighbourProbe(keys, bands);
parentPort!.on('message', (names: string[]) => {
  const pairs = probe(names);
  parentPort!.postMessage(pairs, [pairs.buffer]);
});
