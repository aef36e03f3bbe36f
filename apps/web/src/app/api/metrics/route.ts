import { apiRoute } from '@/server/http/api-route';
import { prometheusText } from '@/server/metrics/registry';

export const GET = apiRoute(
  {
    summary: "Prometheus metrics: web process and request counters plus the worker's queue gauges",
    auth: 'public',
    response: { contentType: 'text/plain; version=0.0.4' },
  },
  async ({ deps }) => {
    const { contentType, body } = await prometheusText(deps);
    return new Response(body, { headers: { 'Content-Type': contentType } });
  },
);
