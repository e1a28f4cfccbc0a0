import { DOMAINS } from '../../../model/categories.ts';
import { parseComponent, spanStop, splitStop, stationOfCategory, type Place } from '../../../model/routes.ts';
import type { SpanRecord } from '../tokens/tokens.ts';

/**
 * Where one message's time went, from its spans alone: which stages lie on the critical path (the
 * chain that ends at the arrival), which ran alongside it or after it, and the critical path's time
 * by kind of cost and by domain. Pure: the waterfall and the tests read the same numbers.
 */

/** What a span's time is spent on. CPU work is split in two: waking and signalling, and the rest. */
export type CostKind = 'wait' | 'signal' | 'cpu' | 'coalesce' | 'nic' | 'wire' | 'gap';

/** The families the journey's sentence names: being woken, doing the work, moving the bytes. */
export type CostFamily = 'notify' | 'work' | 'move' | 'gap';

export const COST_KINDS: Readonly<Record<CostKind, { label: string; short: string; family: CostFamily }>> = {
  wait: { label: 'waiting for a wake-up (scheduling latency)', short: 'waiting', family: 'notify' },
  signal: { label: 'CPU: wake-ups, event channels and IPIs', short: 'wake-ups & IPIs', family: 'notify' },
  coalesce: { label: 'interrupt coalescing', short: 'coalescing', family: 'notify' },
  cpu: { label: 'CPU: stack, copies, grants, drivers', short: 'other CPU work', family: 'work' },
  nic: { label: 'NIC and DMA', short: 'NIC & DMA', family: 'move' },
  wire: { label: 'wire and switch', short: 'wire', family: 'move' },
  gap: { label: 'queued between stages', short: 'queued', family: 'gap' },
};
export const COST_KIND_ORDER: readonly CostKind[] = [
  'wait',
  'signal',
  'coalesce',
  'cpu',
  'nic',
  'wire',
  'gap',
];

export const COST_FAMILIES: Readonly<Record<CostFamily, { label: string; short: string }>> = {
  notify: { label: 'wake-ups, IPIs and interrupt coalescing', short: 'notification' },
  work: { label: 'CPU work on the message', short: 'work' },
  move: { label: 'NIC, DMA and wire', short: 'hardware' },
  gap: { label: 'queueing', short: 'queued' },
};
const FAMILY_ORDER: readonly CostFamily[] = ['notify', 'work', 'move', 'gap'];

/** Who a span's time is charged to: the place of its stop (Xen's mechanisms are Xen's), or a gap. */
export type CostDomain = Place | 'gap';

export const COST_DOMAINS: Readonly<Record<CostDomain, { label: string; short: string }>> = {
  vm: { label: DOMAINS.vm, short: 'guest VM' },
  linux: { label: DOMAINS.linux, short: 'Linux' },
  xen: { label: 'Xen hypervisor (its scheduler, event channels, grants)', short: 'Xen' },
  dom0: { label: DOMAINS.dom0, short: 'Dom0' },
  stubdom: { label: DOMAINS.stubdom, short: 'stub domain' },
  nic: { label: 'NIC', short: 'NIC' },
  net: { label: 'wire and switch', short: 'wire' },
  gap: { label: 'queued between stages', short: 'queued' },
};
export const COST_DOMAIN_ORDER: readonly CostDomain[] = [
  'vm',
  'linux',
  'xen',
  'dom0',
  'stubdom',
  'nic',
  'net',
  'gap',
];

/** The kind of cost of one span: a scheduling wait, hardware, Xen's signalling, or other CPU work. */
export function costKindOf(span: Pick<SpanRecord, 'owner' | 'category'>): CostKind {
  if (span.owner === 'wait' || span.category === 'latency') return 'wait';
  if (span.category === 'coalesce') return 'coalesce';
  if (span.category === 'wire') return 'wire';
  if (span.owner === 'hw') return 'nic';
  if (span.category === 'wakeup' || stationOfCategory(span.category) === 'evtchn') return 'signal';
  return 'cpu';
}

/** The place a span is charged at (see spanStop); the owner's domain when the model has no stop for it. */
export function costDomainOf(span: Pick<SpanRecord, 'component' | 'owner' | 'category'>): CostDomain {
  const at = spanStop(span);
  if (at !== null) return splitStop(at.stop).place;
  return span.owner === 'hw' ? 'nic' : (parseComponent(span.component).domain ?? 'nic');
}

/** Which end of the message a host is: the one that issued it, the other, or neither (the wire). */
export type Side = 'issuer' | 'target' | 'between';

export interface StageRow {
  readonly span: SpanRecord;
  readonly kind: CostKind;
  readonly domain: CostDomain;
  readonly side: Side;
  readonly host: number | null;
  /** On the chain of stages that ends at the arrival. */
  readonly critical: boolean;
  /** Started at or after the arrival (work the message's latency does not include). */
  readonly afterArrival: boolean;
  /** From the journey's first span, µs. */
  readonly startUs: number;
  readonly durationUs: number;
}

