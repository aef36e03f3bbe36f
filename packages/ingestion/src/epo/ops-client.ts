import type { WorkerEnv } from '@patentrack/shared';
import { IngestionError } from '../common/errors';
import { HttpClient, type ApiResponse } from '../common/http-client';
import { parseFamilyResponse, type FamilyMember } from './family-xml';
import type { EpoRedis } from './redis';
import type { FamilyQuery } from './references';
import { parseThrottlingControl, RequestPacer, type ThrottleColour } from './throttling';
import { OpsTokenCache, type OpsCredentials } from './token';

/** The family service is metered in this bucket of `X-Throttling-Control`. */
const FAMILY_SERVICE = 'inpadoc';
/** Weekly byte counters outlive their week by a day, so the sweep can still read last week's at the turn. */
const QUOTA_KEY_TTL_SECONDS = 8 * 86_400;

export type FamilyLookup =
  { outcome: 'found'; families: Map<string, FamilyMember[]> } | { outcome: 'not_found' };

/** What a look-up reports besides its result: the OPS traffic light of the family service. */
export interface FamilyLookupResult {
  lookup: FamilyLookup;
  throttle: ThrottleColour | undefined;
}

/** OPS refused for quota or fair use (403): the queue pauses until `resumeAt` (ingestion.md §2.4). */
export class OpsQuotaError extends IngestionError {
  constructor(
    message: string,
    readonly weekly: boolean,
  ) {
    super('rate_limit', message);
    this.name = 'OpsQuotaError';
  }

  /** The next full hour, or for the weekly quota Monday 00:00 UTC. */
  resumeAt(now: Date = new Date()): Date {
    const at = new Date(now);
    at.setUTCMinutes(0, 0, 0);
    if (!this.weekly) {
      at.setUTCHours(at.getUTCHours() + 1);
      return at;
    }
    at.setUTCHours(0);
    at.setUTCDate(at.getUTCDate() + ((8 - at.getUTCDay()) % 7 || 7));
    return at;
  }
}

export interface OpsClientOptions {
  baseUrl: string;
  credentials: OpsCredentials;
  ratePerSec: number;
  http: HttpClient;
  redis: EpoRedis;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/** OPS fault of an error body: `<fault><code>CLIENT.InvalidAccessToken</code><message>…</message></fault>`. */
function faultOf(response: ApiResponse): string {
  const body = response.body.toString('utf8');
  const code = /<(?:\w+:)?code>([^<]*)</.exec(body)?.[1] ?? '';
  const message = /<(?:\w+:)?message>([^<]*)</.exec(body)?.[1] ?? '';
  const rejection = response.headers['x-rejection-reason'] ?? '';
  return `${code} ${message} ${String(rejection)}`.trim();
}

// A 400 that OPS sends instead of a 401 when the bearer token is invalid or expired.
const TOKEN_FAULT = /access.?token|token.{0,20}(invalid|expired)|(invalid|expired).{0,20}token/i;
const QUOTA_FAULT = /quota|fair.?use|throttl|robot/i;

const tokenRejected = (response: ApiResponse) =>
  response.status === 401 || (response.status === 400 && TOKEN_FAULT.test(faultOf(response)));

/** ISO week of a date, e.g. `2026-W48`: the key of the weekly byte counter. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export const quotaKey = (date: Date) => `epo:quota:${isoWeek(date)}`;

/** EPO Open Patent Services 3.2: family look-ups with the shared OAuth token, pacing and quota accounting. */
export class OpsClient {
  readonly token: OpsTokenCache;
  private readonly pacer: RequestPacer;
  private readonly now: () => Date;

  constructor(private readonly options: OpsClientOptions) {
    const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    this.token = new OpsTokenCache(options.redis, options.http, options.credentials, sleep);
    this.pacer = new RequestPacer(options.ratePerSec, sleep);
    this.now = options.now ?? (() => new Date());
  }

