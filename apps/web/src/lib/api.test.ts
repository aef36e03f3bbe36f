import { describe, expect, it } from 'vitest';
import { ApiError, safeReturnTo, toQueryString } from './api';

describe('API client helpers', () => {
  it('drops empty values from query strings and repeats arrays', () => {
    expect(
      toQueryString({
        status: 'broken',
        search: '',
        entityId: undefined,
        fields: ['title', 'number'],
        limit: 50,
      }),
    ).toBe('?status=broken&fields=title&fields=number&limit=50');
    expect(toQueryString({ search: '' })).toBe('');
  });

  it('follows only same-site return paths after a login', () => {
    expect(safeReturnTo('/assets?status=broken')).toBe('/assets?status=broken');
    expect(safeReturnTo('//evil.example/x')).toBe('/');
    expect(safeReturnTo('https://evil.example')).toBe('/');
    expect(safeReturnTo('/\\evil.example')).toBe('/');
    expect(safeReturnTo(null)).toBe('/');
  });

  it('reads the first message of each field error', () => {
    const error = new ApiError(400, 'VALIDATION_ERROR', 'Invalid', {
      fieldErrors: { password: ['Too short', 'No digit'], email: 'Invalid email' },
    });
    expect(error.fieldErrors).toEqual({ password: 'Too short', email: 'Invalid email' });
  });
});
