/**
 * The A/B comparison's two tables, as plain data: what changed between the pinned scenario A and the
 * current one B (their settings, the model constants included), and what it did (latency,
 * throughput, CPU per message by domain and category, read from both live runs at one clock).
 */
import { formatBytes, trim } from '../../lib/format.ts';
import { CATEGORIES, DOMAINS, type Category, type DomainKind } from '../../model/categories.ts';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import { PARAMS } from '../../model/params.ts';
import type { AbSide, CpuByDomainNs } from '../../store/ab.ts';
import type { Settings } from '../../store/index.ts';
import { paramValue } from '../../store/settings.ts';
import { OP_LABELS, WORKLOAD_LABELS } from '../controls/labels.ts';

/** One setting that differs: its name and both values as people read them. */
export interface ChangedSetting {
  readonly what: string;
  readonly a: string;
  readonly b: string;
}

/** The settings of a run (not the speed: A and B share one clock) that differ, in the panel's order. */
export function settingsDiff(a: Settings, b: Settings): ChangedSetting[] {
  const rows: [string, (s: Settings) => string][] = [
    ['I/O path', (s) => MODE_DESCRIPTORS[s.mode].label],
    ['operation', (s) => `RDMA ${OP_LABELS[s.op]}`],
    ['workload', (s) => WORKLOAD_LABELS[s.workload]],
    ['message size', (s) => formatBytes(s.sizeBytes)],
    ['VMs per host', (s) => String(s.vms)],
    ['window', (s) => String(s.window)],
    ['seed', (s) => String(s.seed)],
  ];
  const out: ChangedSetting[] = [];
  for (const [what, show] of rows) if (show(a) !== show(b)) out.push({ what, a: show(a), b: show(b) });
  for (const p of PARAMS) {
    const va = paramValue(a.params, p.name as never);
    const vb = paramValue(b.params, p.name as never);
    if (va !== vb) out.push({ what: `${p.name} (${p.unit})`, a: trim(va), b: trim(vb) });
  }
  return out;
}

/** One measured quantity for A and B, and B's change relative to A. */
export interface MetricRow {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  /** Null where the side measures no such thing (pktgen's latency, a domain a path has not). */
  readonly a: number | null;
  readonly b: number | null;
  /** (b − a) / a, or null when either is missing or a is 0. */
  readonly change: number | null;
  /** Lower is better (latency, CPU): the panel colours the change by it. */
  readonly lowerIsBetter: boolean;
}

const row = (
  key: string,
  label: string,
  unit: string,
  a: number | null,
  b: number | null,
  lowerIsBetter: boolean,
): MetricRow => ({
  key,
  label,
  unit,
  a,
  b,
  change: a !== null && b !== null && a !== 0 ? (b - a) / a : null,
  lowerIsBetter,
});

/** CPU per delivered message, µs, of one (domain, category), or null with no delivery or no such charge. */
function cpuPerMessageUs(side: AbSide, domain: DomainKind, category: Category | null): number | null {
  const byCategory = side.cpuNs[domain];
  if (!byCategory || side.readout.delivered === 0) return null;
  const ns =
    category === null
      ? Object.values(byCategory).reduce((sum: number, v) => sum + (v ?? 0), 0)
      : (byCategory[category] ?? null);
  return ns === null ? null : ns / 1000 / side.readout.delivered;
}

/** Domains and categories either side charged, in the CPU chart's order. */
function charged(cpu: readonly CpuByDomainNs[]): [DomainKind, Category[]][] {
  const domains = (Object.keys(DOMAINS) as DomainKind[]).filter((d) => cpu.some((c) => c[d]));
  return domains.map((d) => [
    d,
    (Object.keys(CATEGORIES) as Category[]).filter((k) => cpu.some((c) => (c[d]?.[k] ?? 0) > 0)),
  ]);
}

/**
 * What A and B measured: the latency's warm mean, the throughput, then CPU per message for each
 * domain (its total, then each category either side charged).
 */
export function metricRows(a: AbSide, b: AbSide): MetricRow[] {
  const rows: MetricRow[] = [
    row(
      'latency',
      'latency (warm mean)',
      'µs',
      a.readout.latency?.meanUs ?? null,
      b.readout.latency?.meanUs ?? null,
      true,
    ),
    row('throughput', 'throughput', 'MiB/s', a.readout.throughput.miBps, b.readout.throughput.miBps, false),
    row('delivered', a.readout.deliveredLabel, '', a.readout.delivered, b.readout.delivered, false),
  ];
  for (const [domain, categories] of charged([a.cpuNs, b.cpuNs])) {
    const name = DOMAINS[domain];
    rows.push(
      row(
        `cpu-${domain}`,
        `${name} CPU per message`,
        'µs',
        cpuPerMessageUs(a, domain, null),
        cpuPerMessageUs(b, domain, null),
        true,
      ),
    );
    for (const c of categories)
      rows.push(
        row(
          `cpu-${domain}-${c}`,
          `  ${CATEGORIES[c].label}`,
          'µs',
          cpuPerMessageUs(a, domain, c),
          cpuPerMessageUs(b, domain, c),
          true,
        ),
      );
  }
  return rows;
}

/** "+12.3 %", "−4.0 %", "±0 %", or "—". */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return '—';
  const pct = change * 100;
  if (Math.abs(pct) < 0.05) return '±0 %';
  return `${pct > 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)} %`;
}
