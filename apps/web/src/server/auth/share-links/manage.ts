import { init } from '@paralleldrive/cuid2';
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { AppError, decodeCursor, encodeCursor, type UserRole } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import {
  assets,
  customerConfigurations,
  shareAccessLogs,
  shareLinkAssets,
  shareLinks,
} from '@patentrack/db/schema';
import { recordAudit, type AuditInput } from '../accounts';
import { SHARE_DEFAULT_EXPIRY } from '../config';
import type { Grant } from '../permissions';
import {
  expiresAtFor,
  SHARE_EXPIRY_CHOICES,
  type CreateShareInput,
  type ShareExpiry,
  type UpdateShareInput,
} from './schemas';

/** 32-character CUID2 codes from a CSPRNG (BR-044). */
export const createShareCode = init({ length: 32 });

export interface ShareActor {
  userId: string;
  orgId: string;
  role: UserRole;
  /** `shares.manage` grant: `own` limits a member to the links they created. */
  grant: Grant | null;
}

type Meta = Pick<AuditInput, 'ip' | 'userAgent' | 'requestId'>;
type ShareRow = typeof shareLinks.$inferSelect;

function present(link: ShareRow, assetIds: string[], appUrl: string) {
  return {
    id: link.id,
    code: link.shareCode,
    name: link.name,
    url: new URL(`/shared/${link.shareCode}`, appUrl).toString(),
    expiresAt: link.expiresAt?.toISOString() ?? null,
    maxUses: link.maxUses,
    useCount: link.useCount,
    lastAccessedAt: link.lastAccessedAt?.toISOString() ?? null,
    revokedAt: link.revokedAt?.toISOString() ?? null,
    createdBy: link.createdBy,
    createdAt: link.createdAt.toISOString(),
    assetIds,
    permissions: {
      diagram: link.allowDiagram,
      assetList: link.allowAssetList,
      connections: link.allowConnections,
    },
  };
}
export type ShareItem = ReturnType<typeof present>;

function assertMayChooseNever(actor: ShareActor, expiresIn: ShareExpiry | undefined) {
  if (expiresIn === 'never' && actor.role === 'member') {
    throw new AppError('FORBIDDEN', 'Only administrators can create links that never expire', {
      field: 'expiresIn',
    });
  }
}

/** Every asset must be visible to the caller's org (RLS); another tenant's asset is reported as not found. */
async function assertAssetsInOrg(tx: Tx, assetIds: string[]) {
  const found = await tx
    .select({ id: assets.id })
    .from(assets)
    .where(and(inArray(assets.id, assetIds), isNull(assets.deletedAt)));
  if (found.length !== assetIds.length) throw AppError.notFound('Asset');
}

async function orgDefaultExpiry(tx: Tx, orgId: string): Promise<ShareExpiry> {
  const [config] = await tx
    .select({ rulesConfig: customerConfigurations.rulesConfig })
    .from(customerConfigurations)
    .where(eq(customerConfigurations.organizationId, orgId));
  const configured = ((config?.rulesConfig ?? {}) as Record<string, unknown>)['share.defaultExpiry'];
  return (SHARE_EXPIRY_CHOICES as readonly unknown[]).includes(configured)
    ? (configured as ShareExpiry)
    : SHARE_DEFAULT_EXPIRY;
}

async function linkAssetIds(tx: Tx, shareLinkId: string): Promise<string[]> {
  const rows = await tx
    .select({ assetId: shareLinkAssets.assetId })
    .from(shareLinkAssets)
    .where(eq(shareLinkAssets.shareLinkId, shareLinkId));
  return rows.map((r) => r.assetId).sort();
}

/** Creates an asset-scoped read-only link (product.md #57) and its audit row in one transaction. */
export async function createShareLink(
  tx: Tx,
  actor: ShareActor,
  input: CreateShareInput,
  appUrl: string,
  meta: Meta,
) {
  assertMayChooseNever(actor, input.expiresIn);
  await assertAssetsInOrg(tx, input.assetIds);
  const expiresIn = input.expiresIn ?? (await orgDefaultExpiry(tx, actor.orgId));
  const [link] = await tx
    .insert(shareLinks)
    .values({
      organizationId: actor.orgId,
      shareCode: createShareCode(),
      name: input.name,
      createdBy: actor.userId,
      allowDiagram: input.allowDiagram,
      allowAssetList: input.allowAssetList,
      allowConnections: input.allowConnections,
      expiresAt: expiresAtFor(expiresIn, new Date()),
      maxUses: input.maxUses ?? null,
    })
    .returning();
  await tx
    .insert(shareLinkAssets)
    .values(
      input.assetIds.map((assetId) => ({ organizationId: actor.orgId, shareLinkId: link!.id, assetId })),
    );
  await recordAudit(tx, actor.orgId, {
    action: 'share.create',
    actorUserId: actor.userId,
    targetType: 'share_link',
    targetId: link!.id,
    ...meta,
    metadata: { expiresIn, assetCount: input.assetIds.length },
  });
  return present(link!, [...input.assetIds].sort(), appUrl);
}

/** The link if the caller may manage it: another org's link does not exist for them (404), another member's is 403. */
async function manageableLink(tx: Tx, actor: ShareActor, shareLinkId: string): Promise<ShareRow> {
  const [link] = await tx.select().from(shareLinks).where(eq(shareLinks.id, shareLinkId));
  if (!link) throw AppError.notFound('Share link');
  if (actor.grant === 'own' && link.createdBy !== actor.userId) {
    throw new AppError('FORBIDDEN', 'Only the creator or an administrator can change this link');
  }
  return link;
}

