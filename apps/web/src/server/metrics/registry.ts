import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { ServerDeps } from '../http/deps';
import { queueCounts } from './queues';

const holder = globalThis as typeof globalThis & { __ptMetrics?: { registry: Registry; queueJobs: Gauge } };

function metrics() {
  if (!holder.__ptMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'patentrack_web_' });
    const queueJobs = new Gauge({
      name: 'patentrack_queue_jobs',
      help: 'Jobs per worker queue and state',
      labelNames: ['queue', 'state'],
      registers: [registry],
    });
    holder.__ptMetrics = { registry, queueJobs };
  }
  return holder.__ptMetrics;
}

/** The Prometheus exposition text; queue gauges are read from Redis at scrape time. */
export async function prometheusText(deps: ServerDeps): Promise<{ contentType: string; body: string }> {
  const { registry, queueJobs } = metrics();
  for (const [queue, states] of Object.entries(await queueCounts(deps))) {
    for (const [state, count] of Object.entries(states)) queueJobs.set({ queue, state }, count);
  }
  return { contentType: registry.contentType, body: await registry.metrics() };
}
