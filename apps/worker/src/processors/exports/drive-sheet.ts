import { UnrecoverableError } from 'bullmq';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { createDb, withTenant, type Tx } from '@patentrack/db';
import { listAssets } from '@patentrack/db/queries';
import { integrations } from '@patentrack/db/schema';
import { ASSET_FIELDS, CSV_COLUMNS, DRIVE_EXPORT_JOB, USER_ROLES, type WorkerEnv } from '@patentrack/shared';
import { seal, unseal } from '@patentrack/shared/encryption';
import { publishOrgEvent } from '../../live/events';
import { defineProcessor } from '../types';
import { allListRows } from './list-rows';

/** Where the worker creates spreadsheets, and the key that opens the org's sealed Drive token. */
export interface SheetsSettings {
  baseUrl: string;
  /** `ENCRYPTION_KEY`, the web's; null disables exports to a sheet. */
  encryptionKey: string | null;
  /** Google's OAuth client, which renews an expired access token with the refresh token; null: not renewed. */
  oauth: { clientId: string; clientSecret: string; tokenUrl: string } | null;
}

export function sheetsSettingsFromEnv(env: WorkerEnv): SheetsSettings {
  const { GOOGLE_OAUTH_CLIENT_ID: clientId, GOOGLE_OAUTH_CLIENT_SECRET: clientSecret } = env;
  return {
    baseUrl: env.GOOGLE_SHEETS_API_BASE_URL,
    encryptionKey: env.ENCRYPTION_KEY ?? null,
    oauth: clientId && clientSecret ? { clientId, clientSecret, tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL } : null,
  };
}

export const driveExportPayload = z.object({
  orgId: z.uuid(),
  userId: z.uuid(),
  role: z.enum(USER_ROLES),
  assetIds: z.array(z.uuid()).min(1).max(1000),
  includeFields: z.array(z.enum(ASSET_FIELDS)).min(1),
  sheetName: z.string().min(1).max(100),
});
export type DriveExportPayload = z.infer<typeof driveExportPayload>;

const PROVIDER_TIMEOUT_MS = 30_000;

/** The provider refused the token (401): the connection is unusable until an admin reconnects. */
class TokenRefusedError extends UnrecoverableError {}

/** Renew the access token this long before it expires, so it cannot lapse during the export. */
const RENEW_MARGIN_MS = 60_000;

/** A fresh access token for the refresh token (RFC 6749 §6); a refused grant is a refused token. */
async function renewAccessToken(oauth: NonNullable<SheetsSettings['oauth']>, refreshToken: string) {
  const response = await fetch(oauth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: oauth.clientId,
      client_secret: oauth.clientSecret,
    }),
    redirect: 'error',
    signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
  }).catch(() => {
    throw new Error('Google did not answer the token renewal');
  });
  const renewed = z
    .object({ access_token: z.string().min(1), expires_in: z.number().int().positive().optional() })
    .safeParse(await response.json().catch(() => null));
  if (response.status === 400 || response.status === 401)
    throw new TokenRefusedError(`Google refused to renew the Drive token (HTTP ${response.status})`);
  if (!response.ok || !renewed.success)
    throw new Error(`Google did not renew the Drive token (HTTP ${response.status})`);
  return renewed.data;
}

type Cell = { userEnteredValue: { stringValue: string } | { numberValue: number } } | Record<string, never>;

/** Literal cell values: a string is never read as a formula, unlike pasted CSV text. */
function cell(value: string | number | boolean | null | undefined): Cell {
  if (value === null || value === undefined) return {};
  return typeof value === 'number'
    ? { userEnteredValue: { numberValue: value } }
    : { userEnteredValue: { stringValue: String(value) } };
}

