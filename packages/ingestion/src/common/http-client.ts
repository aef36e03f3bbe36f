import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat, truncate } from 'node:fs/promises';
import { once } from 'node:events';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { z } from 'zod';
import type { Logger, WorkerEnv } from '@patentrack/shared';
import { IngestionError } from './errors';

/** Retry and timeout settings of one HTTP client (ingestion.md §2.1, §2.4), all from the environment. */
export interface HttpClientOptions {
  /** Sent as `x-api-key`, and only to `apiKeyOrigin` — never along a redirect to another host. */
  apiKey?: string;
  apiKeyOrigin?: string;
  maxRetries: number;
  backoffBaseMs: number;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  /** `INGEST_MAX_DOWNLOAD_BYTES`: a larger file is refused as `data` before or while it streams. */
  maxDownloadBytes?: number;
  logger?: Logger;
  /** Injected in tests that check the delays chosen. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  sha256: string;
  /** Requests that continued a partial body with `Range`. */
  resumedRequests: number;
  attempts: number;
}

/** A request of `HttpClient.call`. */
export interface ApiRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** A whole (small) API answer: status, headers and body. */
export interface ApiResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

const MAX_REDIRECTS = 5;
const MAX_NOT_FOUND_RETRIES = 3;
const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** A failure worth another request: network trouble, a cut-off body, a 5xx, 429 or a CDN hiccup. */
class RetryableHttpError extends Error {
  constructor(
    message: string,
    readonly reason: 'rate_limit' | 'server' | 'network' | 'not_found' | 'short_body',
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableHttpError';
  }
}

/** Parses `Retry-After`: delta seconds or an HTTP date; unusable values are ignored. */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * HTTP client of the downloaders: manual redirects, API key only for its own origin, per-request retries with
 * exponential back-off and jitter, resumable streaming downloads with an incremental sha256.
 */
export class HttpClient {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: HttpClientOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** Back-off before retry `n` (0-based): base × 2^n plus 0–25 % jitter (BR-058). */
  backoffMs(retry: number): number {
    const base = this.options.backoffBaseMs * 2 ** retry;
    return Math.round(base + base * 0.25 * this.random());
  }

  /** GETs a JSON document and validates it; unknown fields pass, missing required ones are a `data` error. */
  async getJson<S extends z.ZodType>(url: string, schema: S): Promise<z.infer<S>> {
    const chunks: Buffer[] = [];
    await this.withRetries(url, async () => {
      chunks.length = 0;
      const response = await this.request(url, {});
      for await (const chunk of response) chunks.push(chunk as Buffer);
      assertFullBody(
        response,
        chunks.reduce((n, c) => n + c.length, 0),
      );
    });
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw IngestionError.data(`Response of ${redact(url)} is not JSON`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw IngestionError.data(`Unexpected response shape from ${redact(url)}`, {
        issues: parsed.error.issues,
      });
    }
    return parsed.data;
  }

