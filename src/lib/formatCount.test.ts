import { describe, expect, it } from 'vitest';
import { formatCount } from './format.ts';

describe('formatCount', () => {
  it('writes whole counts as toLocaleString("en") does', () => {
    for (const n of [
      0, 1, 12, 123, 999, 1000, 1234, 12345, 123456, 1234567, 10_000_000, 987654321012, -1, -999, -1000,
      -1234567,
    ])
      expect(formatCount(n)).toBe(n.toLocaleString('en'));
  });

  it('rounds fractions, and leaves what is not finite as it is', () => {
    expect(formatCount(1234.6)).toBe('1,235');
    expect(formatCount(-0.2)).toBe('0');
    expect(formatCount(Number.NaN)).toBe('NaN');
    expect(formatCount(Infinity)).toBe('Infinity');
  });
});
