import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '@patentrack/shared';
import { arrayParam } from '@patentrack/db/queries';
import { unseal } from '@patentrack/shared/encryption';
import { consumeRateLimit } from '../auth/rate-limit';
import { callProviderApi } from '../oauth/client';
import { auditIntegration, requireClient, requireConnection, type IntegrationContext } from './connections';

/** product.md #68: 10 messages per hour per organization. */
const NOTIFY_LIMIT = { bucket: 'slack-notify', limit: 10, windowSeconds: 60 * 60 };
const MAX_LISTED_ASSETS = 50;

export interface SlackNotifyInput {
  channel: string;
  message: string;
  assetIds?: string[];
}

/** The message followed by one line per selected asset of the org (number and title), as Slack mrkdwn text. */
async function messageText(ctx: IntegrationContext, input: SlackNotifyInput): Promise<string> {
  const assetIds = input.assetIds ?? [];
  if (assetIds.length === 0) return input.message;
  const { rows } = await ctx.tenant((tx) =>
    tx.execute<{ grant_doc_num: string | null; appno_doc_num: string | null; title: string | null }>(sql`
      select a.grant_doc_num, a.appno_doc_num, p.title
        from assets a left join patents p on p.id = a.patent_id
       where a.organization_id = ${ctx.orgId} and a.deleted_at is null and a.id = any(${arrayParam(assetIds)}::uuid[])
       order by a.grant_doc_num nulls last, a.appno_doc_num`),
  );
  if (rows.length !== new Set(assetIds).size) throw AppError.notFound('Asset');
  const lines = rows.slice(0, MAX_LISTED_ASSETS).map((asset) => {
    const number = asset.grant_doc_num
      ? `US ${Number(asset.grant_doc_num).toLocaleString('en-US')}`
      : `Appl. ${asset.appno_doc_num}`;
    return `• ${number}${asset.title ? ` — ${asset.title}` : ''}`;
  });
  const more = rows.length > MAX_LISTED_ASSETS ? [`…and ${rows.length - MAX_LISTED_ASSETS} more`] : [];
  return [input.message, '', ...lines, ...more].join('\n');
}

/** Posts a message with the selected assets to a channel of the connected Slack workspace (product.md #68). */
export async function notifySlack(ctx: IntegrationContext, input: SlackNotifyInput) {
  const client = requireClient(ctx.deps, 'slack');
  const sealedToken = await requireConnection(ctx, 'slack');
  const decision = await consumeRateLimit(
    ctx.deps.redis,
    ctx.deps.keys.rateLimit(NOTIFY_LIMIT.bucket, ctx.orgId),
    NOTIFY_LIMIT,
  );
  if (!decision.allowed)
    throw new AppError('RATE_LIMITED', `Slack messages are limited to ${NOTIFY_LIMIT.limit} per hour`, {
      retryAfter: decision.retryAfter,
    });
  const text = await messageText(ctx, input);
  const posted = await callProviderApi(
    client.name,
    `${client.apiBaseUrl}/chat.postMessage`,
    unseal(sealedToken, ctx.deps.env.ENCRYPTION_KEY),
    z.object({ ok: z.literal(true), ts: z.string() }),
    { method: 'POST', json: { channel: input.channel, text } },
  );
  await ctx.tenant((tx) =>
    auditIntegration(tx, ctx, 'slack', 'integration.slack.notify', {
      channel: input.channel,
      assets: input.assetIds?.length ?? 0,
    }),
  );
  return { sent: true as const, timestamp: posted.ts };
}
