import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';

/** Client-supplied ids are echoed only when they are short and plain, so they cannot inject into log lines. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdOf(request: Request): string {
  const supplied = request.headers.get('x-request-id');
  return supplied && REQUEST_ID_PATTERN.test(supplied) ? supplied : randomUUID();
}

/** Placeholder when no address is known (in-process calls); a valid INET so audit rows still insert. */
export const UNKNOWN_IP = '0.0.0.0';

/**
 * Client address (BR-047). The web server (`apps/web/server.mjs`) appends the connection's peer address to
 * X-Forwarded-For, so the last entry is where the request came from; each of `trustedHops` reverse proxies in
 * front appended the entry before the one after it. Entries further left are whatever the client sent.
 */
export function clientIpOf(request: Request, trustedHops: number): string {
  const hops = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = hops[Math.max(0, hops.length - 1 - trustedHops)];
  const address = candidate?.replace(/^::ffff:/, '');
  return address && isIP(address) ? address : UNKNOWN_IP;
}
