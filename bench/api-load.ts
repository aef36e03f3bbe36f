/**
 * Load driver of bench/api.bench.ts, run as its own process so the load generator does not compete with the
 * handlers for the server's event loop. Reads one job as JSON from argv, records every response time itself
 * (autocannon's summary has no p95) and sends the figures back over IPC.
 */
import autocannon from 'autocannon';

interface LoadJob {
  url: string;
  cookie: string;
  connections: number;
  duration: number;
}

const job = JSON.parse(process.argv[2]!) as LoadJob;
const latencies: number[] = [];
const instance = autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.duration,
  headers: { cookie: job.cookie },
});
instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
  latencies.push(responseTime),
);
const result = await instance;
latencies.sort((a, b) => a - b);
const percentile = (p: number) =>
  latencies.length
    ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!
    : 0;
process.send!({
  requests: latencies.length,
  p50: percentile(50),
  p95: percentile(95),
  p99: percentile(99),
  errors: result.errors + result.timeouts,
  non2xx: result.non2xx,
});
