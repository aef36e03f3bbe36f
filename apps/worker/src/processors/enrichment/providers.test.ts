import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearbitDomainProvider,
  ProviderAuthError,
  ProviderRateLimitError,
  riteKitLogoProvider,
} from './providers';

/** The next answer of the local server and the requests it saw. */
let answer: { status: number; body?: unknown } = { status: 200 };
const seen: http.IncomingMessage[] = [];
const server = http.createServer((req, res) => {
  seen.push(req);
  res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body ?? {}));
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mounted/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const lastUrl = () => new URL(seen.at(-1)!.url!, 'http://127.0.0.1');

describe('Clearbit name-to-domain adapter', () => {
  // Built per test: the server's address is known only once it listens.
  const clearbit = { lookup: (name: string) => clearbitDomainProvider(base, 'sk-test').lookup(name) };

  it('asks by name with the key as bearer token and keeps only the whitelisted name', async () => {
    answer = { status: 200, body: { domain: 'Acme.Example', name: 'Acme', logo: 'x', extra: 1 } };
    expect(await clearbit.lookup('Acme & Co')).toEqual({ value: 'acme.example', data: { name: 'Acme' } });
    expect(lastUrl().pathname).toBe('/mounted/v1/domains/find');
    expect(lastUrl().searchParams.get('name')).toBe('Acme & Co');
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer sk-test');
  });

  it('treats a 404, an empty answer or a value that is no host name as no match', async () => {
    for (const next of [
      { status: 404 },
      { status: 200, body: { domain: null } },
      { status: 200, body: { domain: 'not a domain/../x' } },
    ]) {
      answer = next;
      expect(await clearbit.lookup('Nobody')).toBeNull();
    }
  });

  it('raises the auth error on 401/403, the rate-limit error on 429, and a plain error otherwise', async () => {
    answer = { status: 403 };
    await expect(clearbit.lookup('Acme')).rejects.toBeInstanceOf(ProviderAuthError);
    answer = { status: 429 };
    await expect(clearbit.lookup('Acme')).rejects.toBeInstanceOf(ProviderRateLimitError);
    answer = { status: 502 };
    await expect(clearbit.lookup('Acme')).rejects.toThrow('clearbit answered HTTP 502');
  });
});

describe('RiteKit logo adapter', () => {
  const riteKit = {
    lookup: (domain: string) => riteKitLogoProvider(base, 'client-secret-id').lookup(domain),
  };

  it('asks by domain without a generated fallback and prefers the permanent address', async () => {
    answer = {
      status: 200,
      body: { url: 'https://cdn.example/a.png', permanentUrl: 'https://cdn.example/p.png' },
    };
    expect(await riteKit.lookup('acme.example')).toEqual({
      value: 'https://cdn.example/p.png',
      data: { url: 'https://cdn.example/p.png' },
    });
    expect(Object.fromEntries(lastUrl().searchParams)).toEqual({
      domain: 'acme.example',
      client_id: 'client-secret-id',
      generateFallbackLogo: '0',
    });
  });

  it('downloads nothing but web addresses, and never puts the client id in an error', async () => {
    answer = { status: 200, body: { url: 'file:///etc/passwd', permanentUrl: 'data:image/png;base64,AA==' } };
    expect(await riteKit.lookup('acme.example')).toBeNull();
    answer = { status: 500 };
    const error = await riteKit.lookup('acme.example').catch((caught: Error) => caught);
    expect(String(error)).not.toContain('client-secret-id');
  });
});
