import { describe, expect, it } from 'vitest';
import { formatApplicationNumber, formatCount, formatDate, formatPatentNumber } from './format';

describe('display formatting (Part D)', () => {
  it('thousands separators for counts and utility patent numbers', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(null)).toBe('—');
    expect(formatPatentNumber('10224138')).toBe('10,224,138');
    expect(formatPatentNumber('D123456')).toBe('D123456');
  });

  it('application numbers as 12/345,678', () => {
    expect(formatApplicationNumber('12345678')).toBe('12/345,678');
    expect(formatApplicationNumber(null)).toBe('—');
  });

  it('ISO dates as a short date without shifting the day', () => {
    expect(formatDate('2012-03-01')).toBe('Mar 1, 2012');
    expect(formatDate(null)).toBe('—');
  });
});
