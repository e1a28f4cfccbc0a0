import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TimeSeriesChart } from './TimeSeriesChart.tsx';
import type { TimeSeries } from './timeSeriesGeometry.ts';
import {
  decimate,
  timeColumns,
  timeSeriesGeometry,
  timeTooltip,
  validSamples,
} from './timeSeriesGeometry.ts';
import { attr, badNumbers, markup, tags, texts, withAttr } from './testMarkup.ts';

/** `n` samples every `stepNs`, values from `f(i)`. */
function samples(n: number, stepNs: number, f: (i: number) => number) {
  return {
    tNs: Float64Array.from({ length: n }, (_, i) => i * stepNs),
    values: Float64Array.from({ length: n }, (_, i) => f(i)),
  };
}

const live: TimeSeries[] = [
  { key: 'tput', label: 'throughput', ...samples(500, 10_000, (i) => 400 - 300 * Math.exp(-i / 40)) },
  { key: 'dom0', label: 'Dom0 CPU', axis: 'right', ...samples(500, 10_000, () => 62) },
];
const base = {
  title: 'Live run',
  yLabel: 'throughput (MiB/s)',
  yRightLabel: 'CPU utilization (%)',
  width: 640,
  height: 320,
};

describe('TimeSeriesChart', () => {
  it('draws a line per series on its own axis, each ending in its marker', () => {
    const html = markup(<TimeSeriesChart {...base} series={live} yRightDomain={[0, 100]} />);
    expect(
      withAttr(html, 'data-series').map(
        (t) => `${attr(t, 'data-series')}:${attr(t, 'data-axis')}:${attr(t, 'data-points')}`,
      ),
    ).toEqual(['tput:left:500', 'dom0:right:500']);
    const lines = tags(html, 'path').filter((p) => attr(p, 'fill') === 'none');
    expect(lines).toHaveLength(2);
    // 500 samples over about 450 px: every one is drawn (one move, 499 line segments).
    expect(attr(lines[0], 'd')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){499}$/);
    for (const p of lines) expect(Number(attr(p, 'stroke-width'))).toBeGreaterThanOrEqual(2.5);
    expect(withAttr(html, 'data-testid', 'y-axis-right')).toHaveLength(1);
    expect(texts(html)).toContain('CPU utilization (%)');
    expect(texts(html)).toContain('Dom0 CPU (right axis)');
    expect(texts(html)).toContain('100');
    expect(badNumbers(html)).toEqual([]);
  });

  it('labels time in the unit that suits the span', () => {
    const ms = markup(<TimeSeriesChart {...base} series={live} />);
    expect(attr(withAttr(ms, 'data-testid', 'time-series-chart')[0], 'data-time-unit')).toBe('ms');
    expect(texts(ms)).toContain('simulated time (ms)');
    const short = [{ key: 'a', label: 'a', ...samples(90, 10_000, (i) => i) }];
    const us = markup(<TimeSeriesChart {...base} series={short} />);
    expect(texts(us)).toContain('simulated time (µs)');
    // 0 … 890 µs: tick labels are whole µs, not ns.
    expect(texts(us)).toContain('800');
  });

  it('has no right axis when no series uses it', () => {
    const html = markup(<TimeSeriesChart {...base} series={live.slice(0, 1)} />);
    expect(withAttr(html, 'data-testid', 'y-axis-right')).toEqual([]);
    expect(texts(html)).toContain('throughput');
  });

  it('drops non-finite samples, sorts out-of-order ones and keeps to a fixed window', () => {
    const s = validSamples({ tNs: [0, 20, 10, NaN, 30, 40], values: [1, 3, 2, 9, Infinity, 5] });
    expect(Array.from(s.tNs)).toEqual([0, 10, 20, 40]);
    expect(Array.from(s.values)).toEqual([1, 2, 3, 5]);
    const g = timeSeriesGeometry(
      { yLabel: 'y (u)', series: live, xDomainNs: [1_000_000, 2_000_000] },
      640,
      320,
    );
    expect(g.series[0].tNs[0]).toBe(1_000_000);
    expect(g.series[0].tNs[g.series[0].tNs.length - 1]).toBe(2_000_000);
    expect(g.series[0].xs[0]).toBeCloseTo(g.plot.left, 5);
  });

  it('survives empty, single-sample and garbage series', () => {
    const odd: TimeSeries[] = [
      { key: 'empty', label: 'empty', tNs: [], values: [] },
      { key: 'one', label: 'one', tNs: [5_000], values: [3] },
      { key: 'junk', label: 'junk', tNs: [NaN, 1, 2], values: [1, NaN, -Infinity] },
    ];
    const html = markup(<TimeSeriesChart {...base} series={odd} />);
    expect(badNumbers(html)).toEqual([]);
    expect(badNumbers(markup(<TimeSeriesChart {...base} series={[]} />))).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double(), fc.double()), { maxLength: 20 }),
        fc.boolean(),
        (pairs, right) => {
          const series = [
            {
              key: 'x',
              label: 'x',
              tNs: pairs.map((p) => p[0]),
              values: pairs.map((p) => p[1]),
              axis: right ? ('right' as const) : undefined,
            },
          ];
          const g = timeSeriesGeometry({ yLabel: 'y (u)', series }, 300, 200);
          const numbers = [
            ...g.series.flatMap((s) => [...s.xs, ...s.ys]),
            ...g.xTicks.map((t) => t.pos),
            ...g.yTicks.map((t) => t.pos),
          ];
          expect(numbers.every(Number.isFinite)).toBe(true);
          expect(g.series[0].path ?? '').not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });

  it('reads out every series at the hovered time with its unit', () => {
    const g = timeSeriesGeometry({ ...base, series: live }, 640, 320);
    const tip = timeTooltip(g, 40);
    // Sample 40 is at 400 µs, where throughput is 400 − 300/e = 289.6 MiB/s.
    expect(tip?.heading).toBe('t = 0.4 ms');
    expect(tip?.rows.map((r) => r.text)).toEqual(['throughput: 290 MiB/s', 'Dom0 CPU: 62%']);
    expect(timeColumns(g)).toHaveLength(500);
  });

  it('decimates dense series to the extremes of each pixel column', () => {
    const n = 10_000;
    const xs = Float64Array.from({ length: n }, (_, i) => i / 100);
    const ys = Float64Array.from({ length: n }, (_, i) => (i === 4321 ? 1000 : i % 7));
    const kept = decimate(xs, ys);
    expect(kept.length).toBeLessThanOrEqual(4 * 101);
    expect(kept).toContain(4321);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(n - 1);
    // Sparse series (here 50 samples over 98 px) are drawn whole.
    const sparse = Float64Array.from({ length: 50 }, (_, i) => 2 * i);
    expect(decimate(sparse, ys.subarray(0, 50))).toHaveLength(50);
  });
});
