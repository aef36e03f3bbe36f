// Pipeline benchmark (prints figures; not a test): a generated organization of N assets and 4N transactions
// over a database of at least M background assignments; a full run, then an incremental run after 100 new
// transactions touching the organization — in this process, as the worker that ran the full run does it, and
// again in fresh processes, as the first run after a worker restart does it: with nothing of the previous run
// held, and once the worker's start-up warm-up has loaded it.
// `--quick` runs a small version; `--assets=` / `--background=` tune it.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createPool } from '@patentrack/db';
import { createTestDatabase, ensureTestTemplate, maintainAsSuperuser } from '@patentrack/db/testing';
import {
  CONVEYANCE_TEXT,
  createOrganization,
  runPipelineInline,
  warmIncrementalState,
  type InlineRunResult,
} from '@patentrack/pipeline';
import { insertRecordedTransactions, syntheticPortfolio } from '@patentrack/pipeline/testing';

const argument = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = process.argv.includes('--quick');
const assets = Number(argument('assets') ?? (quick ? 1_000 : 10_000));
const background = Number(argument('background') ?? (quick ? 100_000 : 1_000_000));
const TRANSACTIONS_PER_ASSET = 4;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const log = (message: string) => process.stdout.write(`${message}\n`);

/** Background assignments of unrelated parties, written set-based in SQL (one property, one party a side). */
async function writeBackground(pool: ReturnType<typeof createPool>, count: number): Promise<void> {
  await pool.query(
    `insert into entities (name, name_key) select 'BACKGROUND PARTY ' || g, 'background party ' || g from generate_series(1, 20000) g
     on conflict (name_key) do nothing`,
  );
  const chunk = 200_000;
  for (let start = 0; start < count; start += chunk) {
    const end = Math.min(count, start + chunk);
    await pool.query(
      `insert into assignments (rf_id, reel_no, frame_no, convey_text, record_dt, record_hash)
       select lpad((100000 + g / 9999)::text, 6, '0') || '-' || lpad((g % 9999 + 1)::text, 4, '0'), 100000 + g / 9999, g % 9999 + 1,
              case g % 4 when 0 then $3 when 1 then $4 when 2 then $5 else $6 end,
              date '2001-01-01' + (g % 8000), md5(g::text) || md5(g::text)
         from generate_series($1::int, $2::int - 1) g`,
      [
        start,
        end,
        CONVEYANCE_TEXT.assignment,
        CONVEYANCE_TEXT.security,
        CONVEYANCE_TEXT.employee,
        CONVEYANCE_TEXT.release,
      ],
    );
    const rf = `lpad((100000 + g / 9999)::text, 6, '0') || '-' || lpad((g % 9999 + 1)::text, 4, '0')`;
    await pool.query(
      `insert into assignors (rf_id, seq, entity_id, or_name, exec_dt)
       select ${rf}, 1, e.id, e.name, date '2001-01-01' + (g % 8000)
         from generate_series($1::int, $2::int - 1) g join entities e on e.name_key = 'background party ' || (g % 20000 + 1)`,
      [start, end],
    );
    await pool.query(
      `insert into assignees (rf_id, seq, entity_id, ee_name)
       select ${rf}, 1, e.id, e.name
         from generate_series($1::int, $2::int - 1) g join entities e on e.name_key = 'background party ' || ((g * 7) % 20000 + 1)`,
      [start, end],
    );
    await pool.query(
      `insert into document_ids (rf_id, property_seq, appno_doc_num, appno_date, grant_doc_num)
       select ${rf}, 1, lpad((20000000 + g / 3)::text, 8, '0'), date '2001-01-01' + (g % 8000), (30000000 + g / 3)::text
         from generate_series($1::int, $2::int - 1) g`,
      [start, end],
    );
    await pool.query(
      `insert into assignment_conveyances (rf_id, keyword_convey_ty, convey_ty, employer_assign, source, rules_version)
       select ${rf}, t, t, t = 'employee', 'keyword', 1
         from generate_series($1::int, $2::int - 1) g,
              lateral (select case g % 4 when 0 then 'assignment' when 1 then 'security' when 2 then 'employee' else 'release' end as t) c`,
      [start, end],
    );
    log(`  background ${end.toLocaleString()} / ${count.toLocaleString()}`);
  }
}

function printRun(label: string, run: InlineRunResult): void {
  log(`${label}: ${run.status} in ${seconds(run.durationMs)}`);
  for (const step of run.steps)
    log(
      `  ${step.step.padEnd(14)} ${seconds(step.durationMs).padStart(9)}  ${step.recordsProcessed.toLocaleString()} records`,
    );
}

type Pool = ReturnType<typeof createPool>;

