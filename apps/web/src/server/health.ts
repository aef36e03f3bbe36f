import 'server-only';
import { sql } from 'drizzle-orm';
import { appDb, redis } from './connections';

export type DependencyState = 'ok' | 'down';
export interface HealthReport {
  status: 'ok' | 'degraded';
  db: DependencyState;
  redis: DependencyState;
  version: string;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

async function probe(check: () => Promise<unknown>): Promise<DependencyState> {
  try {
    await withTimeout(check());
    return 'ok';
  } catch {
    return 'down';
  }
}

/** Liveness of the web process's dependencies; never throws, so a dead dependency is reported, not a crash. */
export async function checkHealth(version: string): Promise<HealthReport> {
  const [db, cache] = await Promise.all([
    probe(() => appDb().execute(sql`select 1`)),
    probe(() => redis().ping()),
  ]);
  return { status: db === 'ok' && cache === 'ok' ? 'ok' : 'degraded', db, redis: cache, version };
}