export async function listShareLinks(
  tx: Tx,
  actor: ShareActor,
  page: { limit: number; cursor?: string },
  appUrl: string,
) {
  const conditions = [];
  if (actor.grant === 'own') conditions.push(eq(shareLinks.createdBy, actor.userId));
  if (page.cursor) {
    const [createdAt, id] = decodeCursor(page.cursor, 2) as [string, string];
    conditions.push(
      or(
        lt(shareLinks.createdAt, new Date(createdAt)),
        and(eq(shareLinks.createdAt, new Date(createdAt)), lt(shareLinks.id, id)),
      ),
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await tx
    .select()
    .from(shareLinks)
    .where(where)
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id))
    .limit(page.limit + 1);
  const [{ total }] = (await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(shareLinks)
    .where(actor.grant === 'own' ? eq(shareLinks.createdBy, actor.userId) : undefined)) as [
    { total: number },
  ];
  const pageRows = rows.slice(0, page.limit);
  const assetRows = pageRows.length
    ? await tx
        .select()
        .from(shareLinkAssets)
        .where(
          inArray(
            shareLinkAssets.shareLinkId,
            pageRows.map((r) => r.id),
          ),
        )
    : [];
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map((row) =>
      present(
        row,
        assetRows
          .filter((a) => a.shareLinkId === row.id)
          .map((a) => a.assetId)
          .sort(),
        appUrl,
      ),
    ),
    cursor: {
      next: rows.length > page.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      hasMore: rows.length > page.limit,
    },
    total,
  };
}

export async function updateShareLink(
  tx: Tx,
  actor: ShareActor,
  shareLinkId: string,
  patch: UpdateShareInput,
  appUrl: string,
  meta: Meta,
) {
  const link = await manageableLink(tx, actor, shareLinkId);
  if (link.revokedAt) throw new AppError('CONFLICT', 'A revoked link cannot be changed');
  assertMayChooseNever(actor, patch.expiresIn);
  if (patch.assetIds) {
    await assertAssetsInOrg(tx, patch.assetIds);
    await tx.delete(shareLinkAssets).where(eq(shareLinkAssets.shareLinkId, link.id));
    await tx.insert(shareLinkAssets).values(
      patch.assetIds.map((assetId) => ({
        organizationId: link.organizationId,
        shareLinkId: link.id,
        assetId,
      })),
    );
  }
  if (patch.maxUses != null && patch.maxUses < link.useCount) {
    throw AppError.validation({ maxUses: [`Already used ${link.useCount} times`] });
  }
  const [updated] = await tx
    .update(shareLinks)
    .set({
      name: patch.name,
      allowDiagram: patch.allowDiagram,
      allowAssetList: patch.allowAssetList,
      allowConnections: patch.allowConnections,
      maxUses: patch.maxUses,
      expiresAt: patch.expiresIn === undefined ? undefined : expiresAtFor(patch.expiresIn, new Date()),
    })
    .where(eq(shareLinks.id, link.id))
    .returning();
  await recordAudit(tx, link.organizationId, {
    action: 'share.update',
    actorUserId: actor.userId,
    targetType: 'share_link',
    targetId: link.id,
    ...meta,
    metadata: { fields: Object.keys(patch) },
  });
  return present(updated!, await linkAssetIds(tx, link.id), appUrl);
}

/** Revokes now (product.md #60, S-21): the next viewer request, even with a live share cookie, gets 410. */
export async function revokeShareLink(tx: Tx, actor: ShareActor, shareLinkId: string, meta: Meta) {
  const link = await manageableLink(tx, actor, shareLinkId);
  if (!link.revokedAt) {
    await tx.update(shareLinks).set({ revokedAt: new Date() }).where(eq(shareLinks.id, link.id));
    await recordAudit(tx, link.organizationId, {
      action: 'share.revoke',
      actorUserId: actor.userId,
      targetType: 'share_link',
      targetId: link.id,
      ...meta,
    });
  }
  return { success: true };
}

/** IPv4 keeps three octets, IPv6 its first three groups: enough to recognise a network, not a person. */
export function maskIp(ip: string): string {
  if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}::`;
  return ip.split('.').slice(0, 3).concat('x').join('.');
}

export async function shareAccessLog(
  tx: Tx,
  actor: ShareActor,
  shareLinkId: string,
  page: { limit: number; cursor?: string },
) {
  const link = await manageableLink(tx, actor, shareLinkId);
  const conditions = [eq(shareAccessLogs.shareLinkId, link.id)];
  if (page.cursor) {
    const [id] = decodeCursor(page.cursor, 1) as [number];
    conditions.push(lt(shareAccessLogs.id, id));
  }
  const rows = await tx
    .select()
    .from(shareAccessLogs)
    .where(and(...conditions))
    .orderBy(desc(shareAccessLogs.id))
    .limit(page.limit + 1);
  const [{ total }] = (await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(shareAccessLogs)
    .where(eq(shareAccessLogs.shareLinkId, link.id))) as [{ total: number }];
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map((r) => ({
      accessedAt: r.accessedAt.toISOString(),
      ipMasked: maskIp(r.ipAddress),
      userAgent: r.userAgent,
      outcome: r.outcome,
    })),
    cursor: {
      next: rows.length > page.limit && last ? encodeCursor([last.id]) : null,
      hasMore: rows.length > page.limit,
    },
    total,
  };
}
