import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/bcrypt';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ApiTestClient,
  seedTenant,
  setupWebTestEnvironment,
  signIn,
  TEST_PASSWORD,
  type SeededTenant,
  type WebTestEnvironment,
} from '../http/testing';
import { LOGO_UPLOAD } from '../organization/logo';
import { uploadBodyLimit } from './uploads';

vi.mock('server-only', () => ({}));

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const HTML = new TextEncoder().encode('<!doctype html><script>fetch("/api/v1/me")</script>');
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let env: WebTestEnvironment;
let orgA: SeededTenant;
let orgB: SeededTenant;
let adminA: ApiTestClient;
let memberA: ApiTestClient;
let memberB: ApiTestClient;

function form(name: string, bytes: Uint8Array<ArrayBuffer>, type = 'image/png') {
  const data = new FormData();
  data.set('file', new Blob([bytes], { type }), name);
  return data;
}

const logoPath = (org: SeededTenant) => `/api/v1/organizations/${org.orgId}/logo`;

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(env.storageDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(env.storageDir, path.join(e.parentPath, e.name)));
}

/** Uploads a logo as org A's admin and returns the signed link a member of org A is redirected to. */
async function uploadAndLink(bytes = PNG): Promise<string> {
  expect((await adminA.upload(logoPath(orgA), form('logo.png', bytes))).status).toBe(200);
  const redirect = await memberA.get(logoPath(orgA));
  expect(redirect.status).toBe(302);
  return redirect.headers.get('location')!;
}

beforeAll(async () => {
  env = await setupWebTestEnvironment('files');
  const passwordHash = await hash(TEST_PASSWORD, 4);
  [orgA, orgB] = [
    await seedTenant(env.admin, 'a', passwordHash),
    await seedTenant(env.admin, 'b', passwordHash),
  ];
  [adminA, memberA, memberB] = [
    new ApiTestClient(env.routes),
    new ApiTestClient(env.routes),
    new ApiTestClient(env.routes),
  ];
  await signIn(adminA, orgA.admin.email);
  await signIn(memberA, orgA.member.email);
  await signIn(memberB, orgB.member.email);
});
afterEach(() => vi.useRealTimers());
afterAll(() => env.teardown());