  /** The DOCDB form first; on 400/404 once more in the epodoc form; a second miss is `not_found`. */
  async family(query: FamilyQuery): Promise<FamilyLookupResult> {
    let throttle: ThrottleColour | undefined;
    for (const path of [`docdb/${query.queryRef}`, `epodoc/${query.epodocRef}`]) {
      const response = await this.get(`${this.options.baseUrl}/rest-services/family/publication/${path}`);
      const state = parseThrottlingControl(String(response.headers['x-throttling-control'] ?? ''));
      throttle = state?.services[FAMILY_SERVICE]?.colour ?? throttle;
      this.pacer.observe(throttle);
      if (response.status === 200) {
        const { families } = parseFamilyResponse(response.body.toString('utf8'));
        return { lookup: { outcome: 'found', families }, throttle };
      }
      if (response.status !== 400 && response.status !== 404) throw this.failure(response);
    }
    return { lookup: { outcome: 'not_found' }, throttle };
  }

  /** Bytes OPS sent this ISO week (`epo:quota:{isoWeek}`). */
  async weeklyBytes(): Promise<number> {
    return Number((await this.options.redis.get(quotaKey(this.now()))) ?? 0);
  }

  /** One paced, authorised GET; a rejected token is dropped and replaced once (BR-057). */
  private async get(url: string): Promise<ApiResponse> {
    await this.pacer.wait();
    let token = await this.token.get();
    let response = await this.send(url, token);
    if (tokenRejected(response)) {
      await this.token.invalidate(token);
      token = await this.token.get();
      response = await this.send(url, token);
      if (tokenRejected(response)) {
        throw new IngestionError('auth', `OPS rejected a fresh access token (HTTP ${response.status})`, {
          httpStatus: response.status,
        });
      }
    }
    return response;
  }

  private async send(url: string, token: string): Promise<ApiResponse> {
    const response = await this.options.http.call(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/xml' },
    });
    const key = quotaKey(this.now());
    await this.options.redis.incrby(key, response.body.length);
    await this.options.redis.expire(key, QUOTA_KEY_TTL_SECONDS);
    return response;
  }

  private failure(response: ApiResponse): IngestionError {
    const fault = faultOf(response);
    if (response.status === 403) {
      if (QUOTA_FAULT.test(fault))
        return new OpsQuotaError(`OPS quota exceeded: ${fault}`, /week/i.test(fault));
      return new IngestionError('auth', `OPS refused access (HTTP 403): ${fault}`, { httpStatus: 403 });
    }
    return new IngestionError('permanent', `OPS answered HTTP ${response.status}: ${fault}`, {
      httpStatus: response.status,
    });
  }
}

/** The OPS client of a worker process: endpoints, credentials and pacing from its environment. */
export function opsClientFromEnv(
  env: Pick<
    WorkerEnv,
    | 'EPO_OPS_BASE_URL'
    | 'EPO_OPS_AUTH_URL'
    | 'EPO_OPS_KEY'
    | 'EPO_OPS_SECRET'
    | 'EPO_RATE_LIMIT_PER_SEC'
    | 'HTTP_MAX_RETRIES'
    | 'HTTP_BACKOFF_BASE_MS'
    | 'HTTP_CONNECT_TIMEOUT_MS'
    | 'HTTP_IDLE_TIMEOUT_MS'
  >,
  redis: EpoRedis,
): OpsClient {
  return new OpsClient({
    baseUrl: env.EPO_OPS_BASE_URL,
    credentials: {
      authUrl: env.EPO_OPS_AUTH_URL,
      key: env.EPO_OPS_KEY ?? '',
      secret: env.EPO_OPS_SECRET ?? '',
    },
    ratePerSec: env.EPO_RATE_LIMIT_PER_SEC,
    // No API key: OPS authenticates with the bearer token only.
    http: new HttpClient({
      maxRetries: env.HTTP_MAX_RETRIES,
      backoffBaseMs: env.HTTP_BACKOFF_BASE_MS,
      connectTimeoutMs: env.HTTP_CONNECT_TIMEOUT_MS,
      idleTimeoutMs: env.HTTP_IDLE_TIMEOUT_MS,
    }),
    redis,
  });
}
