import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { queueBoard } from '@/server/metrics/queues';
import { dataOf } from '@/server/listing/schemas';

const count = z.number().int().nonnegative();
const queueBoardSchema = dataOf(
  z.array(
    z.object({
      name: z.string(),
      paused: z.boolean(),
      counts: z.object({ waiting: count, active: count, delayed: count, failed: count, completed: count }),
      failed: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          failedReason: z.string().nullable(),
          attemptsMade: z.number().int(),
          createdAt: z.string(),
          finishedAt: z.string().nullable(),
          data: z.unknown(),
        }),
      ),
    }),
  ),
);

export const GET = apiRoute(
  {
    summary:
      "Read-only board of the worker's queues for /admin/queues: job counts per state and the latest failed jobs",
    auth: 'user',
    permission: 'platform.operate',
    response: { schema: queueBoardSchema },
  },
  async ({ deps }) => ({ data: await queueBoard(deps) }),
);