/** Consecutive stages of one domain on one host (the critical path's, or the others'), shown as one row. */
export interface StageGroup {
  readonly critical: boolean;
  readonly side: Side;
  readonly host: number | null;
  /** The domain (or NIC, or wire) whose resource did the work, e.g. `guest VM`, `Dom0`, `NIC`. */
  readonly lane: string;
  readonly rows: readonly StageRow[];
  readonly startUs: number;
  readonly endUs: number;
  /** Sum of its stages' durations, µs. */
  readonly busyUs: number;
}

export interface CostTotal<K extends string> {
  readonly key: K;
  readonly label: string;
  /** A word or two for a legend. */
  readonly short: string;
  readonly us: number;
}

export interface JourneyAnalysis {
  readonly rows: readonly StageRow[];
  readonly groups: readonly StageGroup[];
  readonly arrived: boolean;
  /** First span's start to the arrival (in flight: to the latest end so far), µs. */
  readonly endToEndUs: number;
  /** Sum of the critical stages' durations, µs (end to end = this + gapUs). */
  readonly criticalUs: number;
  /** Time on the critical path not covered by any of its stages, µs. */
  readonly gapUs: number;
  /** Union of all stages' intervals up to the arrival, µs (≤ end to end). */
  readonly busyUnionUs: number;
  /** Sum of every stage's duration, µs: the critical path's work and everything else. */
  readonly sumUs: number;
  /** Off the critical path, started before the arrival (in parallel with it), µs of duration. */
  readonly parallelUs: number;
  /** Started at or after the arrival (acknowledgements, completions), µs of duration. */
  readonly afterUs: number;
  /** The critical path's time by kind, in COST_KIND_ORDER, zeros left out; sums to endToEndUs. */
  readonly byKind: readonly CostTotal<CostKind>[];
  /** The critical path's time by domain, in COST_DOMAIN_ORDER, zeros left out; sums to endToEndUs. */
  readonly byDomain: readonly CostTotal<CostDomain>[];
  /** The same by family, largest first. */
  readonly byFamily: readonly CostTotal<CostFamily>[];
}

export interface JourneyInput {
  readonly spans: readonly SpanRecord[];
  /** When the message arrived, ns; null while in flight. */
  readonly arrivedNs: number | null;
  /** The host that issued the message (default: the host of its first stage, see issuerHostOf). */
  readonly issuerHost?: number | null;
}

const byStart = (a: SpanRecord, b: SpanRecord) => a.startNs - b.startNs || a.endNs - b.endNs;

/**
 * The chain of stages that ends at `horizonNs`, walked backwards: the stage that ends last by then,
 * then the one that ended last before it started (on the same resource when several tie), and so
 * on. Returns the indices of its stages in `sorted`.
 */
export function criticalChain(sorted: readonly SpanRecord[], horizonNs: number): Set<number> {
  const chain = new Set<number>();
  const pick = (limitNs: number, after: SpanRecord | null): number => {
    let best = -1;
    for (let i = 0; i < sorted.length; i++) {
      const s = sorted[i];
      if (chain.has(i) || s.endNs > limitNs) continue;
      if (after !== null && s.startNs >= after.startNs && s.endNs >= after.endNs) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const b = sorted[best];
      if (s.endNs !== b.endNs) {
        if (s.endNs > b.endNs) best = i;
        continue;
      }
      const sSame = after !== null && s.component === after.component;
      const bSame = after !== null && b.component === after.component;
      if (sSame !== bSame ? sSame : s.startNs > b.startNs) best = i;
    }
    return best;
  };
  let cur = pick(horizonNs, null);
  while (cur >= 0) {
    chain.add(cur);
    cur = pick(sorted[cur].startNs, sorted[cur]);
  }
  return chain;
}

