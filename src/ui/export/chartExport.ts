/**
 * The export menu's view of a chart tab: which figures the tab offers (the CPU tab: both views, the
 * bars, the totals), where each one's SVG is on screen, and its table from the chart data the tab
 * draws (the store's sweep points or live samples through ../panels/chartData.ts).
 */
import { appStore, type ChartTab } from '../../store/index.ts';
import { cpuBarsAt, cpuTotals, lineSeries, liveSeries, nearestSweepSize } from '../panels/chartData.ts';
import { captionText, type FigureContext } from './caption.ts';
import { csvDocument, csvMeta, type Table } from './csv.ts';
import type { Exporter, FigureChoice } from './exporter.ts';
import { documentOf, findSvg } from './figureDom.ts';
import { exportFileName } from './fileName.ts';
import { cpuBarsTable, cpuTotalsTable, lineTable, liveTable } from './tables.ts';

/** Tabs that hold a chart (the journey, the timeline and the A/B comparison are panels of their own). */
export type ChartExportTab = Exclude<ChartTab, 'journey' | 'timeline' | 'ab'>;
export const isChartExportTab = (tab: ChartTab): tab is ChartExportTab =>
  tab !== 'journey' && tab !== 'timeline' && tab !== 'ab';

interface ChartFigure extends FigureChoice {
  /** The SVGs of the figure under the chart area, and the box they are laid out in ('' = the SVG). */
  readonly svgs: readonly string[];
  readonly box?: string;
  /** A name for messages and the CSV's title when the chart has none. */
  readonly what: string;
  readonly table?: (cpuLog: boolean) => Table;
}

const state = () => appStore.getState();
const points = () => state().sweep.points;
const size = () => state().settings.sizeBytes;

const cpuBars = () => cpuBarsAt(points(), size());
const FIGURES: Readonly<Record<ChartExportTab, readonly ChartFigure[]>> = {
  cpu: [
    {
      id: 'cpu',
      label: 'both',
      what: 'The CPU view',
      hasCsv: false,
      box: '[data-testid="cpu-size-view"]',
      svgs: ['svg[data-testid="cpu-bars"]', 'svg[data-testid="cpu-totals"]'],
    },
    {
      id: 'cpu-bars',
      label: 'bars',
      what: 'The CPU bars',
      hasCsv: true,
      svgs: ['svg[data-testid="cpu-bars"]'],
      table: () => cpuBarsTable(cpuBars(), nearestSweepSize(points(), size())),
    },
    {
      id: 'cpu-totals',
      label: 'totals',
      what: 'The CPU totals',
      hasCsv: true,
      svgs: ['svg[data-testid="cpu-totals"]'],
      table: (cpuLog) => cpuTotalsTable(cpuTotals(points(), size(), cpuLog)),
    },
  ],
  throughput: [
    {
      id: 'throughput',
      label: 'throughput',
      what: 'The throughput chart',
      hasCsv: true,
      svgs: ['svg[data-testid="throughput-chart"]'],
      table: () =>
        lineTable(
          lineSeries(points(), (p) => p.throughputMiBps),
          'size_bytes',
          'throughput (MiB/s)',
        ),
    },
  ],
  latency: [
    {
      id: 'latency',
      label: 'latency',
      what: 'The latency chart',
      hasCsv: true,
      svgs: ['svg[data-testid="latency-chart"]'],
      table: () =>
        lineTable(
          lineSeries(points(), (p) => p.latencyUs),
          'size_bytes',
          'latency (µs)',
        ),
    },
  ],
  pktgen: [
    {
      id: 'pktgen',
      label: 'pktgen',
      what: 'The pktgen chart',
      hasCsv: true,
      svgs: ['svg[data-testid="pktgen-chart"]'],
      table: () =>
        lineTable(
          lineSeries(points(), (p) => p.throughputMiBps, 'pktgen'),
          'frame_bytes',
          'rate (MiB/s)',
        ),
    },
  ],
  live: [
    {
      id: 'running',
      label: 'running',
      what: 'The running chart',
      hasCsv: true,
      svgs: ['svg[data-testid="live-chart"]'],
      table: () => {
        const s = state();
        return liveTable(
          liveSeries(s.liveSeries, s.settings.mode),
          s.liveSeries.map((x) => x.windowNs),
        );
      },
    },
  ],
};

/** The running chart is a still of a moving run: its caption and file name say when. */
const contextOf = (tab: ChartExportTab): FigureContext =>
  tab === 'live' ? { nowNs: state().liveSeries.at(-1)?.tNs ?? 0 } : {};

/** The chart's own title as it states it (its `<title>`), for the CSV. */
function titleOf(area: ParentNode | null, f: ChartFigure): string {
  const svg = f.svgs.length === 1 ? area?.querySelector(f.svgs[0]) : null;
  const t = svg?.querySelector(':scope > title')?.textContent ?? svg?.getAttribute('aria-label');
  return t?.trim() || f.what;
}

export function chartExporter(
  tab: ChartExportTab,
  cpuLog: boolean,
  area: () => HTMLElement | null,
): Exporter {
  const figures = FIGURES[tab];
  const figure = (id: string) => {
    const f = figures.find((x) => x.id === id);
    if (!f) throw new Error(`no figure "${id}" on this tab`);
    return f;
  };
  return {
    name: `the ${figures[0].what.replace(/^The /, '')}`,
    figures,
    build(id) {
      const f = figure(id);
      const root = area();
      const svgs = f.svgs.map((sel) => findSvg(root, sel, f.what));
      const box = f.box ? root?.querySelector(f.box) : svgs[0];
      if (!box) throw new Error(`${f.what} is not on screen yet`);
      return { doc: documentOf(box, svgs, captionText(state().settings, contextOf(tab))) };
    },
    csv(id) {
      const f = figure(id);
      if (!f.table) throw new Error(`${f.what} has no table of its own: export its views`);
      const table = f.table(cpuLog);
      const meta = csvMeta({ id: f.id, title: titleOf(area(), f) }, state().settings, table, contextOf(tab));
      return csvDocument(meta, table);
    },
    fileName(id, ext) {
      const ctx = contextOf(tab);
      return exportFileName(figure(id).id, state().settings, ext, ctx.nowNs);
    },
  };
}

/** The tables of a tab's figures that have one, from the same chart data as their CSVs (the data-table view reads these). */
export function chartTables(
  tab: ChartExportTab,
  cpuLog: boolean,
): { id: string; what: string; table: Table }[] {
  return FIGURES[tab].flatMap((f) => (f.table ? [{ id: f.id, what: f.what, table: f.table(cpuLog) }] : []));
}
