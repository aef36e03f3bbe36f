import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/bcrypt';
import {
  cpcMasterDocType,
  ingestAssignmentFile,
  ingestBibliographicFile,
  ingestCpcMasterFile,
  ingestCpcSchemeFile,
  type FileIngestionResult,
} from '@patentrack/ingestion';
import {
  createOrganization,
  findOrganizationByName,
  runPipelineInline,
  type InlineRunResult,
} from '@patentrack/pipeline';
import type { Pool } from 'pg';
import { writeExampleCpcMasterFile, writeTitleExampleFiles } from './example-files';

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The demo tenant: companies that really occur in the sample assignment file with real chains —
 * inventors → SURVIVALINK CORPORATION → CARDIAC SCIENCE, INC. (assignments and a license), and
 * NYTELL SOFTWARE LLC, the survivor of seven recorded mergers. One day of records holds no inventor start,
 * so all their titles are broken; BETA, the company of the worked chain-of-title examples (business-rules
 * §4.2), adds complete titles, chain gaps, unreleased security interests and releases beside them.
 */
export const DEMO_ORGANIZATION = {
  name: 'PatenTrack Demo',
  companies: ['CARDIAC SCIENCE, INC.', 'SURVIVALINK CORPORATION', 'NYTELL SOFTWARE LLC', 'BETA'],
} as const;

export const DEMO_ADMIN_EMAIL = 'demo-admin@patentrack.local';
const BCRYPT_COST = 12;

/** Sample files the demo loads, by feed (folders of data/samples). */
const SAMPLE_FOLDERS = {
  assignments: 'uspto-assignments',
  grants: 'uspto-grants',
  applications: 'uspto-applications',
  cpc: 'uspto-cpc',
} as const;

const samplesOf = (root: string, folder: string): string[] => {
  const dir = path.join(root, 'data/samples', folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.(xml|zip)$/i.test(name))
        .sort()
        .map((name) => path.join(dir, name))
    : [];
};

export interface DemoAdmin {
  email: string;
  /** The generated password, only when the user was created now (it is never stored in clear elsewhere). */
  password: string | null;
  created: boolean;
}

/** Upper, lower and digit guaranteed by the suffix; 16 random bytes of entropy before it. */
const newDemoPassword = () => `${randomBytes(16).toString('base64url')}Pt7`;

/**
 * Creates the demo organization's admin login (bcrypt cost 12, active, verified) unless a user with the demo
 * email exists. The auth layer verifies it like any other user.
 */
export async function createDemoAdmin(pool: Pool, orgId: string): Promise<DemoAdmin> {
  const { rows } = await pool.query(
    `select id from users where lower(email) = lower($1) and deleted_at is null`,
    [DEMO_ADMIN_EMAIL],
  );
  if (rows.length > 0) return { email: DEMO_ADMIN_EMAIL, password: null, created: false };
  const password = newDemoPassword();
  await pool.query(
    `insert into users (organization_id, email, password_hash, first_name, last_name, role, status, email_verified_at)
     values ($1, $2, $3, 'Demo', 'Admin', 'admin', 'active', now())`,
    [orgId, DEMO_ADMIN_EMAIL, await hash(password, BCRYPT_COST)],
  );
  return { email: DEMO_ADMIN_EMAIL, password, created: true };
}

/**
 * A new password for the existing demo admin: a checkout that finds the demo already seeded (by another checkout
 * on the same database) has no record of its password, and `npm start` must print one that works.
 */
async function reissueDemoPassword(pool: Pool, orgId: string): Promise<DemoAdmin> {
  const password = newDemoPassword();
  const { rowCount } = await pool.query(
    `update users set password_hash = $3
      where organization_id = $1 and lower(email) = lower($2) and deleted_at is null`,
    [orgId, DEMO_ADMIN_EMAIL, await hash(password, BCRYPT_COST)],
  );
  return rowCount ? { email: DEMO_ADMIN_EMAIL, password, created: false } : createDemoAdmin(pool, orgId);
}

const savedDemoPassword = (file: string) =>
  existsSync(file) && /^DEMO_ADMIN_PASSWORD=./m.test(readFileSync(file, 'utf8'));

/** Records the generated password in the git-ignored `.env.local` so `npm start` can show it again. */
export function rememberDemoPassword(file: string, password: string): void {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lines = existing
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('DEMO_ADMIN_PASSWORD='));
  writeFileSync(file, `${[...lines, `DEMO_ADMIN_PASSWORD=${password}`].join('\n')}\n`, { mode: 0o600 });
}

