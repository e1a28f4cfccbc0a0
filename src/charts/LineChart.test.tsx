import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineChart } from './LineChart.tsx';
import type { LineSeries } from './lineChartGeometry.ts';
import { lineChartGeometry, lineTooltip } from './lineChartGeometry.ts';
import { attr, badNumbers, markup, tags, texts, translateX, withAttr } from './testMarkup.ts';

const KiB = 1024;
const MiB = 1024 * 1024;
const sizes = Array.from({ length: 17 }, (_, i) => 64 * 2 ** i);
const series: LineSeries[] = [
  { key: 'pv-tcp', label: 'TCP sockets', points: sizes.map((x) => ({ x, y: (400 * x) / (x + 16 * KiB) })) },
  {
    key: 'zero-copy',
    label: 'HPC framework',
    points: sizes.map((x) => ({ x, y: (1180 * x) / (x + 8 * KiB) })),
  },
];
const base = { title: 'RDMA write throughput', yLabel: 'throughput (MiB/s)', width: 640, height: 360 };

describe('LineChart', () => {
  it('draws one path and one marker per point for each series, with a legend entry each', () => {
    const html = markup(<LineChart {...base} series={series} />);
    for (const key of ['pv-tcp', 'zero-copy']) {
      const group = withAttr(html, 'data-series', key);
      expect(group).toHaveLength(1);
      expect(attr(group[0], 'data-points')).toBe('17');
    }
    const seriesBlock = html.slice(html.indexOf('data-testid="series"'));
    expect(
      tags(seriesBlock.slice(0, seriesBlock.indexOf('data-testid="marker-x"') >>> 0), 'path').length,
    ).toBeGreaterThanOrEqual(2 + 34);
    expect(withAttr(html, 'data-legend-key')).toHaveLength(2);
    expect(texts(html)).toContain('TCP sockets');
    expect(badNumbers(html)).toEqual([]);
  });

  it('labels the x axis in binary units and the y axis with its unit', () => {
    const html = markup(<LineChart {...base} series={series} />);
    const all = texts(html);
    expect(all).toContain('64 B');
    expect(all).toContain('4 MiB');
    expect(all.some((t) => /KiB$/.test(t))).toBe(true);
    expect(all).toContain('throughput (MiB/s)');
    expect(all).toContain('message size (bytes)');
    // Tick labels at least 14 px, the title at least 16 px, data strokes at least 2.5 px.
    for (const t of tags(html, 'text')) expect(Number(attr(t, 'font-size'))).toBeGreaterThanOrEqual(14);
    expect(Number(attr(withAttr(html, 'data-testid', 'chart-title')[0], 'font-size'))).toBeGreaterThanOrEqual(
      16,
    );
    const dataPaths = tags(html, 'path').filter(
      (p) => attr(p, 'fill') === 'none' && attr(p, 'stroke-dasharray') !== undefined,
    );
    for (const p of [...dataPaths, ...tags(html, 'path').filter((p) => attr(p, 'fill') === 'none')])
      expect(Number(attr(p, 'stroke-width'))).toBeGreaterThanOrEqual(2.5);
  });

  it('places the marker at the message size on the log2 axis', () => {
    const html = markup(<LineChart {...base} series={series} markerX={64 * KiB} />);
    const marker = withAttr(html, 'data-testid', 'marker-x');
    expect(marker).toHaveLength(1);
    expect(attr(marker[0], 'data-marker-x')).toBe(String(64 * KiB));
    const m = Number(attr(marker[0], 'data-marker-px'));
    const tickAt = (v: number) => translateX(withAttr(html, 'data-tick-value', String(v))[0]);
    // 64 KiB is 6 of the 10 octaves from 1 KiB to 1 MiB.
    expect((m - tickAt(KiB)) / (tickAt(MiB) - tickAt(KiB))).toBeCloseTo(0.6, 3);
    expect(texts(html)).toContain('64 KiB');
    expect(
      withAttr(markup(<LineChart {...base} series={series} markerX={NaN} />), 'data-testid', 'marker-x'),
    ).toEqual([]);
  });

  it('dims the old curves while stale and says so', () => {
    const fresh = markup(<LineChart {...base} series={series} />);
    const stale = markup(<LineChart {...base} series={series} stale />);
    expect(attr(withAttr(fresh, 'data-testid', 'line-chart')[0], 'data-stale')).toBe('false');
    expect(attr(withAttr(stale, 'data-testid', 'line-chart')[0], 'data-stale')).toBe('true');
    expect(Number(attr(withAttr(stale, 'data-testid', 'series')[0], 'opacity'))).toBeLessThan(0.5);
    expect(attr(withAttr(fresh, 'data-testid', 'series')[0], 'opacity')).toBe('1');
    expect(withAttr(stale, 'data-series')).toHaveLength(2);
    expect(texts(stale)).toContain('updating…');
    expect(texts(fresh)).not.toContain('updating…');
  });

  it('draws reference lines and hollow reference points with their labels', () => {
    const html = markup(
      <LineChart
        {...base}
        series={series}
        referenceLines={[{ y: 1192, label: '10 GbE wire 1192 MiB/s' }]}
        referencePoints={[{ x: 64, y: 77, label: 'poster 77 µs', series: 'pv-tcp' }]}
      />,
    );
    expect(withAttr(html, 'data-testid', 'reference-line')).toHaveLength(1);
    expect(texts(html)).toContain('10 GbE wire 1192 MiB/s');
    const point = html.slice(html.indexOf('data-testid="reference-point"'));
    expect(attr(tags(point, 'path')[0], 'fill')).toBe('none');
    expect(attr(tags(point, 'path')[0], 'stroke')).toBe('#56B4E9');
    expect(texts(html)).toContain('poster 77 µs');
    // The y axis grows to show the wire rate even though no curve reaches it.
    const g = lineChartGeometry({ ...base, series, referenceLines: [{ y: 1192, label: '' }] }, 640, 360);
    expect(g.yDomain[1]).toBeGreaterThanOrEqual(1192);
  });

  it('drops NaN, Infinity, x ≤ 0 and (on a log axis) y ≤ 0 without a bad number in the SVG', () => {
    const messy: LineSeries[] = [
      { key: 'empty', label: 'empty', points: [] },
      { key: 'one', label: 'one point', points: [{ x: 4096, y: 50 }] },
      {
        key: 'bad',
        label: 'bad',
        points: [
          { x: NaN, y: 1 },
          { x: 64, y: Infinity },
          { x: -5, y: 3 },
          { x: 0, y: 3 },
          { x: 128, y: 0 },
          { x: 256, y: -Infinity },
        ],
      },
      { key: 'zeros', label: 'zeros', points: sizes.map((x) => ({ x, y: 0 })) },
    ];
    for (const yLog of [false, true]) {
      const html = markup(<LineChart {...base} series={messy} yLog={yLog} markerX={Infinity} />);
      expect(badNumbers(html)).toEqual([]);
      const points = (key: string) => Number(attr(withAttr(html, 'data-series', key)[0], 'data-points'));
      expect(points('empty')).toBe(0);
      expect(points('one')).toBe(1);
      expect(points('bad')).toBe(yLog ? 0 : 1);
      expect(points('zeros')).toBe(yLog ? 0 : 17);
    }
    expect(badNumbers(markup(<LineChart {...base} series={[]} />))).toEqual([]);
  });

  it('never puts a non-finite number in the geometry, whatever the input', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(0, 64, 1e308, -1e308, Number.MIN_VALUE));
    const point = fc.record({ x: value, y: value });
    fc.assert(
      fc.property(
        fc.array(fc.array(point, { maxLength: 8 }), { maxLength: 3 }),
        fc.boolean(),
        fc.option(value, { nil: undefined }),
        (lists, yLog, markerX) => {
          const input = lists.map((points, i) => ({ key: `s${i}`, label: `s${i}`, points }));
          const g = lineChartGeometry({ yLabel: 'y (u)', series: input, yLog, markerX }, 400, 300);
          const numbers = [
            ...g.series.flatMap((s) => s.points.flatMap((p) => [p.px, p.py])),
            ...g.xTicks.map((t) => t.pos),
            ...g.yTicks.map((t) => t.pos),
            ...Object.values(g.plot),
            g.marker?.px ?? 0,
          ];
          expect(numbers.every(Number.isFinite)).toBe(true);
          for (const s of g.series) expect(s.path ?? '').not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  it('reads out every series at the hovered size, with units', () => {
    const g = lineChartGeometry(
      { ...base, series, referencePoints: [{ x: 64 * KiB, y: 416, label: 'poster' }] },
      640,
      360,
    );
    const index = g.columns.findIndex((c) => c.x === 64 * KiB);
    const tip = lineTooltip(g, index);
    expect(tip?.heading).toBe('64 KiB');
    // 400 × 64/80 = 320; 1180 × 64/72 = 1048.9.
    expect(tip?.rows.map((r) => r.text)).toEqual([
      'TCP sockets: 320 MiB/s',
      'HPC framework: 1049 MiB/s',
      'poster: 416 MiB/s',
    ]);
    expect(lineTooltip(g, 99)).toBeNull();
  });

  it('fills its container when no size is given, rendering nothing until measured', () => {
    const html = markup(<LineChart yLabel="throughput (MiB/s)" series={series} />);
    expect(html).toMatch(/^<div data-chart="line" style="[^"]*width:100%;height:100%/);
    expect(tags(html, 'svg')).toEqual([]);
  });
});

describe('LineChart series styles', () => {
  const fixed = { color: '#123456', dash: '4 4', marker: 'wye' as const };

  it('draws a series in the style it is given, whatever its position, and its legend swatch too', () => {
    const styled = [series[0], { ...series[1], style: fixed }];
    const reversed = [styled[1], styled[0]];
    for (const list of [styled, reversed]) {
      const g = lineChartGeometry({ ...base, series: list }, 640, 360);
      expect(g.series.find((s) => s.key === 'zero-copy')!.style).toEqual(fixed);
      const html = markup(<LineChart {...base} series={list} />);
      const group = html.slice(html.indexOf('data-series="zero-copy"'));
      expect(attr(tags(group, 'path')[0], 'stroke')).toBe('#123456');
      const legend = html.slice(html.indexOf('data-legend-key="zero-copy"'));
      expect(attr(tags(legend, 'line')[0], 'stroke')).toBe('#123456');
      expect(attr(tags(legend, 'line')[0], 'stroke-dasharray')).toBe('4 4');
    }
  });

  it('gives a reference point the style of the series it names', () => {
    const g = lineChartGeometry(
      {
        ...base,
        series: [series[0], { ...series[1], style: fixed }],
        referencePoints: [{ x: 64, y: 28, label: 'poster', series: 'zero-copy' }],
      },
      640,
      360,
    );
    expect(g.referencePoints[0].style).toEqual(fixed);
  });

  it('styles unstyled series by position', () => {
    const g = lineChartGeometry({ ...base, series }, 640, 360);
    expect(g.series[0].style).not.toEqual(g.series[1].style);
  });
});
