import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { HttpClient } from '../common/http-client';
import { IngestionError } from '../common/errors';
import { DELETE_IF_EQUAL, type EpoRedis } from './redis';

export const TOKEN_KEY = 'epo:oauth:token';
export const TOKEN_LOCK_KEY = 'lock:epo:token';
/** BR-057: the cached token expires this long before OPS's own expiry (1 100 s of a 1 200 s token). */
const EXPIRY_MARGIN_SECONDS = 100;
/** Long enough for one token request with its retries; a crashed holder frees the lock after this. */
const LOCK_TTL_MS = 30_000;
const WAIT_POLL_MS = 50;

const tokenResponse = z.object({
  access_token: z.string().min(1),
  // OPS sends it as a string ("1199").
  expires_in: z.coerce.number().int().positive(),
});

export interface OpsCredentials {
  authUrl: string;
  key: string;
  secret: string;
}

/**
 * The OPS OAuth client-credentials token, shared by every worker through Redis (BR-057). Only the holder of
 * `lock:epo:token` asks OPS for a new one; everyone else waits for it to appear in the cache, so any number of
 * concurrent look-ups after an expiry cost one token request (single flight).
 */
export class OpsTokenCache {
  constructor(
    private readonly redis: EpoRedis,
    private readonly http: HttpClient,
    private readonly credentials: OpsCredentials,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async get(): Promise<string> {
    const deadline = Date.now() + LOCK_TTL_MS * 2;
    for (;;) {
      const cached = await this.redis.get(TOKEN_KEY);
      if (cached) return cached;
      const owner = randomUUID();
      if (await this.redis.set(TOKEN_LOCK_KEY, owner, 'PX', LOCK_TTL_MS, 'NX')) {
        try {
          // Another holder may have stored a token between our read and our lock.
          return (await this.redis.get(TOKEN_KEY)) ?? (await this.fetchAndCache());
        } finally {
          await this.redis.eval(DELETE_IF_EQUAL, 1, TOKEN_LOCK_KEY, owner);
        }
      }
      if (Date.now() > deadline)
        throw IngestionError.transient('Timed out waiting for the OPS token refresh');
      await this.sleep(WAIT_POLL_MS);
    }
  }

  /** Drops `token` after OPS rejected it, unless another worker has already replaced it with a fresh one. */
  async invalidate(token: string): Promise<void> {
    await this.redis.eval(DELETE_IF_EQUAL, 1, TOKEN_KEY, token);
  }

  private async fetchAndCache(): Promise<string> {
    const { authUrl, key, secret } = this.credentials;
    if (!key || !secret) throw new IngestionError('auth', 'EPO_OPS_KEY and EPO_OPS_SECRET are not set');
    const response = await this.http.call(authUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
    });
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new IngestionError('auth', `OPS refused the client credentials (HTTP ${response.status})`, {
        httpStatus: response.status,
      });
    }
    if (response.status !== 200) {
      throw new IngestionError('permanent', `OPS token endpoint answered HTTP ${response.status}`, {
        httpStatus: response.status,
      });
    }
    let parsed;
    try {
      parsed = tokenResponse.safeParse(JSON.parse(response.body.toString('utf8')));
    } catch {
      throw IngestionError.data('OPS token response is not JSON');
    }
    if (!parsed.success) throw IngestionError.data('OPS token response lacks access_token or expires_in');
    const ttl = parsed.data.expires_in - EXPIRY_MARGIN_SECONDS;
    // A token living shorter than the margin is still usable once, but not worth sharing.
    if (ttl > 0) await this.redis.set(TOKEN_KEY, parsed.data.access_token, 'EX', ttl);
    return parsed.data.access_token;
  }
}