/** Length of the union of intervals clipped to [fromNs, toNs], ns. */
export function unionNs(spans: readonly SpanRecord[], fromNs: number, toNs: number): number {
  const iv = spans
    .map((s) => [Math.max(fromNs, s.startNs), Math.min(toNs, s.endNs)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curA = -Infinity;
  let curB = -Infinity;
  for (const [a, b] of iv) {
    if (a > curB) {
      if (curB > curA) total += curB - curA;
      curA = a;
      curB = b;
    } else if (b > curB) curB = b;
  }
  if (curB > curA) total += curB - curA;
  return total;
}

function sideOf(host: number | null, issuerHost: number | null, component: string): Side {
  if (host === null || issuerHost === null || /(^|\/)wire$/.test(component)) return 'between';
  return host === issuerHost ? 'issuer' : 'target';
}

const LANE_NAMES: Record<string, string> = {
  vm: 'guest VM',
  dom0: 'Dom0',
  stubdom: 'stub domain',
  linux: 'Linux',
};

/** The resource a span ran on, as a row's name: the domain of its vCPU, the NIC, or the wire. */
function laneOf(span: SpanRecord): string {
  if (/(^|\/)wire$/.test(span.component)) return 'wire';
  const ref = parseComponent(span.component);
  return ref.domain !== null ? LANE_NAMES[ref.domain] : 'NIC';
}

function groupRows(rows: readonly StageRow[]): StageGroup[] {
  const groups: StageGroup[] = [];
  let current: StageRow[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const first = current[0];
    groups.push({
      critical: first.critical,
      side: first.side,
      host: first.host,
      lane: laneOf(first.span),
      rows: current,
      startUs: Math.min(...current.map((r) => r.startUs)),
      endUs: Math.max(...current.map((r) => r.startUs + r.durationUs)),
      busyUs: current.reduce((a, r) => a + r.durationUs, 0),
    });
    current = [];
  };
  for (const r of rows) {
    const prev = current[current.length - 1];
    if (prev && (prev.host !== r.host || laneOf(prev.span) !== laneOf(r.span))) flush();
    current.push(r);
  }
  flush();
  return groups;
}

function totals<K extends string>(
  order: readonly K[],
  names: Readonly<Record<K, { label: string; short: string }>>,
  amounts: Map<K, number>,
): CostTotal<K>[] {
  return order
    .filter((k) => (amounts.get(k) ?? 0) > 0)
    .map((k) => ({ key: k, label: names[k].label, short: names[k].short, us: amounts.get(k)! / 1_000 }));
}

const add = <K>(m: Map<K, number>, k: K, ns: number) => m.set(k, (m.get(k) ?? 0) + ns);

/** Where one message's time went: see JourneyAnalysis. */
export function analyseJourney({
  spans,
  arrivedNs,
  issuerHost = issuerHostOf(spans),
}: JourneyInput): JourneyAnalysis {
  const sorted = spans.slice().sort(byStart);
  if (sorted.length === 0) {
    return {
      rows: [],
      groups: [],
      arrived: arrivedNs !== null,
      endToEndUs: 0,
      criticalUs: 0,
      gapUs: 0,
      busyUnionUs: 0,
      sumUs: 0,
      parallelUs: 0,
      afterUs: 0,
      byKind: [],
      byDomain: [],
      byFamily: [],
    };
  }
  const t0 = sorted[0].startNs;
  const horizon = arrivedNs ?? Math.max(...sorted.map((s) => s.endNs));
  const chain = criticalChain(sorted, horizon);
  const rows: StageRow[] = sorted.map((s, i) => {
    const host = parseComponent(s.component).host;
    return {
      span: s,
      kind: costKindOf(s),
      domain: costDomainOf(s),
      side: sideOf(host, issuerHost, s.component),
      host,
      critical: chain.has(i),
      afterArrival: arrivedNs !== null && s.startNs >= arrivedNs,
      startUs: (s.startNs - t0) / 1_000,
      durationUs: (s.endNs - s.startNs) / 1_000,
    };
  });
  const onPath = rows.filter((r) => r.critical);
  const kindNs = new Map<CostKind, number>();
  const domainNs = new Map<CostDomain, number>();
  let criticalNs = 0;
  for (const r of onPath) {
    const ns = r.span.endNs - r.span.startNs;
    criticalNs += ns;
    add(kindNs, r.kind, ns);
    add(domainNs, r.domain, ns);
  }
  const gapNs = horizon - t0 - criticalNs;
  if (gapNs > 0) {
    add(kindNs, 'gap', gapNs);
    add(domainNs, 'gap', gapNs);
  }
  const familyNs = new Map<CostFamily, number>();
  for (const [k, ns] of kindNs) add(familyNs, COST_KINDS[k].family, ns);
  const offDuration = (after: boolean) =>
    rows.filter((r) => !r.critical && r.afterArrival === after).reduce((a, r) => a + r.durationUs, 0);
  return {
    rows,
    groups: [...groupRows(onPath), ...groupRows(rows.filter((r) => !r.critical))],
    arrived: arrivedNs !== null,
    endToEndUs: (horizon - t0) / 1_000,
    criticalUs: criticalNs / 1_000,
    gapUs: Math.max(0, gapNs) / 1_000,
    busyUnionUs: unionNs(sorted, t0, horizon) / 1_000,
    sumUs: rows.reduce((a, r) => a + r.durationUs, 0),
    parallelUs: offDuration(false),
    afterUs: offDuration(true),
    byKind: totals(COST_KIND_ORDER, COST_KINDS, kindNs),
    byDomain: totals(COST_DOMAIN_ORDER, COST_DOMAINS, domainNs),
    byFamily: totals(FAMILY_ORDER, COST_FAMILIES, familyNs).sort((a, b) => b.us - a.us),
  };
}

/**
 * The host that issued a message: the one its first stage ran on, which is always the issuing
 * application's call (the pair's source for its first message; in ping-pong the ends take turns).
 */
export function issuerHostOf(spans: readonly SpanRecord[]): number | null {
  if (spans.length === 0) return null;
  const first = spans.reduce((a, s) => (byStart(s, a) < 0 ? s : a));
  return parseComponent(first.component).host;
}

/** From a journey's first start to its last end, µs (its waterfall's natural time axis). */
export function spanExtentUs(spans: readonly SpanRecord[]): number {
  if (spans.length === 0) return 0;
  let a = Infinity;
  let b = -Infinity;
  for (const s of spans) {
    a = Math.min(a, s.startNs);
    b = Math.max(b, s.endNs);
  }
  return (b - a) / 1_000;
}