/** Creates the spreadsheet with one sheet holding `rows` (the header first) and answers its address. */
async function createSpreadsheet(settings: SheetsSettings, token: string, title: string, rows: Cell[][]) {
  let response: Response;
  try {
    response = await fetch(`${settings.baseUrl}/v4/spreadsheets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'content-type': 'application/json; charset=utf-8',
      },
      body: JSON.stringify({
        properties: { title },
        sheets: [
          {
            properties: { title: 'Assets', gridProperties: { frozenRowCount: 1 } },
            data: [{ startRow: 0, startColumn: 0, rowData: rows.map((values) => ({ values })) }],
          },
        ],
      }),
      redirect: 'error',
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch {
    throw new Error('Google Sheets did not answer');
  }
  if (response.status === 401) throw new TokenRefusedError('Google refused the Drive token (HTTP 401)');
  const created = z
    .object({ spreadsheetUrl: z.url({ protocol: /^https?$/ }) })
    .safeParse(await response.json().catch(() => null));
  if (!response.ok || !created.success)
    throw new Error(`Google Sheets did not create the spreadsheet (HTTP ${response.status})`);
  return created.data.spreadsheetUrl;
}

const driveConnection = (orgId: string) =>
  and(eq(integrations.organizationId, orgId), eq(integrations.provider, 'google_drive'));

/** The selected assets' rows as the asset list answers them, only the chosen columns, the header first. */
async function sheetRows(tx: Tx, payload: DriveExportPayload): Promise<Cell[][]> {
  const rows = await allListRows(tx, listAssets, { ids: payload.assetIds });
  const columns = CSV_COLUMNS.assets.filter((column) => payload.includeFields.includes(column.id));
  return [
    columns.map((column) => cell(column.header)),
    ...rows.map((row) => columns.map((column) => cell(column.value(row)))),
  ];
}

type Connection = Pick<
  typeof integrations.$inferSelect,
  'accessTokenEncrypted' | 'refreshTokenEncrypted' | 'tokenExpiresAt'
>;

/**
 * The connection's access token. Google's last an hour: one about to expire is renewed with the refresh token
 * and the new one stored (sealed) through `store`.
 */
async function accessToken(
  connection: Connection,
  settings: SheetsSettings,
  key: string,
  store: (renewed: Partial<Connection>) => Promise<unknown>,
): Promise<string> {
  const { oauth } = settings;
  const current = unseal(connection.accessTokenEncrypted!, key);
  const expiring =
    connection.tokenExpiresAt !== null && connection.tokenExpiresAt.getTime() < Date.now() + RENEW_MARGIN_MS;
  if (!oauth || !connection.refreshTokenEncrypted || !expiring) return current;
  const renewed = await renewAccessToken(oauth, unseal(connection.refreshTokenEncrypted, key));
  await store({
    accessTokenEncrypted: seal(renewed.access_token, key),
    tokenExpiresAt: renewed.expires_in ? new Date(Date.now() + renewed.expires_in * 1000) : null,
  });
  return renewed.access_token;
}

/**
 * `export:drive-sheet` (#70): reads the selected assets as the requesting user, creates a spreadsheet in the org's
 * connected Drive and reports `job-complete` with its address. The outcome is kept on the integration
 * (`last_sync_at` or `last_error`); a refused token marks it `error` so the settings page asks for a reconnect.
 */
export const driveSheetProcessor = defineProcessor({
  name: DRIVE_EXPORT_JOB,
  payload: driveExportPayload,
  async handle(payload, job, context): Promise<{ spreadsheetUrl: string; rowCount: number }> {
    const jobId = job.id!;
    const db = createDb(context.pool);
    const tenant = <T>(fn: (tx: Tx) => Promise<T>) =>
      withTenant(db, { orgId: payload.orgId, userId: payload.userId, role: payload.role, scope: 'user' }, fn);
    const done = (status: 'success' | 'failed', resultUrl?: string) =>
      publishOrgEvent(context.redis, payload.orgId, {
        type: 'job-complete',
        data: { jobId, kind: 'drive_export', status, resultUrl },
      });
    try {
      const { encryptionKey } = context.sheets;
      if (!encryptionKey)
        throw new UnrecoverableError('ENCRYPTION_KEY is not set: exports to a sheet are off');
      const { connection, rows } = await tenant(async (tx) => {
        const [found] = await tx
          .select({
            accessTokenEncrypted: integrations.accessTokenEncrypted,
            refreshTokenEncrypted: integrations.refreshTokenEncrypted,
            tokenExpiresAt: integrations.tokenExpiresAt,
          })
          .from(integrations)
          .where(driveConnection(payload.orgId));
        if (!found?.accessTokenEncrypted) throw new UnrecoverableError('Google Drive is not connected');
        return { connection: found, rows: await sheetRows(tx, payload) };
      });
      const token = await accessToken(connection, context.sheets, encryptionKey, (renewed) =>
        tenant((tx) => tx.update(integrations).set(renewed).where(driveConnection(payload.orgId))),
      );
      const spreadsheetUrl = await createSpreadsheet(context.sheets, token, payload.sheetName, rows);
      await tenant((tx) =>
        tx
          .update(integrations)
          .set({ lastSyncAt: sql`now()`, lastError: null })
          .where(driveConnection(payload.orgId)),
      );
      await done('success', spreadsheetUrl);
      return { spreadsheetUrl, rowCount: rows.length - 1 };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await tenant((tx) =>
        tx
          .update(integrations)
          .set({
            lastError: reason,
            ...(error instanceof TokenRefusedError ? { status: 'error' as const } : {}),
          })
          .where(driveConnection(payload.orgId)),
      ).catch((failure: unknown) =>
        context.logger.warn({ err: failure }, 'drive export outcome not recorded'),
      );
      await done('failed');
      throw error;
    }
  },
});
