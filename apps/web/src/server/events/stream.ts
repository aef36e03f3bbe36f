import { Redis } from 'ioredis';
import { EVENT_CHANNELS, liveEventSchema, type Logger } from '@patentrack/shared';

/** Heartbeat comment every 25 s keeps proxies from closing an idle stream (product.md Part C, SSE). */
export const SSE_HEARTBEAT_MS = 25_000;

export interface LiveStreamOptions {
  redisUrl: string;
  orgId: string;
  /** Super admins also receive the admin channel (ingestion jobs, cross-tenant operations). */
  includeAdmin: boolean;
  signal: AbortSignal;
  log: Logger;
  heartbeatMs?: number;
}

/**
 * Relays the worker's Redis pub/sub events of one organization as Server-Sent Events. Each event gets a
 * monotonically increasing id; pub/sub keeps no history, so a client resuming with `Last-Event-ID` receives
 * a `resync` event telling it to refetch what it shows instead of a replay.
 */
export function liveEventStream(
  options: LiveStreamOptions,
  lastEventId: string | null,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const subscriber = new Redis(options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  const channels = [
    EVENT_CHANNELS.org(options.orgId),
    ...(options.includeAdmin ? [EVENT_CHANNELS.admin] : []),
  ];
  let sequence = 0;
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;

  const close = (controller?: ReadableStreamDefaultController<Uint8Array>) => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    subscriber.disconnect();
    try {
      controller?.close();
    } catch {
      // Already closed by the client going away.
    }
  };

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => {
        if (closed) return;
        sequence += 1;
        controller.enqueue(
          encoder.encode(`id: ${Date.now()}-${sequence}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        );
      };
      options.signal.addEventListener('abort', () => close(controller), { once: true });
      subscriber.on('message', (_channel: string, message: string) => {
        const parsed = liveEventSchema.safeParse(safeJson(message));
        if (parsed.success) send(parsed.data.type, parsed.data.data);
        else options.log.warn({ channel: _channel }, 'dropped a malformed live event');
      });
      try {
        await subscriber.connect();
        await subscriber.subscribe(...channels);
      } catch (error) {
        options.log.error({ err: error }, 'live event subscription failed');
        close(controller);
        return;
      }
      controller.enqueue(encoder.encode(`retry: 5000\n\n`));
      send('connected', { orgId: options.orgId, channels: channels.length });
      if (lastEventId) send('resync', { lastEventId });
      heartbeat = setInterval(
        () => !closed && controller.enqueue(encoder.encode(`: heartbeat\n\n`)),
        options.heartbeatMs ?? SSE_HEARTBEAT_MS,
      );
    },
    cancel() {
      close();
    },
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