export interface DemoSeedResult {
  orgId: string;
  /** False when `ifMissing` found the demo organization already there. */
  seeded: boolean;
  files: { file: string; status: string; processed?: number }[];
  run: InlineRunResult | null;
  admin: DemoAdmin;
}

/**
 * Writes the worked title examples as a weekly grant file and a daily assignment file, and loads both; with a
 * grant master classification sample, also that sample plus the examples' classifications.
 */
async function ingestTitleExamples(
  pool: Pool,
  root: string,
  record: (source: string, summary: FileIngestionResult) => void,
): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pt-demo-'));
  try {
    const files = await writeTitleExampleFiles(dir);
    record(
      files.grants,
      await ingestBibliographicFile({ feed: 'grants', pool, source: files.grants, trigger: 'manual' }),
    );
    record(
      files.assignments,
      await ingestAssignmentFile({ pool, source: files.assignments, trigger: 'manual' }),
    );
    const cpcSamples = samplesOf(root, SAMPLE_FOLDERS.cpc);
    const master = cpcSamples.find((file) => cpcMasterDocType(path.basename(file)) === 'grant');
    for (const source of cpcSamples.filter((file) => /^cpc-scheme-/i.test(path.basename(file))))
      record(source, await ingestCpcSchemeFile({ pool, source, trigger: 'manual' }));
    if (master) {
      const documents = [SAMPLE_FOLDERS.grants, SAMPLE_FOLDERS.applications].flatMap((folder) =>
        samplesOf(root, folder),
      );
      const source = await writeExampleCpcMasterFile(dir, master, documents);
      record(source, await ingestCpcMasterFile({ pool, source, trigger: 'manual' }));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Seeds the demo tenant: loads the sample assignment, grant, application and CPC files and the worked title
 * examples (idempotent), creates the demo organization and its admin login, and runs the organization's
 * pipeline.
 */
export async function seedDemo(
  pool: Pool,
  options: { ifMissing?: boolean; root?: string; envFile?: string; log?: (message: string) => void } = {},
): Promise<DemoSeedResult> {
  const root = options.root ?? REPOSITORY_ROOT;
  const log = options.log ?? (() => undefined);
  const envFile = options.envFile ?? path.join(root, '.env.local');
  const existing = await findOrganizationByName(pool, DEMO_ORGANIZATION.name);
  if (existing && options.ifMissing) {
    const admin = savedDemoPassword(envFile)
      ? { email: DEMO_ADMIN_EMAIL, password: null, created: false }
      : await reissueDemoPassword(pool, existing.id);
    if (admin.password) rememberDemoPassword(envFile, admin.password);
    return { orgId: existing.id, seeded: false, files: [], run: null, admin };
  }
  const files: DemoSeedResult['files'] = [];
  const record = (source: string, summary: FileIngestionResult) => {
    files.push({
      file: path.basename(source),
      status: summary.status,
      processed: 'processed' in summary ? summary.processed : undefined,
    });
    log(`loaded ${path.basename(source)}: ${summary.status}`);
  };
  for (const source of samplesOf(root, SAMPLE_FOLDERS.assignments))
    record(source, await ingestAssignmentFile({ pool, source, trigger: 'manual' }));
  for (const feed of ['grants', 'applications'] as const) {
    for (const source of samplesOf(root, SAMPLE_FOLDERS[feed]))
      record(source, await ingestBibliographicFile({ feed, pool, source, trigger: 'manual' }));
  }
  await ingestTitleExamples(pool, root, record);
  const orgId =
    existing?.id ??
    (
      await createOrganization(pool, {
        name: DEMO_ORGANIZATION.name,
        companies: [...DEMO_ORGANIZATION.companies],
      })
    ).id;
  const admin = await createDemoAdmin(pool, orgId);
  if (admin.password) rememberDemoPassword(envFile, admin.password);
  const run = await runPipelineInline(
    pool,
    { orgId, jobType: 'full_rebuild', trigger: 'seed' },
    {
      onStepEvent: (event) => {
        if (event.status !== 'started') log(`pipeline ${event.step} ${event.status}`);
      },
    },
  );
  return { orgId, seeded: true, files, run, admin };
}
