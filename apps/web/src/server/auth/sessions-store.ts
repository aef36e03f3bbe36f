import type { Redis } from 'ioredis';
import { REFRESH_TOKEN_TTL_S } from './config';
import type { AuthKeys } from './redis-keys';
import { opaqueToken, sha256Hex } from './secrets';

interface RefreshRecord {
  userId: string;
  orgId: string;
  sessionId: string;
  /** The session passed a TOTP check; carried into every access token it mints. */
  mfa: boolean;
  state: 'live' | 'rotated';
  createdAt: string;
}

export type RefreshOutcome =
  | { kind: 'rotated'; userId: string; orgId: string; sessionId: string; mfa: boolean; refreshToken: string }
  | { kind: 'reused'; userId: string }
  | { kind: 'invalid' };

/**
 * Marks a live refresh record as rotated and returns what it held, atomically: two concurrent uses of one token
 * cannot both rotate it. The tombstone keeps its TTL so a later replay is recognised as reuse (S-02, BR-050).
 */
const ROTATE_SCRIPT = `
local value = redis.call('GET', KEYS[1])
if not value then return nil end
local record = cjson.decode(value)
if record.state ~= 'live' then return value end
record.state = 'rotated'
redis.call('SET', KEYS[1], cjson.encode(record), 'KEEPTTL')
return value`;

/** Server-side sessions in Redis: refresh tokens stored only as SHA-256, rotated on use, one set of session ids per user. */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: AuthKeys,
  ) {}

  /** Opens a session; returns its id and first refresh token (32 random bytes, never stored in clear). */
  async open(
    userId: string,
    orgId: string,
    mfa: boolean,
  ): Promise<{ sessionId: string; refreshToken: string }> {
    const sessionId = opaqueToken(18);
    const refreshToken = await this.issue({ userId, orgId, sessionId, mfa });
    await this.redis
      .multi()
      .sadd(this.keys.userSessions(userId), sessionId)
      .expire(this.keys.userSessions(userId), REFRESH_TOKEN_TTL_S)
      .exec();
    return { sessionId, refreshToken };
  }

  private async issue(
    session: Pick<RefreshRecord, 'userId' | 'orgId' | 'sessionId' | 'mfa'>,
  ): Promise<string> {
    const refreshToken = opaqueToken(32);
    const tokenHash = sha256Hex(refreshToken);
    const { sessionId } = session;
    const record: RefreshRecord = { ...session, state: 'live', createdAt: new Date().toISOString() };
    await this.redis
      .multi()
      .set(this.keys.refresh(tokenHash), JSON.stringify(record), 'EX', REFRESH_TOKEN_TTL_S)
      .set(this.keys.sessionRefresh(sessionId), tokenHash, 'EX', REFRESH_TOKEN_TTL_S)
      .exec();
    return refreshToken;
  }

  /** Exchanges a refresh token for a new one; a replayed (already rotated) token revokes every session of its user. */
  async rotate(refreshToken: string): Promise<RefreshOutcome> {
    const raw = (await this.redis.eval(ROTATE_SCRIPT, 1, this.keys.refresh(sha256Hex(refreshToken)))) as
      string | null;
    if (raw === null) return { kind: 'invalid' };
    const record = JSON.parse(raw) as RefreshRecord;
    if (record.state !== 'live') {
      await this.revokeAll(record.userId);
      return { kind: 'reused', userId: record.userId };
    }
    if (!(await this.isActive(record.userId, record.sessionId))) return { kind: 'invalid' };
    const next = await this.issue(record);
    return {
      kind: 'rotated',
      userId: record.userId,
      orgId: record.orgId,
      sessionId: record.sessionId,
      mfa: record.mfa,
      refreshToken: next,
    };
  }

  isActive(userId: string, sessionId: string): Promise<boolean> {
    return this.redis.sismember(this.keys.userSessions(userId), sessionId).then((n) => n === 1);
  }

  /** Ends one session (logout): its refresh token stops working and its access tokens are refused. */
  async close(userId: string, sessionId: string): Promise<void> {
    const tokenHash = await this.redis.get(this.keys.sessionRefresh(sessionId));
    const multi = this.redis
      .multi()
      .srem(this.keys.userSessions(userId), sessionId)
      .del(this.keys.sessionRefresh(sessionId));
    if (tokenHash) multi.del(this.keys.refresh(tokenHash));
    await multi.exec();
  }

  /** Ends every session of a user (refresh reuse, password reset, removal, lock). */
  async revokeAll(userId: string): Promise<void> {
    const sessionIds = await this.redis.smembers(this.keys.userSessions(userId));
    const tokenHashes = sessionIds.length
      ? await this.redis.mget(sessionIds.map((sid) => this.keys.sessionRefresh(sid)))
      : [];
    const multi = this.redis.multi().del(this.keys.userSessions(userId));
    for (const sid of sessionIds) multi.del(this.keys.sessionRefresh(sid));
    for (const tokenHash of tokenHashes) if (tokenHash) multi.del(this.keys.refresh(tokenHash));
    await multi.exec();
  }
}
