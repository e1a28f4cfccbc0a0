import { describe, expect, it } from 'vitest';
import { formatClockNs } from './format.ts';

describe('formatClockNs', () => {
  it('picks ns, µs, ms and s at their thresholds', () => {
    expect(formatClockNs(0)).toBe('0 ns');
    expect(formatClockNs(999)).toBe('999 ns');
    expect(formatClockNs(1_000)).toBe('1.000 µs');
    expect(formatClockNs(999_999)).toBe('999.999 µs');
    expect(formatClockNs(9_999_400)).toBe('9.999 ms');
    expect(formatClockNs(1_000_000)).toBe('1.000 ms');
    expect(formatClockNs(999_999_999)).toBe('1.000000 s'); // the unit after rounding: never 1000.000 ms
    expect(formatClockNs(1_000_000_000)).toBe('1.000000 s');
  });

  it('shows the run from the issue (242854193 ns) in ms, not as 242854.193 µs', () => {
    expect(formatClockNs(242_854_193)).toBe('242.854 ms');
  });

  it('keeps a nanosecond visible below a millisecond and a microsecond above it', () => {
    expect(formatClockNs(27_812)).toBe('27.812 µs');
    expect(formatClockNs(27_813)).not.toBe(formatClockNs(27_812));
    expect(formatClockNs(5_000_001_000)).not.toBe(formatClockNs(5_000_000_000));
  });

  it('has a width that depends only on the unit and the integer digits', () => {
    // Every µs reading with three integer digits has the same length, so the clock does not jitter.
    const lengths = new Set(
      [100_000, 123_456, 999_999, 500_001, 999_000].map((n) => formatClockNs(n).length),
    );
    expect(lengths.size).toBe(1);
  });

  it('never prints NaN or Infinity', () => {
    expect(formatClockNs(Number.NaN)).toBe('–');
    expect(formatClockNs(Number.POSITIVE_INFINITY)).toBe('–');
  });
});
