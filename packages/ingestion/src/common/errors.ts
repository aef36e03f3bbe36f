import { AppError, type ErrorCode } from '@patentrack/shared';

/** Error classes of the retry matrix (ingestion.md §2.4); the queue layer decides retries from them. */
export const INGESTION_ERROR_CLASSES = ['transient', 'permanent', 'rate_limit', 'auth', 'data'] as const;
export type IngestionErrorClass = (typeof INGESTION_ERROR_CLASSES)[number];

const codeByClass: Record<IngestionErrorClass, ErrorCode> = {
  transient: 'SERVICE_UNAVAILABLE',
  permanent: 'BAD_REQUEST',
  rate_limit: 'RATE_LIMITED',
  auth: 'UNAUTHENTICATED',
  data: 'VALIDATION_ERROR',
};

/** A failure of a whole ingestion job (not of one record), with its retry class. */
export class IngestionError extends AppError {
  constructor(
    readonly errorClass: IngestionErrorClass,
    message: string,
    details?: Record<string, unknown> & { retryAfterMs?: number; httpStatus?: number },
  ) {
    super(codeByClass[errorClass], message, details);
    this.name = 'IngestionError';
  }

  /** Delay the server asked for (429 `Retry-After`), if any. */
  get retryAfterMs(): number | undefined {
    const value = this.details?.retryAfterMs;
    return typeof value === 'number' ? value : undefined;
  }

  static transient(message: string, details?: Record<string, unknown>): IngestionError {
    return new IngestionError('transient', message, details);
  }

  static data(message: string, details?: Record<string, unknown>): IngestionError {
    return new IngestionError('data', message, details);
  }
}

/** Classifies anything thrown during a job; unknown errors count as transient so a retry can still succeed. */
export function errorClassOf(error: unknown): IngestionErrorClass {
  return error instanceof IngestionError ? error.errorClass : 'transient';
}
