import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { AppError, decodeCursor, encodeCursor } from '@patentrack/shared';
import { withTenant, type Db, type Tx } from '@patentrack/db';
import {
  assetDiagrams,
  assetTitleStatus,
  assets,
  organizations,
  patents,
  shareLinkAssets,
} from '@patentrack/db/schema';
import type { SharePrincipal } from '../../http/api-route';
import type { ServerDeps } from '../../http/deps';
import { NO_TENANT } from '../accounts';
import { COOKIE, SHARE_COOKIE_PATH, SHARE_TOKEN_MAX_TTL_S } from '../config';
import { serializeCookie } from '../../http/cookies';
import { signShareToken } from '../tokens';

const GONE_REASON = { expired: 'expired', revoked: 'revoked', exhausted: 'max_uses' } as const;
const GONE_MESSAGE = {
  expired: 'This link has expired',
  revoked: 'This link was withdrawn by its owner',
  exhausted: 'This link has been used the maximum number of times',
} as const;

type RedeemRow = {
  outcome: 'granted' | 'expired' | 'exhausted' | 'revoked';
  share_link_id: string;
  organization_id: string;
  allow_diagram: boolean;
  allow_asset_list: boolean;
  allow_connections: boolean;
  expires_at: Date | string | null;
};

async function redeemRow(tx: Tx, code: string, meta: { ip: string; userAgent: string | null }) {
  const result = await tx.execute<RedeemRow>(
    sql`select * from share_link_redeem(${code}, ${meta.ip}::inet, ${meta.userAgent})`,
  );
  return result.rows[0];
}

/** What a share page says instead of the viewer: 404 for an unknown code, 410 with the reason (BR-046). */
export type ShareLinkVerdict =
  | { reason: 'not_found' }
  | { reason: 'revoked' | 'max_uses' }
  | { reason: 'expired'; expiredAt: string | null };

/** Carries the rolled-back entry call's row out of its transaction. */
class DryRunRollback extends Error {
  constructor(readonly row: RedeemRow | undefined) {
    super('share link dry run');
  }
}

/**
 * The verdict the entry call would give, without spending a use or logging an access: the same
 * `share_link_redeem` runs in a transaction that is always rolled back. The page needs it before rendering, to
 * answer 404/410, while the counted entry call stays the browser's, so link previews (no script) spend no use.
 * Null means the link is usable.
 */
