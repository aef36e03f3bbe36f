import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, toErrorEnvelope } from './errors';

describe('error envelope', () => {
  it('keeps the code, status and details of an AppError', () => {
    const { status, body } = toErrorEnvelope(
      new AppError('GONE', 'Share link revoked', { reason: 'revoked' }),
      'r1',
    );
    expect(status).toBe(410);
    expect(body).toEqual({
      error: { code: 'GONE', message: 'Share link revoked', details: { reason: 'revoked' }, requestId: 'r1' },
    });
  });

  it('turns zod failures into VALIDATION_ERROR with field errors', () => {
    const parsed = z.object({ limit: z.number().max(100) }).safeParse({ limit: 500 });
    const { status, body } = toErrorEnvelope(parsed.error);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.details).toMatchObject({ fieldErrors: { limit: [expect.any(String)] } });
  });

  it('never leaks the message or stack of an unexpected error', () => {
    const { status, body } = toErrorEnvelope(new Error('relation "users" does not exist at /srv/app.ts:12'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/relation|app\.ts/);
  });
});
