import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { decodeCursor, encodeCursor } from './cursor';

describe('keyset cursors', () => {
  it('round-trips a position through an opaque base64url token', () => {
    const token = encodeCursor(['2024-01-31', 'a/b+c', 42, null]);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token, 4)).toEqual(['2024-01-31', 'a/b+c', 42, null]);
  });

  it.each(['not-base64!', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url')])(
    'rejects a malformed cursor %s as a validation error',
    (token) => {
      expect(() => decodeCursor(token, 2)).toThrow(AppError);
    },
  );
});
