import type { TraceRecord } from '../../engine/trace.ts';
import { createRun } from '../run.ts';
import { MODE_DESCRIPTORS } from '../modes.ts';
import { MODES, OPS, WORKLOADS, type Mode, type Op, type Workload } from '../types.ts';
import { scenario } from './helpers.ts';

/** One traced run of the route checks: a mode, a workload, an op, a number of pairs and some constants. */
export interface RouteCase {
  mode: Mode;
  workload: Workload;
  op: Op;
  pairs: number;
  params: Record<string, number>;
  label: string;
}

// Constants that take a path a different way: no IOTLB cache (map and unmap per message), one Dom0
// vCPU (netback and the IRQ share it), no progress thread and two send() calls, SR-IOV completions by
// interrupt instead of polling, segmentation offload across the vif, vCPUs sharing one core.
const VARIANTS: Record<string, number>[] = [
  {},
  { iotlbCache: 0 },
  { dom0Vcpus: 1 },
  { tcpProgressThread: 0, tcpSendCalls: 2 },
  { srIovIrq: 1 },
  { vifGso: 1, hostCores: 1 },
];

/** Every mode × workload (pktgen where the mode has it) × op (pktgen writes only) × pairs 1 and 3 × the variants. */
export function routeCases(): RouteCase[] {
  const out: RouteCase[] = [];
  for (const mode of MODES)
    for (const workload of WORKLOADS)
      for (const op of OPS) {
        if (workload === 'pktgen' && (!MODE_DESCRIPTORS[mode].pktgen || op === 'read')) continue;
        const pairsList = MODE_DESCRIPTORS[mode].hasVms ? [1, 3] : [1];
        for (const pairs of pairsList)
          // The variants change how a path runs, not how many pairs share it: one pair is enough.
          for (const params of pairs === 1 ? VARIANTS : [{}]) {
            const p = Object.entries(params)
              .map(([k, v]) => `${k}=${v}`)
              .join(',');
            out.push({
              mode,
              workload,
              op,
              pairs,
              params,
              label: `${mode} ${workload} ${op} ×${pairs} ${p}`,
            });
          }
      }
  return out;
}

/** The spans of a short run of a case (several messages and frames, so batching and completions happen). */
export function traceOf(c: RouteCase): TraceRecord[] {
  const run = createRun(
    scenario({
      mode: c.mode,
      workload: c.workload,
      op: c.op,
      pairs: c.pairs,
      params: c.params,
      sizeBytes: c.workload === 'pktgen' ? 1514 : c.workload === 'stream' ? 12_000 : 64,
      window: 3,
      messages: c.workload === 'pktgen' ? 40 : 5,
      traceCapacity: 100_000,
    }),
  );
  run.sim.run();
  return run.sim.trace.records();
}