  /**
   * One API call whose answer the caller interprets (EPO OPS): network errors, 5xx and 429 are retried as the
   * matrix says, every other status comes back with its body. Redirects are not followed — APIs do not send them.
   */
  async call(url: string, init: ApiRequest = {}): Promise<ApiResponse> {
    let result: ApiResponse | undefined;
    await this.withRetries(url, async () => {
      const target = new URL(url);
      const response = await this.send(target, init.headers ?? {}, init.method, init.body);
      const status = response.statusCode ?? 0;
      if (status === 429) {
        response.resume();
        throw new RetryableHttpError(
          `HTTP 429 from ${target.host}`,
          'rate_limit',
          parseRetryAfter(headerValue(response.headers['retry-after'])),
        );
      }
      if (status >= 500) {
        response.resume();
        throw new RetryableHttpError(`HTTP ${status} from ${target.host}`, 'server');
      }
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of response) chunks.push(chunk as Buffer);
      } catch (error) {
        throw toRetryable(error);
      }
      const body = Buffer.concat(chunks);
      assertFullBody(response, body.length);
      result = { status, headers: response.headers, body };
    });
    return result!;
  }

  /**
   * Whether a file is published, by `HEAD` after redirects (CPC scheme releases, ingestion.md §2.2). A 404 is an
   * answer here, not CDN lag — no listing promised the file; other failures follow the retry matrix.
   */
  async exists(url: string): Promise<boolean> {
    let found = false;
    await this.withRetries(url, async () => {
      try {
        (await this.request(url, {}, 'HEAD')).resume();
        found = true;
      } catch (error) {
        if (!(error instanceof RetryableHttpError && error.reason === 'not_found')) throw error;
        found = false;
      }
    });
    return found;
  }

  /**
   * Streams `url` to `destination` through `destination.part`, resuming a partial file (from an earlier
   * crash or a cut connection) with `Range` when the server allows it, and restarting from byte 0 otherwise.
   */
  async download(url: string, destination: string, expectedSize?: number): Promise<DownloadResult> {
    const partPath = `${destination}.part`;
    let resumedRequests = 0;
    let attempts = 0;
    let verifiedOnce = false;
    for (;;) {
      let result: { bytes: number; sha256: string } | undefined;
      await this.withRetries(url, async () => {
        attempts += 1;
        const offset = await fileSize(partPath);
        const response = await this.request(url, offset > 0 ? { range: `bytes=${offset}-` } : {});
        const resumed = offset > 0 && response.statusCode === 206 && rangeStart(response) === offset;
        if (resumed) resumedRequests += 1;
        else if (offset > 0) await truncate(partPath, 0);
        const hash = createHash('sha256');
        if (resumed) await hashFile(partPath, hash);
        const startAt = resumed ? offset : 0;
        this.assertWithinSize(url, startAt + Number(headerValue(response.headers['content-length']) ?? 0));
        let received = 0;
        const file = createWriteStream(partPath, { flags: resumed ? 'a' : 'w' });
        try {
          for await (const chunk of response as AsyncIterable<Buffer>) {
            received += chunk.length;
            this.assertWithinSize(url, startAt + received);
            hash.update(chunk);
            if (!file.write(chunk)) await once(file, 'drain');
          }
        } catch (error) {
          throw toRetryable(error);
        } finally {
          // Ended, not destroyed: every byte received reaches the part file, and the next request resumes after it.
          await new Promise<void>((resolve, reject) =>
            file.end((error?: Error | null) => (error ? reject(error) : resolve())),
          );
        }
        assertFullBody(response, received);
        result = { bytes: startAt + received, sha256: hash.digest('hex') };
      });
      const done = result!;
      if (expectedSize === undefined || done.bytes === expectedSize) {
        await rename(partPath, destination);
        return { path: destination, bytes: done.bytes, sha256: done.sha256, resumedRequests, attempts };
      }
      // A size that disagrees with the listing means a broken transfer: download once more from scratch.
      await rm(partPath, { force: true });
      if (verifiedOnce) {
        throw IngestionError.transient(
          `Downloaded ${done.bytes} bytes from ${redact(url)}, listing says ${expectedSize}`,
        );
      }
      verifiedOnce = true;
    }
  }

  private assertWithinSize(url: string, bytes: number): void {
    const limit = this.options.maxDownloadBytes;
    if (limit !== undefined && bytes > limit) {
      throw IngestionError.data(`${redact(url)} is larger than the download limit of ${limit} bytes`);
    }
  }

  private async withRetries(url: string, attempt: () => Promise<void>): Promise<void> {
    let notFound = 0;
    for (let retry = 0; ; retry++) {
      try {
        await attempt();
        return;
      } catch (error) {
        if (!(error instanceof RetryableHttpError)) throw error;
        if (error.reason === 'not_found') notFound += 1;
        const exhausted =
          retry >= this.options.maxRetries ||
          (error.reason === 'not_found' && notFound > MAX_NOT_FOUND_RETRIES);
        if (exhausted) {
          throw new IngestionError(
            error.reason === 'rate_limit' ? 'rate_limit' : 'transient',
            `${error.message} (gave up after ${retry} retries)`,
            { url: redact(url), retryAfterMs: error.retryAfterMs },
          );
        }
        const delay = error.retryAfterMs ?? this.backoffMs(retry);
        this.options.logger?.warn(
          { url: redact(url), reason: error.reason, retry: retry + 1, delayMs: delay },
          'HTTP retry',
        );
        await this.sleep(delay);
      }
    }
  }

  /** One logical request: follows up to 5 redirects by hand and maps statuses onto the retry matrix. */
  private async request(
    startUrl: string,
    headers: Record<string, string>,
    method: 'GET' | 'HEAD' = 'GET',
  ): Promise<IncomingMessage> {
    let url = new URL(startUrl);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await this.send(url, headers, method);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        url = new URL(response.headers.location, url);
        continue;
      }
      if (status === 200 || status === 206) return response;
      response.resume();
      const fromApi = this.isApiOrigin(url);
      if (status === 401 || (status === 403 && fromApi)) {
        throw new IngestionError(
          'auth',
          `HTTP ${status} from ${url.host}: API key missing, invalid or not activated`,
          {
            httpStatus: status,
          },
        );
      }
      // Every retry starts again from the API URL, so an expired signed URL is resolved afresh (§2.4).
      if (status === 403)
        throw new RetryableHttpError(`HTTP 403 from ${url.host} (signed URL expired)`, 'server');
      if (status === 429) {
        throw new RetryableHttpError(
          `HTTP 429 from ${url.host}`,
          'rate_limit',
          parseRetryAfter(headerValue(response.headers['retry-after'])),
        );
      }
      if (status >= 500) throw new RetryableHttpError(`HTTP ${status} from ${url.host}`, 'server');
      if (status === 404) throw new RetryableHttpError(`HTTP 404 from ${url.host}`, 'not_found');
      throw new IngestionError('permanent', `HTTP ${status} from ${url.host} for ${redact(url.toString())}`, {
        httpStatus: status,
      });
    }
    throw new IngestionError('permanent', `More than ${MAX_REDIRECTS} redirects from ${redact(startUrl)}`);
  }

  private isApiOrigin(url: URL): boolean {
    return (
      this.options.apiKeyOrigin !== undefined && url.origin === new URL(this.options.apiKeyOrigin).origin
    );
  }

  private send(
    url: URL,
    extraHeaders: Record<string, string>,
    method: ApiRequest['method'] | 'HEAD' = 'GET',
    body?: string,
  ): Promise<IncomingMessage> {
    const headers: Record<string, string> = { accept: '*/*', ...extraHeaders };
    if (this.options.apiKey && this.isApiOrigin(url)) headers['x-api-key'] = this.options.apiKey;
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, { method, headers });
      request.end(body);
      const connectTimer = setTimeout(
        () => request.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })),
        this.options.connectTimeoutMs,
      );
      request.on('response', (response) => {
        clearTimeout(connectTimer);
        // No total timeout (files are large), only an idle-read timeout.
        const socket = response.socket;
        const onIdle = () =>
          response.destroy(Object.assign(new Error('idle timeout'), { code: 'ETIMEDOUT' }));
        socket.setTimeout(this.options.idleTimeoutMs);
        socket.on('timeout', onIdle);
        // A kept-alive socket serves the next request: it must not carry this response's timer and listener.
        response.once('close', () => {
          socket.setTimeout(0);
          socket.off('timeout', onIdle);
        });
        resolve(response);
      });
      request.on('error', (error) => {
        clearTimeout(connectTimer);
        reject(toRetryable(error));
      });
    });
  }
}

