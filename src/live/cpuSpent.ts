import type { Category, DomainKind } from '../model/categories.ts';
import type { ModelRun } from '../model/run.ts';
import { allVcpus } from '../model/topology.ts';
import type { CpuCharges } from './cpuCharges.ts';

/** CPU time one vCPU has been charged for one category so far (completed work only). */
export interface CpuSpent {
  /** The vCPU's component name, e.g. `h0/dom0/vcpu1`. */
  readonly vcpu: string;
  readonly domain: DomainKind;
  readonly category: Category;
  readonly busyNs: number;
}

/**
 * Read-only: what every vCPU of the run has been charged, per (domain, category), from the
 * processors' own accounting, so a view of "where the CPU went" is a sum of what happened.
 */
export function cpuSpent(run: ModelRun): CpuSpent[] {
  return allVcpus(run.topology).flatMap((v) =>
    v.cpu.accounting().map((a) => ({
      vcpu: v.name,
      domain: a.owner as DomainKind,
      category: a.category as Category,
      busyNs: a.busyNs,
    })),
  );
}

const rowKey = (vcpu: string, owner: string, category: string) => `${vcpu}\n${owner}\n${category}`;

/**
 * What the run had been charged after its first `events` events (the cursor behind the head): the
 * accounting at the head less every charge made since, without the rows first charged later. The
 * rows keep the accounting's order, so this is exactly what a run stopped after `events` reports.
 */
export function cpuSpentAfter(run: ModelRun, charges: CpuCharges, events: number): CpuSpent[] {
  const head = cpuSpent(run);
  if (events >= run.sim.eventsProcessed) return head;
  const later = charges.laterNs(events);
  const byKey = new Map<string, number>();
  charges.rows.forEach((r, i) => byKey.set(rowKey(r.vcpu, r.owner, r.category), i));
  const out: CpuSpent[] = [];
  for (const h of head) {
    const i = byKey.get(rowKey(h.vcpu, h.domain, h.category));
    // Every charge goes through the log: a row it does not know was never charged after the cursor.
    if (i === undefined) out.push(h);
    else if (charges.rows[i].firstEvents <= events) out.push({ ...h, busyNs: h.busyNs - later[i] });
  }
  return out;
}
