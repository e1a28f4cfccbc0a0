import { describe, expect, it } from 'vitest';
import type { ChartPoint } from '../../worker/sweeps.ts';
import { CATEGORIES } from '../../model/categories.ts';
import { cpuBarsAt, cpuTotals, lineSeries, liveSeries } from '../panels/chartData.ts';
import { cpuBarsTable, cpuTotalsTable, lineTable, liveTable } from './tables.ts';

const point = (mode: ChartPoint['mode'], sizeBytes: number, k: number): ChartPoint => ({
  kind: 'rdma',
  mode,
  sizeBytes,
  latencyUs: 10 * k,
  throughputMiBps: 100 * k,
  cpuNs: { dom0: { netback: 1000 * k, driver: 500 }, vm: { tcpip: 2000 * k } },
});
const POINTS: ChartPoint[] = [
  point('pv-tcp', 64, 1),
  point('pv-tcp', 4096, 2),
  point('zero-copy', 64, 3),
  point('zero-copy', 4096, 4),
  { ...point('dom0', 64, 5), kind: 'pktgen' },
];

describe('tables behind the charts', () => {
  it('line charts: one row per point drawn, y as the chart has it', () => {
    const series = lineSeries(POINTS, (p) => p.latencyUs);
    const t = lineTable(series, 'size_bytes', 'latency (µs)');
    expect(t.columns).toEqual(['mode', 'label', 'size_bytes', 'latency (µs)']);
    expect(t.rows.length).toBe(series.reduce((n, s) => n + s.points.length, 0));
    expect(t.rows).toContainEqual(['zero-copy', 'VM · zero-copy', 4096, 40]);
    expect(
      lineTable(
        lineSeries(POINTS, (p) => p.throughputMiBps, 'pktgen'),
        'x',
        'y',
      ).rows,
    ).toEqual([['dom0', 'Dom0', 64, 500]]);
  });

  it('CPU bars: a row per bar with a column per subsystem and the total, in µs', () => {
    const bars = cpuBarsAt(POINTS, 64);
    const t = cpuBarsTable(bars, 64);
    expect(t.rows.length).toBe(bars.rows.length);
    const netback = t.columns.indexOf(`${CATEGORIES.netback.label} (µs)`);
    const row = t.rows.find((r) => r[0] === 'dom0' && r[1] === 'pv-tcp')!;
    expect(row[netback]).toBe(1);
    expect(row.at(-1)).toBe(1.5);
    expect(row[3]).toBe(64);
  });

  it('CPU totals: a row per (domain, mode, size) point', () => {
    const data = cpuTotals(POINTS, 64, true);
    const t = cpuTotalsTable(data);
    const drawn = data.panels.reduce((n, p) => n + p.series.reduce((m, s) => m + s.points.length, 0), 0);
    expect(t.rows.length).toBe(drawn);
    expect(t.columns.at(-1)).toBe(data.yLabel);
    expect(t.rows).toContainEqual(['vm', 'pv-tcp', 'VM · TCP', 4096, 4]);
  });

  it('running chart: a row per sample with its time and window', () => {
    const samples = [
      { tNs: 1000, throughputMiBps: 1, cpuCores: { vm: 0.5 }, windowNs: 1000 },
      { tNs: 2000, throughputMiBps: 2, cpuCores: { vm: 0.25, dom0: 1 }, windowNs: 2000 },
    ];
    const series = liveSeries(samples, 'pv-tcp');
    const t = liveTable(
      series,
      samples.map((s) => s.windowNs),
    );
    expect(t.columns.slice(0, 3)).toEqual(['t_ns', 'window_ns', 'throughput (MiB/s)']);
    expect(t.rows).toHaveLength(2);
    expect(t.rows[1].slice(0, 4)).toEqual([2000, 2000, 2, 25]);
  });
});
