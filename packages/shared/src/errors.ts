import { z } from 'zod';

/** Stable machine-readable error codes of the API envelope (architecture §7.3). */
export const errorCodes = {
  VALIDATION_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  UNPROCESSABLE_ENTITY: 422,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof errorCodes;

/** A typed, expected failure: carries its HTTP status and client-safe details, never a stack to clients. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorCodes[code];
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} not found`);
  }

  static validation(fieldErrors: Record<string, string[]>): AppError {
    return new AppError('VALIDATION_ERROR', 'Request validation failed', { fieldErrors });
  }
}

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown>; requestId?: string };
}

/** Maps any thrown value to the public envelope; unknown errors become an opaque INTERNAL_ERROR. */
export function toErrorEnvelope(error: unknown, requestId?: string): { status: number; body: ErrorEnvelope } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, details: error.details, requestId } },
    };
  }
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const field = issue.path.join('.') || '_';
      (fieldErrors[field] ??= []).push(issue.message);
    }
    return toErrorEnvelope(AppError.validation(fieldErrors), requestId);
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred', requestId } },
  };
}
