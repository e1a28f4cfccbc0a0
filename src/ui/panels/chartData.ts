import {
  formatBytesLabel,
  seriesStyle,
  type HBarData,
  type LineSeries,
  type SmallMultiplesData,
  type TimeSeries,
} from '../../charts/index.ts';
import { CATEGORIES, DOMAINS, type Category, type DomainKind } from '../../model/categories.ts';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import type { Mode } from '../../model/types.ts';
import type { ChartPoint } from '../../worker/sweeps.ts';
import type { AppState } from '../../store/index.ts';

/** Pure mappings from sweep points and live samples to chart props. */

export const CATEGORY_ORDER = Object.keys(CATEGORIES) as Category[];

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function lineSeries(
  points: readonly ChartPoint[],
  y: (p: ChartPoint) => number,
  kind: ChartPoint['kind'] = 'rdma',
): LineSeries[] {
  const ofKind = points.filter((p) => p.kind === kind);
  const modes = [...new Set(ofKind.map((p) => p.mode))];
  // A mode is drawn in its own style on every chart, never by its position in the list.
  return modes.map((mode) => ({
    key: mode,
    label: MODE_DESCRIPTORS[mode].label,
    style: MODE_DESCRIPTORS[mode].style,
    points: ofKind.filter((p) => p.mode === mode).map((p) => ({ x: p.sizeBytes, y: y(p) })),
  }));
}

/** The dash of a pinned scenario A's curves: dotted, in its mode's colour and marker. */
export const PINNED_DASH = '1 5';

/**
 * B's curves (`lineSeries` of the sweep) with a pinned scenario A's after them, each of A's named
 * "A · …" and dotted; without A, exactly `lineSeries(points, y)`.
 */
export function withPinned(
  points: readonly ChartPoint[],
  pinned: readonly ChartPoint[] | null | undefined,
  y: (p: ChartPoint) => number,
): LineSeries[] {
  const b = lineSeries(points, y);
  if (!pinned) return b;
  return [
    ...b,
    ...lineSeries(pinned, y).map((s, i) => ({
      ...s,
      key: `A:${s.key}`,
      label: `A · ${s.label}`,
      style: { ...(s.style ?? seriesStyle(i)), dash: PINNED_DASH },
    })),
  ];
}

/** The CPU figure's rows: the driver domain (a stub domain's CPU counts as its) and the guest. */
const CPU_ROWS = ['dom0', 'vm'] as const;
type CpuRow = (typeof CPU_ROWS)[number];

const rowTitle = (row: CpuRow) => capitalised(DOMAINS[row]);
/** A mode has a guest row only if it runs VMs (Linux and Dom0 have none). */
const hasRow = (mode: Mode, row: CpuRow) => row === 'dom0' || MODE_DESCRIPTORS[mode].hasVms;
const totalNs = (cpu: Partial<Record<Category, number>>) =>
  Object.values(cpu).reduce((a: number, b) => a + (b ?? 0), 0);

/** The sweep's size nearest to `sizeBytes` on a log scale (the chosen size need not be a swept one). */
export function nearestSweepSize(points: readonly ChartPoint[], sizeBytes: number): number | undefined {
  const sizes = [...new Set(points.filter((p) => p.kind === 'rdma').map((p) => p.sizeBytes))];
  let best: number | undefined;
  for (const s of sizes)
    if (best === undefined || Math.abs(Math.log2(s / sizeBytes)) < Math.abs(Math.log2(best / sizeBytes)))
      best = s;
  return best;
}

/**
 * The poster's CPU-breakdown figure at one size: a bar per domain × mode, stacked by category (µs per
 * message), from the sweep's points at the swept size nearest the chosen one.
 */
export function cpuBarsAt(all: readonly ChartPoint[], sizeBytes: number): HBarData {
  const at = nearestSweepSize(all, sizeBytes);
  const points = all.filter((p) => p.kind === 'rdma' && p.sizeBytes === at);
  const where = at === undefined ? '' : ` at ${formatBytesLabel(at)}`;
  const nearest =
    at !== undefined && at !== sizeBytes ? ` (swept size nearest ${formatBytesLabel(sizeBytes)})` : '';
  return {
    title: `CPU per RDMA write${where}${nearest}, by subsystem`,
    xLabel: 'CPU time per message (µs)',
    categoryOrder: CATEGORY_ORDER,
    rows: CPU_ROWS.flatMap((row) =>
      points
        .filter((p) => hasRow(p.mode, row))
        .map((p) => ({
          key: `${row}:${p.mode}`,
          group: rowTitle(row),
          label: MODE_DESCRIPTORS[p.mode].label,
          swatch: MODE_DESCRIPTORS[p.mode].style,
          parts: CATEGORY_ORDER.filter((c) => (p.cpuNs[row][c] ?? 0) > 0).map((c) => ({
            key: c,
            label: CATEGORIES[c].label,
            value: p.cpuNs[row][c]! / 1000,
          })),
        })),
    ),
  };
}

/** Each domain's total CPU per message against size: a panel per domain, a line per mode in its style. */
export function cpuTotals(all: readonly ChartPoint[], sizeBytes: number, yLog: boolean): SmallMultiplesData {
  const points = all.filter((p) => p.kind === 'rdma');
  const modes = [...new Set(points.map((p) => p.mode))];
  return {
    title: `Total CPU per message against size${yLog ? ' (log scale)' : ''}`,
    xLabel: 'message size',
    yLabel: 'total (µs)',
    yLog,
    markerX: sizeBytes,
    panels: CPU_ROWS.map((row) => ({
      key: row,
      title: rowTitle(row),
      shortTitle: DOMAIN_LABELS[row],
      series: modes
        .filter((m) => hasRow(m, row))
        .map((mode) => ({
          key: mode,
          label: MODE_DESCRIPTORS[mode].label,
          style: MODE_DESCRIPTORS[mode].style,
          points: points
            .filter((p) => p.mode === mode)
            .map((p) => ({ x: p.sizeBytes, y: totalNs(p.cpuNs[row]) / 1000 })),
        })),
    })),
  };
}

const DOMAIN_LABELS: Record<DomainKind, string> = {
  vm: 'guest VMs',
  dom0: 'Dom0',
  stubdom: 'stub domain',
  linux: 'Linux',
};

/**
 * The running simulation: throughput (left axis, in the mode's own style) and CPU per domain in %
 * of one core (right axis, in styles other than the mode's).
 */
export function liveSeries(samples: AppState['liveSeries'], mode: Mode): TimeSeries[] {
  const tNs = samples.map((s) => s.tNs);
  const domains = [...new Set(samples.flatMap((s) => Object.keys(s.cpuCores) as DomainKind[]))];
  const modeStyle = MODE_DESCRIPTORS[mode].style;
  const others = Array.from({ length: domains.length + 1 }, (_, i) => seriesStyle(i)).filter(
    (s) => s.color.toLowerCase() !== modeStyle.color.toLowerCase(),
  );
  return [
    {
      key: 'throughput',
      label: 'throughput (MiB/s)',
      tNs,
      values: samples.map((s) => s.throughputMiBps),
      style: modeStyle,
    },
    ...domains.map((d, i) => ({
      key: `cpu-${d}`,
      label: `${DOMAIN_LABELS[d]} CPU (% of a core)`,
      tNs,
      values: samples.map((s) => 100 * (s.cpuCores[d] ?? 0)),
      axis: 'right' as const,
      style: others[i],
    })),
  ];
}
