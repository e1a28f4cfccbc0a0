import { describe, expect, it } from 'vitest';
import { SmallMultiplesChart } from './SmallMultiplesChart.tsx';
import type { SeriesStyle } from './theme.ts';
import type { SmallMultiplesData } from './totalsGeometry.ts';
import { smallMultiplesGeometry, smallMultiplesTooltip } from './totalsGeometry.ts';
import { attr, badNumbers, markup, tags, texts, withAttr } from './testMarkup.ts';

const sizes = [64, 1024, 65536, 1 << 20, 4 << 20];
const tcp: SeriesStyle = { color: '#56B4E9', marker: 'circle', dash: '' };
const zc: SeriesStyle = { color: '#E69F00', marker: 'square', dash: '10 6' };
const line = (key: string, label: string, style: SeriesStyle, ys: number[]) => ({
  key,
  label,
  style,
  points: sizes.map((x, i) => ({ x, y: ys[i] })),
});
const data: SmallMultiplesData = {
  title: 'Total CPU per message against size (log scale)',
  yLabel: 'total (µs)',
  yLog: true,
  markerX: 64,
  panels: [
    {
      key: 'dom0',
      title: 'Driver domain (Dom0)',
      shortTitle: 'Dom0',
      series: [
        line('pv-tcp', 'VM · TCP', tcp, [35, 36, 200, 7900, 31000]),
        line('zero-copy', 'VM · zero-copy', zc, [15, 15, 20, 650, 2600]),
      ],
    },
    {
      key: 'vm',
      title: 'Guest VM',
      series: [
        line('pv-tcp', 'VM · TCP', tcp, [31, 31, 120, 5800, 23000]),
        line('zero-copy', 'VM · zero-copy', zc, [7.2, 7.2, 7.2, 7.2, 7.2]),
      ],
    },
  ],
};

const panelHtml = (html: string, key: string) => {
  const start = html.indexOf(`data-panel="${key}"`);
  const end = html.indexOf('data-testid="multiples-panel"', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
};

describe('SmallMultiplesChart', () => {
  it('draws a line per series in every panel, in the series’ own colour and dash, legend once', () => {
    const html = markup(<SmallMultiplesChart {...data} width={760} height={330} />);
    for (const key of ['dom0', 'vm']) {
      const panel = panelHtml(html, key);
      for (const [series, style] of [
        ['pv-tcp', tcp],
        ['zero-copy', zc],
      ] as const) {
        const group = panel.slice(panel.indexOf(`data-series="${series}"`));
        const path = tags(group, 'path')[0];
        expect(attr(path, 'stroke'), `${key} ${series}`).toBe(style.color);
        expect(attr(path, 'stroke-dasharray') ?? '', `${key} ${series}`).toBe(style.dash);
      }
    }
    expect(withAttr(html, 'data-legend-key').map((t) => attr(t, 'data-legend-key'))).toEqual([
      'pv-tcp',
      'zero-copy',
    ]);
    expect(badNumbers(html)).toEqual([]);
  });

  it('shares one y scale: the same value sits at the same height in both panels', () => {
    const same = {
      ...data,
      panels: data.panels.map((p) => ({ ...p, series: [line('a', 'a', tcp, [10, 20, 40, 80, 1000])] })),
    };
    const g = smallMultiplesGeometry(same, 760, 330);
    const [a, b] = g.panels;
    expect(a.plot.top).toBe(b.plot.top);
    expect(a.series[0].points.map((p) => p.py)).toEqual(b.series[0].points.map((p) => p.py));
    // Log: equal ratios are equal distances (10 → 20 and 20 → 40).
    const [p0, p1, p2] = a.series[0].points;
    expect(p0.py - p1.py).toBeCloseTo(p1.py - p2.py, 1);
    // Side by side, not overlapping, and the second panel's labels keep clear of the first's.
    expect(b.plot.left).toBeGreaterThan(a.plot.left + a.plot.width + 40);
  });

  it('keeps the y title whole and the panel titles full where they fit, short where they do not', () => {
    const wide = markup(<SmallMultiplesChart {...data} width={760} height={330} />);
    expect(texts(wide)).toEqual(expect.arrayContaining(['total (µs)', 'Driver domain (Dom0)', 'Guest VM']));
    const long = 'Driver domain (Dom0), the privileged guest that owns the NIC';
    const narrow = { ...data, panels: [{ ...data.panels[0], title: long }, data.panels[1]] };
    const g = smallMultiplesGeometry(narrow, 540, 330);
    expect(g.panels.map((p) => p.title)).toEqual(['Dom0', 'Guest VM']);
    expect(g.panels[0].fullTitle).toBe(long);
    // The full title stays available (as the SVG <title> of the shortened one).
    expect(markup(<SmallMultiplesChart {...narrow} width={540} height={330} />)).toContain(
      `<title>${long}</title>`,
    );
    for (const t of tags(wide, 'text')) expect(Number(attr(t, 'font-size'))).toBeGreaterThanOrEqual(15);
  });

  it('marks the current size in every panel and reads a column out with units', () => {
    const html = markup(<SmallMultiplesChart {...data} width={760} height={330} />);
    expect(withAttr(html, 'data-testid', 'marker-x')).toHaveLength(2);
    const g = smallMultiplesGeometry(data, 760, 330);
    const t = smallMultiplesTooltip(g, 1, 3)!;
    expect(t.heading).toBe('Guest VM · 1 MiB');
    expect(t.rows.map((r) => r.text)).toEqual(['VM · TCP: 5800 µs', 'VM · zero-copy: 7.2 µs']);
  });

  it('on a linear scale starts at 0', () => {
    const g = smallMultiplesGeometry({ ...data, yLog: false }, 760, 330);
    expect(g.yDomain[0]).toBe(0);
    expect(g.yDomain[1]).toBeGreaterThanOrEqual(31000);
  });
});
