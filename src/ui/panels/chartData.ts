import { seriesStyle, type CpuPanel, type LineSeries, type TimeSeries } from '../../charts/index.ts';
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

/** The poster's CPU-breakdown figure: rows Dom0 and the VM, a column per mode, stacked by category (µs). */
export function cpuPanels(all: readonly ChartPoint[]): CpuPanel[] {
  const points = all.filter((p) => p.kind === 'rdma');
  const modes = [...new Set(points.map((p) => p.mode))];
  const rows = (['dom0', 'vm'] as const).map((key) => ({ key, label: capitalised(DOMAINS[key]) }));
  return rows.flatMap((row) =>
    modes.map((mode) => {
      const ps = points.filter((p) => p.mode === mode);
      const sizes = ps.map((p) => p.sizeBytes);
      const used = CATEGORY_ORDER.filter((c) => ps.some((p) => (p.cpuNs[row.key][c] ?? 0) > 0));
      return {
        row: row.label,
        column: MODE_DESCRIPTORS[mode].label,
        sizes,
        stacks: used.map((c) => ({
          key: c,
          label: CATEGORIES[c].label,
          values: ps.map((p) => (p.cpuNs[row.key][c] ?? 0) / 1000),
        })),
      };
    }),
  );
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