describe('S-09: stored files are private, reachable only through short-lived signed links of the owning org', () => {
  it('the owner uploads a logo; a member of the org gets a signed link that downloads it as an attachment', async () => {
    const uploaded = await adminA.upload(logoPath(orgA), form('logo.png', PNG));
    expect(uploaded.status).toBe(200);
    expect(uploaded.json.data.logoUrl).toBe(logoPath(orgA));
    const redirect = await memberA.get(logoPath(orgA));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('cache-control')).toBe('no-store');
    const link = new URL(redirect.headers.get('location')!, 'http://localhost');
    expect(link.pathname).toBe('/api/v1/files');
    expect(Number(link.searchParams.get('expires')) - Date.now() / 1000).toBeLessThanOrEqual(300);
    const download = await memberA.get(`${link.pathname}${link.search}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[0-9a-f]{32}\.png"$/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(download.headers.get('content-length')).toBe(String(PNG.byteLength));
    // The test client reads bodies as text; the bytes are checked on disk below.
    expect(download.json).toBe(new TextDecoder().decode(PNG));
  });

  it('the file is stored under a random key in the private directory, never under a served folder', async () => {
    const key = new URL(await uploadAndLink(), 'http://localhost').searchParams.get('key')!;
    expect(key).toMatch(new RegExp(`^orgs/${orgA.orgId}/logo/[0-9a-f]{32}\\.png$`));
    const { rows } = await env.admin.query(`select logo_object_key from organizations where id = $1`, [
      orgA.orgId,
    ]);
    expect(rows[0].logo_object_key).toBe(key);
    expect(await readFile(path.join(env.storageDir, key))).toEqual(Buffer.from(PNG));
    for (const served of ['public', '.next'])
      expect(path.relative(path.join(webDir, served), env.storageDir).startsWith('..')).toBe(true);
    // Replacing the logo leaves only the new file behind.
    const next = new URL(await uploadAndLink(), 'http://localhost').searchParams.get('key')!;
    expect(next).not.toBe(key);
    expect((await storedFiles()).filter((f) => f.startsWith(`orgs/${orgA.orgId}/`))).toEqual([next]);
  });

  it('a tampered signature or key is not found', async () => {
    const link = new URL(await uploadAndLink(), 'http://localhost');
    const signature = link.searchParams.get('signature')!;
    link.searchParams.set('signature', `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`);
    const tampered = await memberA.get(`${link.pathname}${link.search}`);
    expect(tampered.status).toBe(404);
    expect(tampered.json.error.code).toBe('NOT_FOUND');
    link.searchParams.set('signature', signature);
    link.searchParams.set('key', link.searchParams.get('key')!.replace(/[0-9a-f]{32}/, '0'.repeat(32)));
    expect((await memberA.get(`${link.pathname}${link.search}`)).status).toBe(404);
  });

  it('an expired link is gone (410 expired)', async () => {
    const location = await uploadAndLink();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 301_000 });
    const expired = await memberA.get(location);
    expect(expired.status).toBe(410);
    expect(expired.json.error.details.reason).toBe('expired');
  });

  it("another tenant can neither get a link to org A's logo nor use org A's link (404)", async () => {
    const location = await uploadAndLink();
    const ask = await memberB.get(logoPath(orgA));
    expect(ask.status).toBe(404);
    expect(ask.headers.get('location')).toBeNull();
    const borrowed = await memberB.get(location);
    expect(borrowed.status).toBe(404);
    expect(JSON.stringify(borrowed.json)).not.toContain(orgA.orgId);
    expect((await memberB.get(logoPath(orgB))).status).toBe(404);
    expect((await new ApiTestClient(env.routes).get(location)).status).toBe(401);
  });
});

describe('S-17: uploads are allow-listed, sniffed, size-capped and stored privately', () => {
  const fieldErrorsOf = (result: {
    json: { error: { details: { fieldErrors: Record<string, string[]> } } };
  }) => result.json.error.details.fieldErrors;

  it('HTML named .png, an SVG and a genuine PDF are refused with 400 and a field error', async () => {
    for (const [name, bytes, type] of [
      ['logo.png', HTML, 'image/png'],
      ['logo.pdf', HTML, 'application/pdf'],
      ['logo.svg', new TextEncoder().encode('<svg onload="alert(1)"/>'), 'image/svg+xml'],
      ['report.pdf', PDF, 'application/pdf'],
    ] as const) {
      const result = await adminA.upload(logoPath(orgA), form(name, bytes, type));
      expect(result.status, name).toBe(400);
      expect(result.json.error.code, name).toBe('VALIDATION_ERROR');
      expect(fieldErrorsOf(result).file![0], name).toMatch(/must be one of PNG, JPG, WEBP/);
    }
  });

  it('a PNG under a spoofed extension is refused', async () => {
    const result = await adminA.upload(logoPath(orgA), form('logo.html', PNG, 'text/html'));
    expect(result.status).toBe(400);
    expect(fieldErrorsOf(result).file![0]).toMatch(/must end in \.png/);
  });

  it('an oversize file is refused with 413: over the logo cap, and over the route body cap', async () => {
    const overCap = new Uint8Array(LOGO_UPLOAD.maxBytes + 1);
    overCap.set(PNG);
    const tooBig = await adminA.upload(logoPath(orgA), form('logo.png', overCap));
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error.message).toMatch(/at most 5 MB/);
    const overBody = new Uint8Array(uploadBodyLimit(LOGO_UPLOAD) + 1);
    overBody.set(PNG);
    const refused = await adminA.upload(logoPath(orgA), form('logo.png', overBody));
    expect(refused.status).toBe(413);
    expect(refused.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('S-27: the upload route alone accepts more than 1 MB; a JSON body is refused there', async () => {
    const large = new Uint8Array(2 * 1024 * 1024);
    large.set(PNG);
    expect((await adminA.upload(logoPath(orgA), form('logo.png', large))).status).toBe(200);
    const json = await adminA.request('PUT', logoPath(orgA), { body: { file: 'logo.png' } });
    expect(json.status).toBe(400);
    expect(json.json.error.message).toMatch(/multipart\/form-data/);
  });

  it("members may not upload (403), another org's admin gets 404, and nothing is stored for them", async () => {
    const before = await storedFiles();
    expect((await memberA.upload(logoPath(orgA), form('logo.png', PNG))).status).toBe(403);
    const adminB = new ApiTestClient(env.routes);
    await signIn(adminB, orgB.admin.email);
    expect((await adminB.upload(logoPath(orgA), form('logo.png', PNG))).status).toBe(404);
    expect(await storedFiles()).toEqual(before);
  });
});
