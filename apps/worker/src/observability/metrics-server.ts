import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** Prometheus registry of the worker process; queues and pipeline steps add their own metrics to it. */
export const workerMetrics = new Registry();
collectDefaultMetrics({ register: workerMetrics, prefix: 'patentrack_worker_' });

export interface ReadinessProbe {
  (): Promise<boolean>;
}

/** Serves `/metrics`, `/healthz` (process alive) and `/readyz` (dependencies answer) (ingestion.md §5). */
export function startMetricsServer(port: number, ready: ReadinessProbe): Promise<Server> {
  const server = createServer(async (request, response) => {
    if (request.url === '/metrics') {
      response.writeHead(200, { 'Content-Type': workerMetrics.contentType });
      response.end(await workerMetrics.metrics());
    } else if (request.url === '/healthz') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"status":"ok"}');
    } else if (request.url === '/readyz') {
      const ok = await ready().catch(() => false);
      response.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
