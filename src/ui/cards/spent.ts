/**
 * What the live run has spent at a box so far: sums of the rows the live run's accounting gives
 * (one per vCPU, domain and category) at the page's cursor (the head while playing, an earlier event
 * after a step back), grouped for a card. Pure; the card reads the rows through the frame loop.
 */
import {
  CATEGORIES,
  DOMAINS,
  HW_STAGES,
  type Category,
  type DomainKind,
  type HwStage,
  type Station,
} from '../../model/categories.ts';

/** One row of the live run's CPU accounting (the shape of `LiveRun.cpuSpent()`). */
export interface SpentRow {
  readonly vcpu: string;
  readonly domain: DomainKind;
  readonly category: Category;
  readonly busyNs: number;
}

export interface CategorySpent {
  readonly category: Category;
  readonly label: string;
  readonly ns: number;
}

export interface DomainSpent {
  readonly domain: DomainKind;
  readonly label: string;
  readonly totalNs: number;
  /** The station's categories with time charged in this domain, largest first. */
  readonly byCategory: readonly CategorySpent[];
}

const ALL_CATEGORIES = Object.keys(CATEGORIES) as Category[];
const ALL_HW_STAGES = Object.keys(HW_STAGES) as HwStage[];

/** The CPU categories whose work happens at a station (from the model's vocabulary). */
export function stationCategories(station: Station): Category[] {
  return ALL_CATEGORIES.filter((c) => CATEGORIES[c].station === station);
}

/** Hardware stages and waits drawn at a station: time spent there that is not CPU time. */
export function stationHwStages(station: Station): HwStage[] {
  return ALL_HW_STAGES.filter((s) => HW_STAGES[s].station === station);
}

/**
 * CPU time charged to the station's categories, per domain (all hosts added together, as the
 * charts do), for each domain in `domains` even when nothing has been charged yet.
 */
export function spentAtStation(
  rows: readonly SpentRow[],
  station: Station,
  domains: readonly DomainKind[],
): DomainSpent[] {
  const categories = new Set(stationCategories(station));
  return domains.map((domain) => {
    const byCategory = new Map<Category, number>();
    for (const r of rows)
      if (r.domain === domain && categories.has(r.category))
        byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.busyNs);
    return {
      domain,
      label: DOMAINS[domain],
      totalNs: [...byCategory.values()].reduce((a, ns) => a + ns, 0),
      byCategory: sortedCategories(byCategory),
    };
  });
}

/** CPU time one vCPU has been charged, per category, largest first. */
export function spentOnVcpu(rows: readonly SpentRow[], vcpu: string): CategorySpent[] {
  const byCategory = new Map<Category, number>();
  for (const r of rows)
    if (r.vcpu === vcpu) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.busyNs);
  return sortedCategories(byCategory);
}

function sortedCategories(byCategory: Map<Category, number>): CategorySpent[] {
  return [...byCategory]
    .filter(([, ns]) => ns > 0)
    .map(([category, ns]) => ({ category, label: CATEGORIES[category].label, ns }))
    .sort((a, b) => b.ns - a.ns);
}
