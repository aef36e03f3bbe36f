import { z } from 'zod';
import { metrics } from '../../observability/metrics';
import { defineProcessor } from '../types';

/**
 * `monitor:freshness` (ingestion.md §5.3): per source, seconds since the last success and its status
 * against the source's warn/critical thresholds, as Prometheus gauges.
 */
export const freshnessProcessor = defineProcessor({
  name: 'monitor:freshness',
  payload: z.object({ trigger: z.string().optional() }),
  async handle(_payload, _job, context) {
    const { rows } = await context.pool.query<{
      key: string;
      last_success: number | null;
      age: number | null;
      warn: number;
      critical: number;
    }>(
      `select key, extract(epoch from last_success_at)::float8 as last_success,
              extract(epoch from now() - last_success_at)::float8 as age,
              freshness_warn_hours * 3600 as warn, freshness_critical_hours * 3600 as critical
         from data_sources where is_active order by key`,
    );
    for (const row of rows) {
      const status = row.age === null || row.age >= row.critical ? 2 : row.age >= row.warn ? 1 : 0;
      metrics.sourceFreshnessStatus.set({ source: row.key }, status);
      if (row.age !== null) metrics.sourceFreshness.set({ source: row.key }, row.age);
      if (row.last_success !== null) metrics.sourceLastSuccess.set({ source: row.key }, row.last_success);
    }
    return { sources: rows.length };
  },
});
