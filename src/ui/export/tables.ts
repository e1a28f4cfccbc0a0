/**
 * The tables behind each chart, built from the same chart data the chart is drawn from (the mappings
 * in ../panels/chartData.ts over the store's sweep points and live samples): one row per point, bar
 * or sample on screen, never numbers computed again beside the chart.
 */
import type { HBarData, LineSeries, SmallMultiplesData, TimeSeries } from '../../charts/index.ts';
import { CATEGORIES, type Category } from '../../model/categories.ts';
import type { Table } from './csv.ts';

/** A line chart over message size: one row per (mode, size) point drawn. */
export function lineTable(series: readonly LineSeries[], xColumn: string, yColumn: string): Table {
  return {
    columns: ['mode', 'label', xColumn, yColumn],
    rows: series.flatMap((s) => s.points.map((p) => [s.key, s.label, p.x, p.y])),
  };
}

/**
 * The CPU bars at one size: one row per bar (domain × mode), a column per subsystem in the chart's
 * order (µs per message; 0 where the bar has no such part) and the bar's total.
 */
export function cpuBarsTable(bars: HBarData, sizeBytes: number | undefined): Table {
  const order = (bars.categoryOrder ?? []) as readonly string[];
  const label = (c: string) => (c in CATEGORIES ? CATEGORIES[c as Category].label : c);
  return {
    columns: ['domain', 'mode', 'label', 'size_bytes', ...order.map((c) => `${label(c)} (µs)`), 'total (µs)'],
    rows: bars.rows.map((r) => {
      const [domain, mode] = r.key.split(':');
      const value = (c: string) => r.parts.find((p) => p.key === c)?.value ?? 0;
      return [
        domain ?? r.group,
        mode ?? r.key,
        r.label,
        sizeBytes ?? '',
        ...order.map(value),
        r.parts.reduce((a, p) => a + p.value, 0),
      ];
    }),
  };
}

/** Each domain's total against size: one row per (domain, mode, size) point drawn. */
export function cpuTotalsTable(data: SmallMultiplesData): Table {
  return {
    columns: ['domain', 'mode', 'label', 'size_bytes', data.yLabel],
    rows: data.panels.flatMap((panel) =>
      panel.series.flatMap((s) => s.points.map((p) => [panel.key, s.key, s.label, p.x, p.y])),
    ),
  };
}

/**
 * The running chart: one row per sample, its simulated time and the time its means are over, then a
 * column per series as the legend names it.
 */
export function liveTable(series: readonly TimeSeries[], windowNs: readonly number[]): Table {
  const n = series[0]?.tNs.length ?? 0;
  return {
    columns: ['t_ns', 'window_ns', ...series.map((s) => s.label)],
    rows: Array.from({ length: n }, (_, i) => [
      series[0].tNs[i],
      windowNs[i] ?? '',
      ...series.map((s) => s.values[i]),
    ]),
  };
}