/** Records 100 new transactions touching the organization (new securities on existing assets), as ingestion job. */
async function recordTouchingTransactions(pool: Pool, round: number): Promise<string> {
  const touched = syntheticPortfolio({
    company: 'BENCH HOLDINGS INC',
    assets: 100,
    transactionsPerAsset: 2,
    firstReel: 990_000 + round,
    firstAppno: 15_000_000,
    startYear: 2030 + round,
  }).filter((_, i) => i % 2 === 1);
  await insertRecordedTransactions(pool, touched);
  // As an ingestion job leaves them: the job id on the rows it wrote, and on the run its fan-out requests.
  const ingestionJobId = randomUUID();
  await pool.query(
    `update assignments set source_job_id = $1 where rf_id in (select unnest($2::varchar[]))`,
    [ingestionJobId, touched.map((t) => t.rfId)],
  );
  return ingestionJobId;
}

const incrementalRun = (pool: Pool, orgId: string, ingestionJobId: string) =>
  runPipelineInline(pool, {
    orgId,
    jobType: 'incremental',
    trigger: 'bench',
    sourceIngestionJobIds: [ingestionJobId],
  });

const share = (part: InlineRunResult, whole: InlineRunResult) =>
  `${((part.durationMs / whole.durationMs) * 100).toFixed(1)} %`;

/**
 * `--fresh-run=<database url>,<org id>,<ingestion job id>[,warm]`: the child process of the restart measurements;
 * with `warm`, it first loads the state a restarted worker loads at start (`warmIncrementalState`).
 */
const freshRun = argument('fresh-run');
if (freshRun) {
  const [url, orgId, ingestionJobId, warm] = freshRun.split(',') as [string, string, string, string?];
  const pool = createPool(url);
  const started = performance.now();
  if (warm) await warmIncrementalState(pool, { organizations: 1 });
  const warmUpMs = Math.round(performance.now() - started);
  const run = await incrementalRun(pool, orgId, ingestionJobId);
  process.stdout.write(JSON.stringify({ ...run, warmUpMs }));
  await pool.end();
} else {
  await ensureTestTemplate();
  const database = await createTestDatabase();
  const pool = createPool(database.workerUrl);
  // The database is dropped at the end; its idle connections may be cut first.
  pool.on('error', () => undefined);
  try {
    log(
      `PatenTrack pipeline benchmark: ${assets.toLocaleString()} assets, ${(assets * TRANSACTIONS_PER_ASSET).toLocaleString()} org transactions, ${background.toLocaleString()} background assignments`,
    );
    const started = performance.now();
    await writeBackground(pool, background);
    const portfolio = syntheticPortfolio({
      company: 'BENCH HOLDINGS INC',
      assets,
      transactionsPerAsset: TRANSACTIONS_PER_ASSET,
      firstReel: 700_000,
      firstAppno: 15_000_000,
    });
    for (let i = 0; i < portfolio.length; i += 5_000)
      await insertRecordedTransactions(pool, portfolio.slice(i, i + 5_000));
    // Statistics as autovacuum keeps them on a live database (the worker role may not ANALYZE).
    await maintainAsSuperuser(database, 'ANALYZE');
    log(`data generated in ${seconds(performance.now() - started)}`);

    const org = await createOrganization(pool, { name: 'Bench Holdings', companies: ['BENCH HOLDINGS INC'] });
    const full = await runPipelineInline(pool, { orgId: org.id, jobType: 'full_rebuild', trigger: 'bench' });
    printRun('full run', full);

    const incremental = await incrementalRun(pool, org.id, await recordTouchingTransactions(pool, 0));
    printRun('incremental run after 100 new transactions', incremental);
    log(`incremental / full: ${share(incremental, full)}`);

    /** An incremental run in a fresh process, as the first run after a worker restart; `warm`: after its warm-up. */
    const afterRestart = async (round: number, warm: boolean) =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [
            '--import',
            'tsx',
            fileURLToPath(import.meta.url),
            `--fresh-run=${database.workerUrl},${org.id},${await recordTouchingTransactions(pool, round)}${warm ? ',warm' : ''}`,
          ],
          { encoding: 'utf8' },
        ),
      ) as InlineRunResult & { warmUpMs: number };
    const cold = await afterRestart(1, false);
    printRun('the same in a fresh process, as right after a worker restart (nothing held)', cold);
    log(`right after a restart / full: ${share(cold, full)}`);
    const warmed = await afterRestart(2, true);
    printRun(
      `the same in a fresh process once its start-up warm-up has run (${seconds(warmed.warmUpMs)})`,
      warmed,
    );
    log(`after the warm-up / full: ${share(warmed, full)}`);
    log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    await pool.end();
    await database.drop();
  }
}
