import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';

vi.mock('server-only', () => ({}));

type Connections = typeof globalThis & {
  __ptDb?: { $client: { end(): Promise<void> } };
  __ptRedis?: { disconnect(): void };
};

let database: TestDatabase;

/** A loopback port nobody listens on: a Redis that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function healthWith(redisUrl: string) {
  Object.assign(process.env, {
    DATABASE_URL: database.adminUrl,
    DATABASE_URL_APP: database.appUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SHARE_TOKEN_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    STORAGE_SIGNING_SECRET: randomBytes(32).toString('hex'),
  });
  vi.resetModules();
  const { GET } = await import('./route');
  const response = await GET();
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  const connections = globalThis as Connections;
  connections.__ptRedis?.disconnect();
  await connections.__ptDb?.$client.end();
  delete connections.__ptRedis;
  delete connections.__ptDb;
});

afterAll(async () => {
  await database?.drop();
});

describe('GET /api/health', () => {
  it('answers ok with the database, Redis and version', async () => {
    const { status, body } = await healthWith('redis://127.0.0.1:6379');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', db: 'ok', redis: 'ok', version: expect.any(String) });
  });

  it('answers 503 naming Redis when Redis is down, instead of failing', async () => {
    const { status, body } = await healthWith(`redis://127.0.0.1:${await closedPort()}`);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'degraded', db: 'ok', redis: 'down' });
  });
});
