import { CATEGORIES, HW_STAGES, type Station } from '../../../model/categories.ts';
import { ownerKind, parseComponent, spanStop, splitStop, stationOfCategory } from '../../../model/routes.ts';
import type { SpanRecord } from '../tokens/tokens.ts';

/** One stage of a message's journey, for the waterfall. Times in µs from the journey's first span. */
export interface JourneyRow {
  /** The stage as the model names it, e.g. `EVTCHNOP_send`. */
  label: string;
  /** Who did it, for people: `guest VM`, `Dom0`, `Xen`, `hardware`, `waiting`… */
  domain: string;
  /** The owner as recorded: a domain kind, `hw` or `wait`. */
  owner: string;
  category: string;
  categoryLabel: string;
  station: Station | null;
  host: number | null;
  component: string;
  startUs: number;
  durationUs: number;
}

export interface JourneySummary {
  rows: JourneyRow[];
  /** First start to last end, µs: the latency the message saw. */
  totalUs: number;
  /** Sum of the stages' durations, µs (more than the total when stages overlap, less when there are gaps). */
  sumUs: number;
}

const DOMAIN_NAMES: Record<string, string> = {
  vm: 'guest VM',
  dom0: 'Dom0',
  stubdom: 'stub domain',
  linux: 'Linux',
  hw: 'hardware',
  wait: 'waiting',
};

/** Who a span is charged to, in words (the hypervisor's work is charged to the domain that trapped). */
function domainName(span: SpanRecord): string {
  const kind = ownerKind(span.owner);
  const base = kind ? DOMAIN_NAMES[kind] : span.owner;
  const at = spanStop(span);
  const xen = at !== null && splitStop(at.stop).place === 'xen';
  return xen && kind !== 'hw' && kind !== 'wait' ? `Xen (${base})` : base;
}

/** The model's label of a category, or the category itself. */
function categoryLabel(category: string): string {
  if (Object.hasOwn(CATEGORIES, category)) return CATEGORIES[category as keyof typeof CATEGORIES].label;
  if (Object.hasOwn(HW_STAGES, category)) return HW_STAGES[category as keyof typeof HW_STAGES].label;
  return category;
}

/** The stages of one message, in the order they started, with offsets from the first. */
export function journeyRows(spans: readonly SpanRecord[]): JourneyRow[] {
  if (spans.length === 0) return [];
  const sorted = spans.slice().sort((a, b) => a.startNs - b.startNs || a.endNs - b.endNs);
  const t0 = sorted[0].startNs;
  return sorted.map((s) => ({
    label: s.label,
    domain: domainName(s),
    owner: s.owner,
    category: s.category,
    categoryLabel: categoryLabel(s.category),
    station: stationOfCategory(s.category),
    host: parseComponent(s.component).host,
    component: s.component,
    startUs: (s.startNs - t0) / 1_000,
    durationUs: (s.endNs - s.startNs) / 1_000,
  }));
}

/** The rows with the journey's total latency and the sum of its stages, both in µs. */
export function journeySummary(spans: readonly SpanRecord[]): JourneySummary {
  const rows = journeyRows(spans);
  if (rows.length === 0) return { rows, totalUs: 0, sumUs: 0 };
  const t0 = Math.min(...spans.map((s) => s.startNs));
  const t1 = Math.max(...spans.map((s) => s.endNs));
  return { rows, totalUs: (t1 - t0) / 1_000, sumUs: rows.reduce((acc, r) => acc + r.durationUs, 0) };
}
