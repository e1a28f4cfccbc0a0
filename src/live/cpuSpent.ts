import type { Category, DomainKind } from '../model/categories.ts';
import type { ModelRun } from '../model/run.ts';
import { allVcpus } from '../model/topology.ts';

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
