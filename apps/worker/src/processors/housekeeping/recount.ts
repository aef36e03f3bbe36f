import { z } from 'zod';
import { recountTouchedEntities } from '@patentrack/ingestion';
import { defineProcessor } from '../types';

/** When the last successful recount started (database clock): the next one covers jobs finished since. */
export const RECOUNT_SINCE_KEY = 'recount:entities:since';

/**
 * `recount:entities` (nightly, data-model.md §8): `entities.instances` and `representatives.total_instances` for
 * the parties touched since the last run. A failed run leaves the mark where it was, so the next one covers its
 * jobs too.
 */
export const recountEntitiesProcessor = defineProcessor({
  name: 'recount:entities',
  payload: z.object({ trigger: z.string().optional() }),
  async handle(_payload, _job, context) {
    const { rows } = await context.pool.query<{ started: Date }>('select now() as started');
    const mark = await context.redis.get(RECOUNT_SINCE_KEY);
    const result = await recountTouchedEntities(context.pool, mark ? new Date(mark) : null);
    await context.redis.set(RECOUNT_SINCE_KEY, rows[0]!.started.toISOString());
    return result;
  },
});
