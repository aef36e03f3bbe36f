import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { AppError } from '@patentrack/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool, type Db } from './client';
import { withTenant, type TenantContext } from './tenant';
import { createTestDatabase, type TestDatabase } from './testing';
import { seedOrganization, type OrgFixture } from './test-support/tenant-fixture';

let database: TestDatabase;
let admin: pg.Client;
let org: OrgFixture;

const settings = sql`select
  current_setting('app.current_org_id', true) as org,
  current_setting('app.user_id', true) as "user",
  current_setting('app.user_role', true) as role,
  current_setting('app.access_scope', true) as scope,
  current_setting('app.share_link_id', true) as link,
  app_current_org()::text as helper_org`;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  const entity = await admin.query(
    `INSERT INTO entities (name, name_key) VALUES ('ACME INC', 'acme inc') RETURNING id`,
  );
  org = await seedOrganization(admin, 'tenant', entity.rows[0].id);
});
afterAll(async () => {
  await admin?.end();
  await database?.drop();
});

describe('withTenant()', () => {
  let pool: pg.Pool;
  let db: Db;
  beforeAll(() => {
    // One connection, so every call below reuses the same pooled session.
    pool = createPool(database.appUrl, { max: 1 });
    db = createDb(pool);
  });
  afterAll(() => pool.end());

  const ctx = (): TenantContext => ({ orgId: org.orgId, userId: org.userId, role: 'admin', scope: 'user' });

  it('sets the whole context inside the transaction', async () => {
    const inside = await withTenant(db, ctx(), (tx) => tx.execute(settings));
    expect(inside.rows[0]).toEqual({
      org: org.orgId,
      user: org.userId,
      role: 'admin',
      scope: 'user',
      link: '',
      helper_org: org.orgId,
    });
  });

  it('leaves nothing behind on the pooled connection, also after a failure', async () => {
    await withTenant(db, ctx(), (tx) => tx.execute(sql`select 1`));
    const after = await db.execute(settings);
    expect(after.rows[0]).toMatchObject({ org: '', role: '', scope: '', helper_org: null });

    await expect(
      withTenant(db, ctx(), async (tx) => {
        await tx.execute(sql`select 1`);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect((await db.execute(settings)).rows[0]).toMatchObject({ org: '', helper_org: null });
  });

  it('rolls back the writes of a failed handler', async () => {
    const name = `rollback-${randomUUID()}`;
    await expect(
      withTenant(db, ctx(), async (tx) => {
        await tx.execute(sql`UPDATE companies SET name = ${name} WHERE id = ${org.companyId}`);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const { rows } = await admin.query('SELECT name FROM companies WHERE id = $1', [org.companyId]);
    expect(rows[0].name).not.toBe(name);
  });

  it('rejects an inconsistent context before touching the database', async () => {
    const invalid: TenantContext[] = [
      { orgId: org.orgId, userId: null, role: null, scope: 'share:read' },
      { orgId: org.orgId, userId: org.userId, role: 'admin', scope: 'user', shareLinkId: org.liveLinkId },
      { orgId: 'not-a-uuid', userId: null, role: 'member', scope: 'user' },
      { orgId: org.orgId, userId: null, role: 'admin', scope: 'share:read', shareLinkId: org.liveLinkId },
    ];
    for (const context of invalid) {
      await expect(withTenant(db, context, (tx) => tx.execute(sql`select 1`))).rejects.toBeInstanceOf(
        AppError,
      );
    }
  });
});

describe('SECURITY DEFINER entry points (data-model §7.6)', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = createPool(database.appUrl, { max: 40 });
  });
  afterAll(() => pool.end());

  async function createLink(fields: {
    maxUses?: number;
    expiresAt?: string;
    revoked?: boolean;
  }): Promise<string> {
    const code = randomUUID().replace(/-/g, '').slice(0, 24);
    await admin.query(
      `INSERT INTO share_links (organization_id, share_code, name, max_uses, expires_at, revoked_at)
       VALUES ($1, $2, 'test', $3, $4, CASE WHEN $5 THEN now() END)`,
      [org.orgId, code, fields.maxUses ?? null, fields.expiresAt ?? null, fields.revoked ?? false],
    );
    return code;
  }
  const redeem = (code: string) =>
    pool.query(`SELECT * FROM share_link_redeem($1, '203.0.113.7', 'vitest')`, [code]).then((r) => r.rows);

  it('never redeems a link more than max_uses times, however many redeem at once', async () => {
    const code = await createLink({ maxUses: 5 });
    const outcomes = (await Promise.all(Array.from({ length: 30 }, () => redeem(code)))).map(
      (rows) => rows[0].outcome,
    );
    expect(outcomes.filter((o) => o === 'granted')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'exhausted')).toHaveLength(25);
    const link = await admin.query('SELECT id, use_count FROM share_links WHERE share_code = $1', [code]);
    expect(link.rows[0].use_count).toBe(5);
    const logs = await admin.query(
      'SELECT outcome, count(*)::int AS n FROM share_access_logs WHERE share_link_id = $1 GROUP BY 1 ORDER BY 1',
      [link.rows[0].id],
    );
    expect(logs.rows).toEqual([
      { outcome: 'granted', n: 5 },
      { outcome: 'exhausted', n: 25 },
    ]);
  });

  it('returns the link and its permissions, or the reason it is refused', async () => {
    const live = await redeem(await createLink({}));
    expect(live).toEqual([
      expect.objectContaining({
        outcome: 'granted',
        organization_id: org.orgId,
        allow_diagram: true,
        allow_connections: false,
      }),
    ]);
    expect((await redeem(await createLink({ revoked: true })))[0].outcome).toBe('revoked');
    expect((await redeem(await createLink({ expiresAt: '2001-01-01T00:00:00Z' })))[0].outcome).toBe(
      'expired',
    );
    expect(await redeem('no-such-code')).toEqual([]);
  });

  it('finds a user by email without a tenant context, returning only the login columns', async () => {
    const { rows: users } = await admin.query('SELECT email FROM users WHERE id = $1', [org.userId]);
    const { rows } = await pool.query('SELECT * FROM auth_find_user_by_email($1)', [
      users[0].email.toUpperCase(),
    ]);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]).sort()).toEqual(
      ['email_verified_at', 'id', 'mfa_enabled', 'organization_id', 'password_hash', 'role', 'status'].sort(),
    );
    expect(rows[0]).toMatchObject({ id: org.userId, organization_id: org.orgId, role: 'admin' });
  });

  it('consumes a token once, and never when expired', async () => {
    const secret = randomUUID();
    const hash = createHash('sha256').update(secret).digest('hex');
    await admin.query(
      `INSERT INTO user_tokens (organization_id, user_id, purpose, token_hash, expires_at)
       VALUES ($1, $2, 'password_reset', $3, now() + interval '1 hour')`,
      [org.orgId, org.userId, hash],
    );
    const consume = (h: string, purpose: string) =>
      pool.query('SELECT * FROM auth_consume_token($1, $2)', [h, purpose]).then((r) => r.rows);
    expect(await consume(hash, 'email_verify')).toEqual([]);
    expect(await consume(hash, 'password_reset')).toEqual([
      { user_id: org.userId, organization_id: org.orgId },
    ]);
    expect(await consume(hash, 'password_reset')).toEqual([]);

    const expired = createHash('sha256').update(randomUUID()).digest('hex');
    await admin.query(
      `INSERT INTO user_tokens (organization_id, user_id, purpose, token_hash, expires_at)
       VALUES ($1, $2, 'password_reset', $3, now() - interval '1 minute')`,
      [org.orgId, org.userId, expired],
    );
    expect(await consume(expired, 'password_reset')).toEqual([]);
  });

  it('is not executable by roles other than the app', async () => {
    const worker = new pg.Client({ connectionString: database.workerUrl });
    await worker.connect();
    try {
      await expect(worker.query(`SELECT * FROM share_link_redeem('x', '127.0.0.1', 'x')`)).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await worker.end();
    }
  });
});
