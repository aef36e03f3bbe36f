import type { Pool } from 'pg';

/** Waits until no pipeline run is pending or running and the given ingestion jobs have fanned out. */
export async function waitForQuiet(
  pool: Pool,
  expectedIngestionJobs: number,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ fanned: number; busy: number }>(
      `select (select count(*) from ingestion_jobs where fanout_completed_at is not null)::int as fanned,
              (select count(*) from processing_jobs where status in ('pending', 'running'))::int as busy`,
    );
    if (rows[0]!.fanned >= expectedIngestionJobs && rows[0]!.busy === 0) return;
    if (Date.now() > deadline) throw new Error(`not quiet after ${timeoutMs} ms: ${JSON.stringify(rows[0])}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