function toRetryable(error: unknown): unknown {
  if (error instanceof RetryableHttpError || error instanceof IngestionError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if ((code && NETWORK_ERROR_CODES.has(code)) || /socket hang up|aborted|premature close/i.test(message)) {
    return new RetryableHttpError(`Network error: ${code ?? message}`, 'network');
  }
  return error;
}

/** A body shorter than its `Content-Length` is a cut connection, retried (and resumed) like one. */
function assertFullBody(response: IncomingMessage, received: number): void {
  const declared = headerValue(response.headers['content-length']);
  if (declared !== undefined && Number(declared) !== received) {
    throw new RetryableHttpError(`Body ended after ${received} of ${declared} bytes`, 'short_body');
  }
  if (!response.complete) throw new RetryableHttpError('Body ended early', 'short_body');
}

function rangeStart(response: IncomingMessage): number | undefined {
  const match = /^bytes (\d+)-/.exec(headerValue(response.headers['content-range']) ?? '');
  return match ? Number(match[1]) : undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
}

/** URLs may carry signatures in their query: logs and errors show origin and path only. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}

/** The USPTO client of a worker or CLI process: API key, retry matrix and timeouts from its environment. */
export function httpClientFromEnv(
  env: Pick<
    WorkerEnv,
    | 'USPTO_ODP_API_KEY'
    | 'USPTO_ODP_BASE_URL'
    | 'HTTP_MAX_RETRIES'
    | 'HTTP_BACKOFF_BASE_MS'
    | 'HTTP_CONNECT_TIMEOUT_MS'
    | 'HTTP_IDLE_TIMEOUT_MS'
    | 'INGEST_MAX_DOWNLOAD_BYTES'
  >,
  logger?: Logger,
): HttpClient {
  return new HttpClient({
    apiKey: env.USPTO_ODP_API_KEY,
    apiKeyOrigin: env.USPTO_ODP_BASE_URL,
    maxRetries: env.HTTP_MAX_RETRIES,
    backoffBaseMs: env.HTTP_BACKOFF_BASE_MS,
    connectTimeoutMs: env.HTTP_CONNECT_TIMEOUT_MS,
    idleTimeoutMs: env.HTTP_IDLE_TIMEOUT_MS,
    maxDownloadBytes: env.INGEST_MAX_DOWNLOAD_BYTES,
    logger,
  });
}
