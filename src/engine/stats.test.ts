import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QuantileSketch, RunningStats, SlidingWindowRate, TimeWeighted } from './index.ts';

/** Each online statistic against the naive computation over all the samples. */

function closeTo(got: number, want: number, relative = 1e-9): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(want)));
}

describe('QuantileSketch', () => {
  // Positive samples spread over many orders of magnitude, plus some zeros (kept exactly).
  const sample = fc.oneof(
    { weight: 9, arbitrary: fc.double({ min: 1e-3, max: 1e12, noNaN: true }) },
    { weight: 1, arbitrary: fc.constant(0) },
  );

  it('returns quantiles within its relative accuracy of the exact order statistic', () => {
    fc.assert(
      fc.property(
        fc.array(sample, { minLength: 1, maxLength: 2000 }),
        fc.constantFrom(0.001, 0.005, 0.01, 0.05),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
        (xs, accuracy, extraQs) => {
          const sketch = new QuantileSketch(accuracy);
          xs.forEach((x) => sketch.add(x));
          expect(sketch.count).toBe(xs.length);
          const sorted = [...xs].sort((a, b) => a - b);
          for (const q of [0, 0.5, 0.9, 0.99, 1, ...extraQs]) {
            const exact = sorted[Math.round(q * (xs.length - 1))];
            const got = sketch.quantile(q);
            // The documented bound, plus a hair for rounding in log and pow.
            expect(Math.abs(got - exact)).toBeLessThanOrEqual(exact * accuracy * (1 + 1e-9));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is NaN when empty and keeps non-positive samples as 0', () => {
    const sketch = new QuantileSketch();
    expect(sketch.quantile(0.5)).toBeNaN();
    sketch.add(-5);
    sketch.add(0);
    expect(sketch.quantile(1)).toBe(0);
  });

  it('rejects Infinity instead of growing without end, and stays usable', () => {
    const sketch = new QuantileSketch();
    sketch.add(5);
    expect(() => sketch.add(Infinity)).toThrow(RangeError);
    expect(sketch.count).toBe(1);
    expect(Math.abs(sketch.quantile(0.5) / 5 - 1)).toBeLessThanOrEqual(0.005);
  });
});

describe('RunningStats', () => {
  it('matches the two-pass mean and sample variance, min, max and sum', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 500 }), (xs) => {
        const s = new RunningStats();
        xs.forEach((x) => s.add(x));
        expect(s.count).toBe(xs.length);
        if (xs.length === 0) {
          expect(s.variance).toBe(0);
          return;
        }
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const variance = xs.length > 1 ? xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1) : 0;
        // Terms up to 1e6 cancel in the sums: errors scale with the data, not with the result.
        const scale = Math.max(1, ...xs.map(Math.abs));
        expect(Math.abs(s.mean - mean)).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(s.variance - variance)).toBeLessThanOrEqual(1e-9 * scale * scale);
        expect(Math.abs(s.sum - mean * xs.length)).toBeLessThanOrEqual(1e-9 * scale * xs.length);
        expect(s.min).toBe(Math.min(...xs));
        expect(s.max).toBe(Math.max(...xs));
      }),
      { numRuns: 300 },
    );
  });
});

describe('TimeWeighted', () => {
  it('integrates a piecewise-constant value exactly', () => {
    const step = fc.record({
      dtNs: fc.nat(10_000),
      value: fc.integer({ min: -50, max: 50 }),
      add: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.integer({ min: -5, max: 5 }),
        fc.array(step),
        fc.nat(10_000),
        (startNs, initial, steps, tailNs) => {
          const tw = new TimeWeighted(startNs, initial);
          let t = startNs;
          let value = initial;
          let area = 0;
          let max = initial;
          for (const s of steps) {
            area += value * s.dtNs;
            t += s.dtNs;
            if (s.add) tw.add(t, s.value);
            else tw.set(t, s.value);
            value = s.add ? value + s.value : s.value;
            max = Math.max(max, value);
          }
          const end = t + tailNs;
          area += value * tailNs;
          expect(tw.current).toBe(value);
          expect(tw.max).toBe(max);
          expect(tw.area(end)).toBe(area);
          expect(tw.average(end)).toBe(end > startNs ? area / (end - startNs) : value);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SlidingWindowRate', () => {
  it('reports the amount in the buckets within the window, per second', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 32 }),
        fc.array(fc.record({ dtNs: fc.nat(200_000), amount: fc.nat(10_000) }), { maxLength: 300 }),
        fc.nat(2_000_000),
        (windowNs, buckets, adds, tailNs) => {
          const rate = new SlidingWindowRate(windowNs, buckets);
          const bucketNs = windowNs / buckets;
          const added: { index: number; amount: number }[] = [];
          let t = 0;
          for (const a of adds) {
            t += a.dtNs;
            rate.add(t, a.amount);
            added.push({ index: Math.floor(t / bucketNs), amount: a.amount });
          }
          const end = t + tailNs;
          // The newest bucket is the one holding `end`; the window is it and the buckets − 1 before.
          const head = Math.floor(end / bucketNs);
          const inWindow = added.filter((a) => a.index > head - buckets).reduce((s, a) => s + a.amount, 0);
          const spanNs = Math.min(windowNs, (head + 1) * bucketNs);
          closeTo(rate.ratePerSec(end), (inWindow / spanNs) * 1e9, 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('measures a steady stream to within one bucket of the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 2, max: 50 }), (gapNs, buckets) => {
        const windowNs = 100_000;
        const rate = new SlidingWindowRate(windowNs, buckets);
        let t = 0;
        for (; t < 5 * windowNs; t += gapNs) rate.add(t, 1);
        const truth = 1e9 / gapNs;
        // One bucket of the window may be partly filled, plus one item of granularity.
        const slack = (truth / buckets + 1e9 / windowNs) * (1 + 1e-9);
        expect(Math.abs(rate.ratePerSec(t - gapNs) - truth)).toBeLessThanOrEqual(slack);
      }),
    );
  });
});
