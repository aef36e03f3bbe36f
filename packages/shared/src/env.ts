import { z } from 'zod';

/** Raised when the process environment does not satisfy its schema; names every offending variable. */
export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid environment configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`,
    );
    this.name = 'EnvError';
  }
}

/** Validates `source` against a process's env schema; fails fast naming each bad variable. */
export function loadEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => ({
      variable: issue.path.join('.') || '(root)',
      message: issue.message,
    })),
  );
}

const nodeEnv = z.enum(['development', 'test', 'production']).default('development');
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Local-development defaults only (engineering.md §4); production must set them explicitly. */
export const LOCAL_DEFAULTS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/patentrack',
  REDIS_URL: 'redis://127.0.0.1:6379',
} as const;

/** Replaces the user of a PostgreSQL URL, e.g. to derive the app and worker role URLs in development. */
export function withDatabaseUser(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = '';
  return parsed.toString();
}

const baseShape = {
  NODE_ENV: nodeEnv,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url().optional(),
  REDIS_URL: z.url().optional(),
  QUEUE_PREFIX: z.string().min(1).default('pt'),
  // Private file storage: the web serves and stores uploads, the worker writes exports, in the same folder.
  STORAGE_DIR: z.string().min(1).optional(),
};

/** The AES-256-GCM key of sealed secrets (`@patentrack/shared/encryption`). */
const encryptionKey = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (a 256-bit key)');

/** Google's OAuth client: the web signs in and connects Drive with it, the worker renews Drive access tokens. */
const googleOAuthClient = {
  GOOGLE_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_OAUTH_TOKEN_URL: z.url().default('https://oauth2.googleapis.com/token'),
};

type BaseEnv = z.infer<z.ZodObject<typeof baseShape>>;

/** Fills the local-development defaults unless running in production, where they must be explicit. */
function withLocalDefaults<T extends BaseEnv>(
  env: T,
  ctx: z.RefinementCtx,
): T & { DATABASE_URL: string; REDIS_URL: string } {
  for (const key of ['DATABASE_URL', 'REDIS_URL'] as const) {
    if (!env[key] && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
  }
  return {
    ...env,
    DATABASE_URL: env.DATABASE_URL ?? LOCAL_DEFAULTS.DATABASE_URL,
    REDIS_URL: env.REDIS_URL ?? LOCAL_DEFAULTS.REDIS_URL,
  };
}

/** Environment of the web process (Next.js server). */
export const webEnvSchema = z
  .object({
    ...baseShape,
    DATABASE_URL_APP: z.url().optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    APP_URL: z.url().default('http://localhost:3000'),
    CORS_ALLOWED_ORIGINS: z.string().default(''),
    MAIL_OUTBOX_DIR: z.string().optional(),
    SHARE_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters'),
    ENCRYPTION_KEY: encryptionKey,
    // Signs the short-lived download links of stored files (S-09).
    STORAGE_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters'),
    // Lowering the bcrypt cost is honoured in test runs only (see BCRYPT_COST in .env.example).
    BCRYPT_COST: z.coerce.number().int().min(4).max(15).optional(),
    REDIS_KEY_PREFIX: z.string().min(1).default('pt'),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    // OAuth sign-in (product.md #8, #9): a provider is offered only when its client id and secret are set.
    ...googleOAuthClient,
    GOOGLE_OAUTH_AUTHORIZE_URL: z.url().default('https://accounts.google.com/o/oauth2/v2/auth'),
    GOOGLE_OAUTH_JWKS_URL: z.url().default('https://www.googleapis.com/oauth2/v3/certs'),
    GOOGLE_OAUTH_ISSUER: z.url().default('https://accounts.google.com'),
    MICROSOFT_OAUTH_CLIENT_ID: z.string().min(1).optional(),
    MICROSOFT_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
    MICROSOFT_OAUTH_AUTHORIZE_URL: z
      .url()
      .default('https://login.microsoftonline.com/common/oauth2/v2.0/authorize'),
    MICROSOFT_OAUTH_TOKEN_URL: z.url().default('https://login.microsoftonline.com/common/oauth2/v2.0/token'),
    MICROSOFT_OAUTH_JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    // `{tenantid}` is replaced by the token's `tid`: the multi-tenant endpoint issues per-tenant issuers.
    MICROSOFT_OAUTH_ISSUER: z.url().default('https://login.microsoftonline.com/{tenantid}/v2.0'),
    // Integrations (product.md #66–#72). Drive and Teams use the Google and Microsoft clients above; Slack has its own.
    SLACK_CLIENT_ID: z.string().min(1).optional(),
    SLACK_CLIENT_SECRET: z.string().min(1).optional(),
    SLACK_AUTHORIZE_URL: z.url().default('https://slack.com/oauth/v2/authorize'),
    SLACK_API_BASE_URL: z.url().default('https://slack.com/api'),
    GOOGLE_DRIVE_API_BASE_URL: z.url().default('https://www.googleapis.com'),
    MICROSOFT_GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com'),
  })
  .transform((env, ctx) => {
    const withDefaults = withLocalDefaults(env, ctx);
    return {
      ...withDefaults,
      DATABASE_URL_APP: env.DATABASE_URL_APP ?? withDatabaseUser(withDefaults.DATABASE_URL, 'patentrack_app'),
    };
  });
export type WebEnv = z.infer<typeof webEnvSchema>;

/** Environment of the worker process and the CLI. */
export const workerEnvSchema = z
  .object({
    ...baseShape,
    DATABASE_URL_WORKER: z.url().optional(),
    CRON_ENABLED: booleanFlag.default(true),
    WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    USPTO_ODP_BASE_URL: z.url().default('https://api.uspto.gov'),
    USPTO_ODP_API_KEY: z.string().optional(),
    CPC_SCHEME_BASE_URL: z.url().default('https://www.cooperativepatentclassification.org'),
    INGEST_WORK_DIR: z.string().optional(),
    INGEST_BATCH_SIZE: z.coerce.number().int().positive().default(500),
    INGEST_MAX_DOWNLOAD_BYTES: z.coerce.number().positive().default(20e9),
    INGEST_MAX_UNCOMPRESSED_BYTES: z.coerce.number().positive().default(100e9),
    INGEST_MAX_ERROR_RATE: z.coerce.number().min(0).max(1).default(0.05),
    INGEST_MAX_ERRORS: z.coerce.number().int().min(0).default(10_000),
    INGEST_MAX_ERROR_ROWS: z.coerce.number().int().min(0).default(10_000),
    HTTP_MAX_RETRIES: z.coerce.number().int().min(0).default(5),
    HTTP_BACKOFF_BASE_MS: z.coerce.number().int().min(0).default(1000),
    HTTP_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(30000),
    HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().default(120000),
    ORG_PURGE_AFTER_DAYS: z.coerce.number().int().positive().default(30),
    // Organizations whose incremental state the worker loads at start, so their next runs patch (0 = none).
    PIPELINE_WARM_ORGANIZATIONS: z.coerce.number().int().min(0).default(6),
    // EPO OPS (ingestion.md §2.1, §3.6); the auth URL defaults to `${EPO_OPS_BASE_URL}/auth/accesstoken`.
    EPO_OPS_BASE_URL: z.url().default('https://ops.epo.org/3.2'),
    EPO_OPS_AUTH_URL: z.url().optional(),
    EPO_OPS_KEY: z.string().optional(),
    EPO_OPS_SECRET: z.string().optional(),
    EPO_RATE_LIMIT_PER_SEC: z.coerce.number().positive().default(1),
    EPO_SWEEP_MAX: z.coerce.number().int().positive().default(2000),
    EPO_WEEKLY_QUOTA_BYTES: z.coerce.number().positive().default(4e9),
    // Company enrichment (ingestion.md §3.7): a provider whose key is unset or empty is disabled, its step `skipped`.
    RITEKIT_BASE_URL: z.url().default('https://api.ritekit.com'),
    RITEKIT_CLIENT_ID: z.string().optional(),
    CLEARBIT_BASE_URL: z.url().default('https://company.clearbit.com'),
    CLEARBIT_API_KEY: z.string().optional(),
    // Exports to a Google Sheet (#70) open the org's sealed Drive token with the web's key; unset disables them.
    ENCRYPTION_KEY: encryptionKey.optional(),
    GOOGLE_SHEETS_API_BASE_URL: z.url().default('https://sheets.googleapis.com'),
    ...googleOAuthClient,
  })
  .transform((env, ctx) => {
    const withDefaults = withLocalDefaults(env, ctx);
    return {
      ...withDefaults,
      DATABASE_URL_WORKER:
        env.DATABASE_URL_WORKER ?? withDatabaseUser(withDefaults.DATABASE_URL, 'patentrack_worker'),
      EPO_OPS_AUTH_URL: env.EPO_OPS_AUTH_URL ?? `${env.EPO_OPS_BASE_URL}/auth/accesstoken`,
    };
  });
export type WorkerEnv = z.infer<typeof workerEnvSchema>;
