import { describe, expect, it } from 'vitest';
import { CpuBreakdownPanels } from './CpuBreakdownPanels.tsx';
import type { CpuPanel } from './cpuPanelsLayout.ts';
import { cpuPanelsLayout } from './cpuPanelsLayout.ts';
import { attr, badNumbers, markup, texts, withAttr } from './testMarkup.ts';

const sizes = [64, 4096, 262144];
const panels: CpuPanel[] = [
  {
    row: 'Driver domain (Dom0)',
    column: 'pv-tcp',
    sizes,
    stacks: [
      { key: 'netback', label: 'netback', values: [6, 9, 60] },
      { key: 'grant-copy', label: 'grant copy', values: [2, 5, 90] },
    ],
  },
  {
    row: 'Driver domain (Dom0)',
    column: 'zero-copy',
    sizes,
    stacks: [
      { key: 'grant-map', label: 'grant map (IOTLB)', values: [2, 2, 3] },
      { key: 'netback', label: 'netback', values: [0, 0, 1] },
    ],
  },
  {
    row: 'Guest VM',
    column: 'pv-tcp',
    sizes,
    // Given in another order than the Dom0 panel: the chart restacks by the shared order.
    stacks: [
      { key: 'copy', label: 'data copy', values: [1, 4, 80] },
      { key: 'tcpip', label: 'socket + TCP/IP', values: [8, 10, 20] },
    ],
  },
  {
    row: 'Guest VM',
    column: 'zero-copy',
    sizes,
    stacks: [{ key: 'frontend', label: 'HPC frontend', values: [3, 3, 3] }],
  },
];
const order = ['tcpip', 'copy', 'frontend', 'netback', 'grant-copy', 'grant-map'];
const props = { panels, categoryOrder: order, width: 1200, height: 720, title: 'CPU time per message' };