export async function peekShareLink(db: Db, code: string): Promise<ShareLinkVerdict | null> {
  let row: RedeemRow | undefined;
  try {
    await withTenant(db, NO_TENANT, async (tx) => {
      // The placeholder address only satisfies the access log's NOT NULL; the row is rolled back with the rest.
      throw new DryRunRollback(await redeemRow(tx, code, { ip: '0.0.0.0', userAgent: null }));
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    row = error.row;
  }
  if (!row) return { reason: 'not_found' };
  if (row.outcome === 'granted') return null;
  if (row.outcome === 'expired')
    return { reason: 'expired', expiredAt: row.expires_at ? new Date(row.expires_at).toISOString() : null };
  return { reason: GONE_REASON[row.outcome] };
}

/**
 * Entry call of the share viewer (product.md #62, BR-045..047): one atomic `share_link_redeem` counts the use and
 * logs IP and user agent; a granted link yields a `share:read` token limited to its assets, in an httpOnly cookie.
 */
export async function redeemShareLink(
  deps: ServerDeps,
  code: string,
  meta: { ip: string; userAgent: string | null },
) {
  const link = await withTenant(deps.db, NO_TENANT, (tx) => redeemRow(tx, code, meta));
  if (!link) throw AppError.notFound('Share link');
  const expiresAt = link.expires_at === null ? null : new Date(link.expires_at);
  if (link.outcome !== 'granted') {
    throw new AppError('GONE', GONE_MESSAGE[link.outcome], {
      reason: GONE_REASON[link.outcome],
      ...(link.outcome === 'expired' && expiresAt ? { expiredAt: expiresAt.toISOString() } : {}),
    });
  }
  const context = {
    orgId: link.organization_id,
    userId: null,
    role: null,
    scope: 'share:read' as const,
    shareLinkId: link.share_link_id,
  };
  const { organization, assetIds } = await withTenant(deps.db, context, async (tx) => {
    const [org] = await tx
      .select({ id: organizations.id, name: organizations.name, logo: organizations.logoObjectKey })
      .from(organizations);
    const rows = await tx.select({ assetId: shareLinkAssets.assetId }).from(shareLinkAssets);
    return { organization: org, assetIds: rows.map((r) => r.assetId).sort() };
  });
  if (!organization) throw AppError.notFound('Share link');
  const permissions = {
    diagram: link.allow_diagram,
    assetList: link.allow_asset_list,
    connections: link.allow_connections,
  };
  const now = Math.floor(Date.now() / 1000);
  // A token never outlives its link (BR-046) and is re-issued by the next entry call after a day.
  const untilExpiry = expiresAt ? Math.floor(expiresAt.getTime() / 1000) - now : SHARE_TOKEN_MAX_TTL_S;
  const ttl = Math.max(1, Math.min(SHARE_TOKEN_MAX_TTL_S, untilExpiry));
  const token = await signShareToken(
    { shareLinkId: link.share_link_id, code, orgId: link.organization_id, assetIds, permissions },
    deps.env.SHARE_TOKEN_SECRET,
    ttl,
    now,
  );
  return {
    cookie: serializeCookie(COOKIE.share, token, {
      maxAgeSeconds: ttl,
      path: SHARE_COOKIE_PATH,
      secure: deps.secureCookies,
    }),
    body: {
      organizationName: organization.name,
      logoUrl: organization.logo ? `/api/v1/shared/${code}/logo` : null,
      permissions,
      assetCount: assetIds.length,
      expiresAt: expiresAt?.toISOString() ?? null,
    },
  };
}

/** An asset outside the link answers as if it did not exist (BR-045). */
export function assertAssetInLink(principal: SharePrincipal, assetId: string): void {
  if (!principal.assetIds.includes(assetId)) throw AppError.notFound('Asset');
}

export function assertSharePermission(
  principal: SharePrincipal,
  permission: keyof SharePrincipal['permissions'],
): void {
  if (!principal.permissions[permission])
    throw new AppError('FORBIDDEN', 'Not included in this link', { permission });
}

/** Worst verdict first: an asset's org-level status is the worst of its companies' verdicts (engineering.md §8). */
const STATUS_RANK = ['broken', 'divested', 'complete'];

/** Shared asset list (product.md #63); public patent data is read only for the link's own assets. */
export async function listSharedAssets(
  tx: Tx,
  principal: SharePrincipal,
  page: { limit: number; cursor?: string },
) {
  const conditions = [inArray(assets.id, principal.assetIds)];
  if (page.cursor) conditions.push(gt(assets.id, String(decodeCursor(page.cursor, 1)[0])));
  const rows = await tx
    .select({
      id: assets.id,
      appno: assets.appnoDocNum,
      grant: assets.grantDocNum,
      patentId: assets.patentId,
    })
    .from(assets)
    .where(and(...conditions))
    .orderBy(asc(assets.id))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const ids = pageRows.map((r) => r.id);
  const patentIds = pageRows.map((r) => r.patentId).filter((id): id is string => id !== null);
  const statuses = ids.length
    ? await tx
        .select({ assetId: assetTitleStatus.assetId, status: assetTitleStatus.status })
        .from(assetTitleStatus)
        .where(inArray(assetTitleStatus.assetId, ids))
    : [];
  const titles = patentIds.length
    ? await tx
        .select({ id: patents.id, title: patents.title })
        .from(patents)
        .where(inArray(patents.id, patentIds))
    : [];
  const statusOf = (assetId: string) =>
    statuses
      .filter((s) => s.assetId === assetId)
      .map((s) => String(s.status))
      .sort((a, b) => STATUS_RANK.indexOf(a) - STATUS_RANK.indexOf(b))[0] ?? null;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map((r) => ({
      id: r.id,
      numbers: { application: r.appno, grant: r.grant },
      title: titles.find((t) => t.id === r.patentId)?.title ?? null,
      status: statusOf(r.id),
    })),
    cursor: {
      next: rows.length > page.limit && last ? encodeCursor([last.id]) : null,
      hasMore: rows.length > page.limit,
    },
    total: principal.assetIds.length,
  };
}

interface DiagramJson {
  popups?: { rfId?: string }[];
  connections?: Record<string, unknown>[];
  [key: string]: unknown;
}

async function diagramOf(tx: Tx, assetId: string): Promise<DiagramJson> {
  const [row] = await tx
    .select({ diagram: assetDiagrams.diagram })
    .from(assetDiagrams)
    .where(eq(assetDiagrams.assetId, assetId));
  if (!row) throw AppError.notFound('Diagram');
  return row.diagram as DiagramJson;
}

/** Read-only diagram (product.md #64): without the connections permission, popups are removed. */
export async function sharedDiagram(tx: Tx, principal: SharePrincipal, assetId: string) {
  assertAssetInLink(principal, assetId);
  assertSharePermission(principal, 'diagram');
  const diagram = await diagramOf(tx, assetId);
  if (principal.permissions.connections) return diagram;
  const { popups: _popups, connections, ...rest } = diagram;
  return { ...rest, connections: (connections ?? []).map(({ popup: _popup, ...connection }) => connection) };
}

/** One transaction popup of a shared diagram (product.md #65). */
export async function sharedConnection(tx: Tx, principal: SharePrincipal, assetId: string, rfId: string) {
  assertAssetInLink(principal, assetId);
  assertSharePermission(principal, 'connections');
  const popup = (await diagramOf(tx, assetId)).popups?.find((p) => p.rfId === rfId);
  if (!popup) throw AppError.notFound('Transaction');
  return popup;
}
