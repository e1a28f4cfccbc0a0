import type { Category, DomainKind } from './categories.ts';
import type { ModelRun } from './run.ts';
import { allVcpus } from './topology.ts';
import type { RunResult } from './types.ts';
import { changedParams } from './validate.ts';

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Turns what a run recorded into its result: latency, throughput, CPU per message, utilization, counters. */
export function collectResult(run: ModelRun): RunResult {
  const { sim, recorder: rec, scenario, topology, ctx } = run;
  const now = sim.now;
  const perMessage = Math.max(1, rec.messagesDelivered);
  const cpu: Partial<Record<DomainKind, Partial<Record<Category, number>>>> = {};
  const utilization: Record<string, number> = {};
  for (const v of allVcpus(topology)) {
    for (const { owner, category, busyNs } of v.cpu.accounting()) {
      const domain = (cpu[owner as DomainKind] ??= {});
      const c = category as Category;
      domain[c] = (domain[c] ?? 0) + busyNs;
    }
    // A polling vCPU spins on its core all the time: it is a whole core spent.
    utilization[v.name] = v.polling ? 1 : round(v.cpu.utilization(now));
  }
  for (const domain of Object.values(cpu)) {
    for (const c of Object.keys(domain) as Category[]) domain[c] = round(domain[c]! / perMessage, 1);
  }
  for (const h of topology.hosts) {
    utilization[h.uplink.name] = round(h.uplink.utilization(now));
    utilization[`h${h.index}/dma-tx`] = round(now > 0 ? h.nic.txDmaBusyNs / now : 0);
    utilization[`h${h.index}/dma-rx`] = round(now > 0 ? h.nic.rxDmaBusyNs / now : 0);
    utilization[h.nic.txRing.name] = round(h.nic.txRing.occupancyOverTime.average(now) / h.nic.txRing.slots);
  }
  const rings = run.path.rings();
  for (const r of rings) utilization[r.name] = round(r.averageOccupancy(now) / r.slots);
  const ringsNonEmpty =
    rings.filter((r) => r.occupancy > 0).length +
    topology.hosts.filter((h) => h.nic.txRing.occupancy > 0).length;
  const elapsed = rec.lastDeliveryNs - (Number.isFinite(rec.firstIssueNs) ? rec.firstIssueNs : 0);
  const counters = {
    ...ctx.counters.toRecord(),
    messagesIssued: rec.messagesIssued,
    messagesDelivered: rec.messagesDelivered,
    messagesCompleted: rec.messagesCompleted,
    bytesSent: rec.bytesIssued,
    bytesReceived: rec.bytesDelivered,
    ringsNonEmptyAtEnd: ringsNonEmpty,
    partialMessagesAtEnd: run.path.pendingBytes(),
  };
  const lat = rec.latencyNs;
  const sketch = rec.latencySketch;
  const us = (ns: number) => (Number.isFinite(ns) ? round(ns / 1000) : 0);
  return {
    mode: scenario.mode,
    workload: scenario.workload,
    op: scenario.op,
    sizeBytes: scenario.sizeBytes,
    pairs: topology.pairs.length,
    window: scenario.window,
    messages: scenario.messages,
    seed: scenario.seed,
    latencyUs: {
      mean: us(lat.mean),
      p50: us(sketch.quantile(0.5)),
      p99: us(sketch.quantile(0.99)),
      min: us(lat.min),
      max: us(lat.max),
    },
    throughputMiBps: round(elapsed > 0 ? rec.bytesDelivered / (1024 * 1024) / (elapsed / 1e9) : 0, 2),
    cpuNsPerMessage: cpu,
    utilization,
    counters,
    simulatedNs: now,
    events: sim.eventsProcessed,
    changedParams: changedParams(run.params),
  };
}