const panelHtml = (html: string, row: string, column: string) => {
  const start = html.indexOf(`data-row="${row}" data-column="${column}"`);
  const end = html.indexOf('data-testid="cpu-panel"', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
};

describe('CpuBreakdownPanels', () => {
  it('lays out one panel per domain and I/O path, titled by both', () => {
    const html = markup(<CpuBreakdownPanels {...props} />);
    const cells = withAttr(html, 'data-testid', 'cpu-panel');
    expect(cells.map((c) => `${attr(c, 'data-row')}|${attr(c, 'data-column')}`)).toEqual([
      'Driver domain (Dom0)|pv-tcp',
      'Driver domain (Dom0)|zero-copy',
      'Guest VM|pv-tcp',
      'Guest VM|zero-copy',
    ]);
    expect(texts(html)).toContain('Driver domain (Dom0) · zero-copy');
    expect(badNumbers(html)).toEqual([]);
  });

  it('shares the y scale within a row, not across rows', () => {
    const html = markup(<CpuBreakdownPanels {...props} />);
    const yMax = (row: string, column: string) =>
      attr(withAttr(panelHtml(html, row, column), 'data-testid', 'stacked-bar-chart')[0], 'data-y-max');
    expect(yMax('Driver domain (Dom0)', 'pv-tcp')).toBe(yMax('Driver domain (Dom0)', 'zero-copy'));
    expect(yMax('Guest VM', 'pv-tcp')).toBe(yMax('Guest VM', 'zero-copy'));
    expect(yMax('Guest VM', 'pv-tcp')).not.toBe(yMax('Driver domain (Dom0)', 'pv-tcp'));
    // Dom0's tallest bar is 150 µs, the VM's 100 µs.
    expect(Number(yMax('Driver domain (Dom0)', 'pv-tcp'))).toBeGreaterThanOrEqual(150);
    expect(Number(yMax('Guest VM', 'zero-copy'))).toBeGreaterThanOrEqual(100);
  });

  it('gives a category the same look and stack position in every panel', () => {
    const html = markup(<CpuBreakdownPanels {...props} />);
    // Pattern ids carry a per-chart prefix; the rest names the hatch and colour.
    const look = (row: string, column: string, key: string) =>
      (attr(withAttr(panelHtml(html, row, column), 'data-category', key)[0], 'fill') ?? '').replace(
        /#[^)]*-(diagonal|dots|crosshatch|horizontal)-/,
        '#$1-',
      );
    const layout = cpuPanelsLayout({ panels, categoryOrder: order }, 1200, 720);
    const netback = layout.styles.get('netback')!;
    const expected =
      netback.hatch === 'solid' ? netback.color : `url(#${netback.hatch}-${netback.color.slice(1)})`;
    expect(look('Driver domain (Dom0)', 'pv-tcp', 'netback')).toBe(expected);
    expect(look('Driver domain (Dom0)', 'zero-copy', 'netback')).toBe(expected);
    expect(layout.styles.get('tcpip')).not.toEqual(layout.styles.get('copy'));
    // The VM panel listed copy before tcpip; the shared order stacks tcpip first (lowest).
    const vm = layout.cells.find((c) => c.row === 'Guest VM' && c.column === 'pv-tcp');
    expect(vm?.panel?.stacks.map((s) => s.key)).toEqual(['tcpip', 'copy']);
    const tcpip = withAttr(panelHtml(html, 'Guest VM', 'pv-tcp'), 'data-category', 'tcpip')[0];
    const copy = withAttr(panelHtml(html, 'Guest VM', 'pv-tcp'), 'data-category', 'copy')[0];
    expect(Number(attr(tcpip, 'y'))).toBeGreaterThan(Number(attr(copy, 'y')));
  });

  it('keeps styles stable when a panel loses a category', () => {
    const fewer = panels.map((p) => ({ ...p, stacks: p.stacks.filter((s) => s.key !== 'tcpip') }));
    const a = cpuPanelsLayout({ panels, categoryOrder: order }, 1200, 720);
    const b = cpuPanelsLayout({ panels: fewer, categoryOrder: order }, 1200, 720);
    expect(b.styles.get('copy')).toEqual(a.styles.get('copy'));
    expect(b.styles.get('grant-map')).toEqual(a.styles.get('grant-map'));
  });

  it('shows one shared legend with the categories that occur, in the shared order', () => {
    const html = markup(<CpuBreakdownPanels {...props} />);
    const legend = html.slice(html.indexOf('data-testid="shared-legend"'));
    const keys = withAttr(legend, 'data-legend-key').map((t) => attr(t, 'data-legend-key'));
    // Each key once, although netback occurs in two panels.
    expect(keys).toEqual(['tcpip', 'copy', 'frontend', 'netback', 'grant-copy', 'grant-map']);
    // A category that is zero everywhere stays out of the legend.
    const unused = {
      ...panels[3],
      stacks: [...panels[3].stacks, { key: 'poll', label: 'polling', values: [0, 0, 0] }],
    };
    const layout = cpuPanelsLayout({ panels: [...panels.slice(0, 3), unused] }, 1200, 720);
    expect(layout.categories.map((c) => c.key)).not.toContain('poll');
    expect(withAttr(html, 'data-testid', 'legend')).toEqual([]);
  });

  it('marks the current size and dims every panel while stale', () => {
    const html = markup(<CpuBreakdownPanels {...props} markerX={4096} stale />);
    expect(withAttr(html, 'data-marker-index', '1')).toHaveLength(4);
    expect(withAttr(html, 'data-stale', 'true')).toHaveLength(1 + 4);
  });

  it('says "no data" for a missing combination', () => {
    const html = markup(<CpuBreakdownPanels {...props} panels={panels.slice(0, 3)} />);
    expect(withAttr(html, 'data-testid', 'cpu-panel')).toHaveLength(4);
    expect(texts(html)).toContain('zero-copy: no data');
    expect(badNumbers(markup(<CpuBreakdownPanels {...props} panels={[]} />))).toEqual([]);
  });
});
