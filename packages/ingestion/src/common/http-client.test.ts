import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IngestionError } from './errors';
import { HttpClient, parseRetryAfter, type HttpClientOptions } from './http-client';
import { TestFileServer } from './test-file-server';

const body = randomBytes(256 * 1024);
const sha = createHash('sha256').update(body).digest('hex');

let server: TestFileServer;
let dir: string;
let delays: number[];

function client(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    maxRetries: 5,
    backoffBaseMs: 1,
    connectTimeoutMs: 10_000,
    idleTimeoutMs: 10_000,
    random: () => 0,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...overrides,
  });
}

async function expectIngestionError(promise: Promise<unknown>): Promise<IngestionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestionError);
  return error as IngestionError;
}

beforeEach(async () => {
  server = new TestFileServer();
  await server.start();
  dir = await mkdtemp(join(tmpdir(), 'pt-http-'));
  delays = [];
});

afterEach(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('HttpClient.download retry matrix', () => {
  it('waits Retry-After on 429, then succeeds', async () => {
    server.route(
      '/f.zip',
      { kind: 'status', status: 429, headers: { 'retry-after': '7' } },
      { kind: 'ok', body },
    );
    const result = await client().download(server.url('/f.zip'), join(dir, 'f.zip'));
    expect(result.sha256).toBe(sha);
    expect(delays).toEqual([7000]);
    expect(server.hits('/f.zip')).toHaveLength(2);
  });

  it('backs off exponentially on 429 without Retry-After and fails as rate_limit when exhausted', async () => {
    server.route('/f.zip', { kind: 'status', status: 429 });
    const error = await expectIngestionError(
      client({ backoffBaseMs: 10, maxRetries: 3 }).download(server.url('/f.zip'), join(dir, 'f.zip')),
    );
    expect(error.errorClass).toBe('rate_limit');
    expect(delays).toEqual([10, 20, 40]);
    expect(server.hits('/f.zip')).toHaveLength(4);
  });

  it('retries 503 twice, then succeeds', async () => {
    server.route(
      '/f.zip',
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
      { kind: 'ok', body },
    );
    const result = await client().download(server.url('/f.zip'), join(dir, 'f.zip'));
    expect(result.sha256).toBe(sha);
    expect(server.hits('/f.zip')).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('gives up on persistent 5xx after HTTP_MAX_RETRIES as transient', async () => {
    server.route('/f.zip', { kind: 'status', status: 502 });
    const error = await expectIngestionError(client().download(server.url('/f.zip'), join(dir, 'f.zip')));
    expect(error.errorClass).toBe('transient');
    expect(server.hits('/f.zip')).toHaveLength(6);
  });

  it('retries a connection reset', async () => {
    server.route('/f.zip', { kind: 'reset' }, { kind: 'ok', body });
    const result = await client().download(server.url('/f.zip'), join(dir, 'f.zip'));
    expect(result.sha256).toBe(sha);
    expect(
      createHash('sha256')
        .update(await readFile(join(dir, 'f.zip')))
        .digest('hex'),
    ).toBe(sha);
  });

  it('resumes a body cut mid-transfer with Range and keeps the sha256 of the whole file', async () => {
    server.route('/f.zip', { kind: 'cut', body, bytes: 100_000 }, { kind: 'ok', body });
    const result = await client().download(server.url('/f.zip'), join(dir, 'f.zip'));
    expect(result).toMatchObject({ bytes: body.length, sha256: sha });
    expect(result.resumedRequests).toBeGreaterThanOrEqual(1);
    const resumedFrom = Number(/^bytes=(\d+)-$/.exec(server.hits('/f.zip')[1]?.headers.range ?? '')?.[1]);
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThanOrEqual(100_000);
    expect(await readFile(join(dir, 'f.zip'))).toEqual(body);
  });

  it('restarts from byte 0 when the server ignores Range', async () => {
    server.route(
      '/f.zip',
      { kind: 'cut', body, bytes: 50_000, acceptRanges: false },
      { kind: 'ok', body, acceptRanges: false },
    );
    const result = await client().download(server.url('/f.zip'), join(dir, 'f.zip'));
    expect(result).toMatchObject({ bytes: body.length, sha256: sha, resumedRequests: 0 });
    expect(await readFile(join(dir, 'f.zip'))).toEqual(body);
  });

  it('continues a .part file left by a killed process', async () => {
    await writeFile(join(dir, 'f.zip.part'), body.subarray(0, 70_000));
    server.route('/f.zip', { kind: 'ok', body });
    const result = await client().download(server.url('/f.zip'), join(dir, 'f.zip'));
    expect(result).toMatchObject({ sha256: sha, resumedRequests: 1 });
    expect(server.hits('/f.zip')[0]?.headers.range).toBe('bytes=70000-');
  });

  it('fails a body that is always truncated as transient and leaves no file behind', async () => {
    server.route('/f.zip', { kind: 'cut', body, bytes: 1000, acceptRanges: false });
    const error = await expectIngestionError(
      client({ maxRetries: 2 }).download(server.url('/f.zip'), join(dir, 'f.zip')),
    );
    expect(error.errorClass).toBe('transient');
    await expect(stat(join(dir, 'f.zip'))).rejects.toThrow();
  });

  it('downloads once more when the size disagrees with the listing, then fails', async () => {
    server.route('/f.zip', { kind: 'ok', body });
    const error = await expectIngestionError(
      client().download(server.url('/f.zip'), join(dir, 'f.zip'), body.length + 1),
    );
    expect(error.errorClass).toBe('transient');
    expect(server.hits('/f.zip')).toHaveLength(2);
  });

  it('fails 401 as auth without any retry', async () => {
    server.route('/f.zip', { kind: 'status', status: 401 });
    const error = await expectIngestionError(client().download(server.url('/f.zip'), join(dir, 'f.zip')));
    expect(error.errorClass).toBe('auth');
    expect(server.hits('/f.zip')).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('fails other 4xx as permanent without retry', async () => {
    server.route('/f.zip', { kind: 'status', status: 400 });
    const error = await expectIngestionError(client().download(server.url('/f.zip'), join(dir, 'f.zip')));
    expect(error.errorClass).toBe('permanent');
    expect(server.hits('/f.zip')).toHaveLength(1);
  });

  it('retries a 404 at most three times', async () => {
    server.route('/f.zip', { kind: 'status', status: 404 });
    const error = await expectIngestionError(client().download(server.url('/f.zip'), join(dir, 'f.zip')));
    expect(error.errorClass).toBe('transient');
    expect(server.hits('/f.zip')).toHaveLength(4);
  });

  it('sends the API key to its own origin only, never along a redirect to another host', async () => {
    const cdn = new TestFileServer();
    await cdn.start();
    try {
      cdn.route('/signed/f.zip', { kind: 'ok', body });
      server.route('/api/f.zip', { kind: 'redirect', location: cdn.url('/signed/f.zip?sig=abc') });
      const api = client({ apiKey: 'secret-key', apiKeyOrigin: server.url('') });
      const result = await api.download(server.url('/api/f.zip'), join(dir, 'f.zip'));
      expect(result.sha256).toBe(sha);
      expect(server.hits('/api/f.zip')[0]?.headers['x-api-key']).toBe('secret-key');
      expect(cdn.hits('/signed/f.zip')[0]?.headers['x-api-key']).toBeUndefined();
    } finally {
      await cdn.stop();
    }
  });
  it('resolves an expired signed URL again through the API and finishes the download', async () => {
    const cdn = new TestFileServer();
    await cdn.start();
    try {
      cdn.route('/signed/old', { kind: 'cut', body, bytes: 1000, acceptRanges: true });
      cdn.route('/signed/old-again', { kind: 'status', status: 403 });
      cdn.route('/signed/new', { kind: 'ok', body, acceptRanges: true });
      server.route(
        '/api/f.zip',
        { kind: 'redirect', location: cdn.url('/signed/old') },
        { kind: 'redirect', location: cdn.url('/signed/old-again') },
        { kind: 'redirect', location: cdn.url('/signed/new') },
      );
      const api = client({ apiKey: 'secret-key', apiKeyOrigin: server.url('') });
      const result = await api.download(server.url('/api/f.zip'), join(dir, 'f.zip'));
      expect(result.sha256).toBe(sha);
      expect(server.hits('/api/f.zip')).toHaveLength(3);
      expect(cdn.hits('/signed/new')[0]?.headers.range).toBe('bytes=1000-');
      expect(result.resumedRequests).toBe(1);
    } finally {
      await cdn.stop();
    }
  });

  it('refuses a file above the download limit as data, before reading its body', async () => {
    server.route('/f.zip', { kind: 'ok', body });
    const error = await expectIngestionError(
      client({ maxDownloadBytes: 1000 }).download(server.url('/f.zip'), join(dir, 'f.zip')),
    );
    expect(error.errorClass).toBe('data');
    expect(error.message).toMatch(/larger than the download limit of 1000 bytes/);
    expect(server.hits('/f.zip')).toHaveLength(1);
  });
});

describe('HttpClient.getJson', () => {
  it('validates the body with its schema', async () => {
    server.route(
      '/list',
      { kind: 'status', status: 503 },
      { kind: 'ok', body: Buffer.from('{"a":1,"extra":true}') },
    );
    await expect(client().getJson(server.url('/list'), z.object({ a: z.number() }))).resolves.toEqual({
      a: 1,
    });
    server.route('/bad', { kind: 'ok', body: Buffer.from('{"b":1}') });
    const error = await expectIngestionError(
      client().getJson(server.url('/bad'), z.object({ a: z.number() })),
    );
    expect(error.errorClass).toBe('data');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
