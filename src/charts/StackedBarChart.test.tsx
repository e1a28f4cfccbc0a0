import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StackedBarChart } from './StackedBarChart.tsx';
import type { Stack } from './stackedBarGeometry.ts';
import { barTooltip, markerColumn, stackedBarGeometry } from './stackedBarGeometry.ts';
import { attr, badNumbers, markup, tags, texts, withAttr } from './testMarkup.ts';

const sizes = [64, 1024, 65536, 4 * 1024 * 1024];
const stacks: Stack[] = [
  { key: 'tcpip', label: 'socket + TCP/IP', values: [9, 10, 30, 200] },
  { key: 'copy', label: 'data copy', values: [1, 2, 40, 600] },
  { key: 'netfront', label: 'netfront', values: [3, 3, 5, 50] },
];
const base = { title: 'Guest VM · pv-tcp', width: 560, height: 340, sizes, stacks };

const segment = (html: string, category: string, size: number) =>
  withAttr(html, 'data-category', category).find((t) => attr(t, 'data-size') === String(size));

describe('StackedBarChart', () => {
  it('draws one segment per non-zero value, stacked bottom-up in the given order', () => {
    const html = markup(<StackedBarChart {...base} />);
    expect(withAttr(html, 'data-category')).toHaveLength(12);
    const bottom = segment(html, 'tcpip', 65536)!;
    const middle = segment(html, 'copy', 65536)!;
    const y = (t: string) => Number(attr(t, 'y'));
    const h = (t: string) => Number(attr(t, 'height'));
    // SVG y grows downwards: the first category sits lowest, the next directly on top of it.
    expect(y(middle) + h(middle)).toBeCloseTo(y(bottom), 1);
    // Heights are proportional to values: 40 µs of copy against 30 µs of TCP/IP.
    expect(h(middle) / h(bottom)).toBeCloseTo(40 / 30, 1);
    expect(attr(segment(html, 'copy', 4 * 1024 * 1024)!, 'data-value')).toBe('600');
    expect(badNumbers(html)).toEqual([]);
  });

  it('labels bars by size with units and the y axis with µs', () => {
    const html = markup(<StackedBarChart {...base} />);
    const all = texts(html);
    for (const label of ['64 B', '1 KiB', '64 KiB', '4 MiB']) expect(all).toContain(label);
    // Shortened to the plot's height if need be, but never without its unit.
    expect(all.some((t) => /^CPU time.*\(µs\)$/.test(t))).toBe(true);
    expect(texts(markup(<StackedBarChart {...base} height={480} />))).toContain('CPU time per message (µs)');
    for (const t of tags(html, 'text')) expect(Number(attr(t, 'font-size'))).toBeGreaterThanOrEqual(14);
    expect(withAttr(html, 'data-legend-key').map((t) => attr(t, 'data-legend-key'))).toEqual([
      'tcpip',
      'copy',
      'netfront',
    ]);
  });

  it('uses yMax so that panels can share a scale', () => {
    const own = markup(<StackedBarChart {...base} />);
    const shared = markup(<StackedBarChart {...base} yMax={2000} />);
    const yMax = (html: string) =>
      Number(attr(withAttr(html, 'data-testid', 'stacked-bar-chart')[0], 'data-y-max'));
    expect(yMax(own)).toBeGreaterThanOrEqual(850);
    expect(yMax(own)).toBeLessThan(2000);
    expect(yMax(shared)).toBe(2000);
    const h = (html: string) => Number(attr(segment(html, 'copy', 4 * 1024 * 1024)!, 'height'));
    expect(h(shared)).toBeLessThan(h(own));
  });

  it('fills hatched categories with patterns defined in the same SVG', () => {
    const html = markup(<StackedBarChart {...base} />);
    const ids = new Set(tags(html, 'pattern').map((t) => attr(t, 'id')));
    const refs = withAttr(html, 'data-category')
      .map((t) => attr(t, 'fill') ?? '')
      .filter((f) => f.startsWith('url('));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ids.has(/^url\(#(.+)\)$/.exec(ref)?.[1])).toBe(true);
    // The first category is flat colour, the second hatched: distinct in grayscale too.
    expect(attr(segment(html, 'tcpip', 64)!, 'fill')).toMatch(/^#/);
    expect(attr(segment(html, 'copy', 64)!, 'fill')).toMatch(/^url\(#/);
  });

  it('marks the bar nearest the current size on a log scale, with a bold tick label', () => {
    expect(
      markerColumn(
        sizes.map((size) => ({ size })),
        1024,
      ),
    ).toBe(1);
    // 1500 B is closer to 2 KiB than to 1 KiB in octaves, so among 1 KiB and 64 KiB: 1 KiB.
    expect(markerColumn([{ size: 1024 }, { size: 2048 }], 1500)).toBe(1);
    expect(markerColumn([{ size: 1024 }, { size: 2048 }], 1400)).toBe(0);
    expect(
      markerColumn(
        sizes.map((size) => ({ size })),
        NaN,
      ),
    ).toBe(-1);
    const html = markup(<StackedBarChart {...base} markerX={65536} />);
    const marker = withAttr(html, 'data-testid', 'marker-x');
    expect(attr(marker[0], 'data-marker-index')).toBe('2');
    const bar = segment(html, 'tcpip', 65536)!;
    const centre = Number(attr(bar, 'x')) + Number(attr(bar, 'width')) / 2;
    expect(Number(attr(marker[0], 'data-marker-px'))).toBeCloseTo(centre, 1);
    expect(html).toMatch(/font-weight="700"[^>]*>64 KiB<\/text>/);
  });

  it('dims the bars while stale', () => {
    const html = markup(<StackedBarChart {...base} stale />);
    expect(attr(withAttr(html, 'data-testid', 'stacked-bar-chart')[0], 'data-stale')).toBe('true');
    expect(Number(attr(withAttr(html, 'data-testid', 'bars')[0], 'opacity'))).toBeLessThan(0.5);
    expect(withAttr(html, 'data-category')).toHaveLength(12);
    expect(attr(withAttr(markup(<StackedBarChart {...base} />), 'data-testid', 'bars')[0], 'opacity')).toBe(
      '1',
    );
  });

  it('treats NaN, Infinity and negative values as absent, and survives empty input', () => {
    const messy: Stack[] = [
      { key: 'a', label: 'a', values: [NaN, 5, -3, Infinity] },
      { key: 'b', label: 'b', values: [0, 0] },
    ];
    const html = markup(<StackedBarChart {...base} sizes={[64, 128, 256, NaN, 512]} stacks={messy} />);
    expect(withAttr(html, 'data-category')).toHaveLength(1);
    expect(badNumbers(html)).toEqual([]);
    const empty = markup(<StackedBarChart {...base} sizes={[]} stacks={[]} markerX={64} />);
    expect(withAttr(empty, 'data-category')).toEqual([]);
    expect(badNumbers(empty)).toEqual([]);
  });

  it('never puts a non-finite number in the geometry, whatever the input', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(0, 3, 1e308, -1e308));
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 6 }),
        fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 4 }),
        (sz, values) => {
          const input = values.map((v, i) => ({ key: `k${i}`, label: `k${i}`, values: v }));
          const g = stackedBarGeometry({ sizes: sz, stacks: input, markerX: sz[0] }, 400, 300);
          const numbers = [
            ...g.segments.flatMap((s) => [s.x, s.y, s.width, s.height]),
            ...g.columns.flatMap((c) => [c.x, c.cx, c.totalY]),
            ...g.yTicks.map((t) => t.pos),
            ...g.yDomain,
          ];
          expect(numbers.every(Number.isFinite)).toBe(true);
          for (const s of g.segments) expect(s.height).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('reads out the hovered segment with category, size, value and share', () => {
    const g = stackedBarGeometry({ sizes, stacks }, 560, 340);
    const seg = g.segments.find((s) => s.category === 'copy' && s.size === 65536)!;
    const tip = barTooltip(g, 2, seg.y + seg.height / 2);
    expect(tip?.heading).toBe('64 KiB · total 75 µs');
    expect(tip?.rows.map((r) => r.text)).toEqual(['data copy: 40 µs (53%)']);
    const whole = barTooltip(g, 2, null);
    expect(whole?.rows.map((r) => r.text)).toEqual([
      'data copy: 40 µs (53%)',
      'socket + TCP/IP: 30 µs (40%)',
      'netfront: 5 µs (7%)',
    ]);
  });
});
