import { mibPerSec } from '../lib/units.ts';
import type { Category, DomainKind } from './categories.ts';
import type { ModelRun } from './run.ts';
import { allVcpus } from './topology.ts';
import type { RunResult } from './types.ts';
import { changedParams } from './validate.ts';

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/**
 * Turns what a run recorded into its result. Latency, throughput, CPU per message and the busy
 * fraction of CPUs, links and DMA engines are measured over the steady-state window (see Recorder);
 * counters and ring occupancy cover the whole run (they serve the conservation checks).
 */
export function collectResult(run: ModelRun): RunResult {
  const { sim, recorder: rec, scenario, topology, ctx, window } = run;
  const now = sim.now;
  const measuredNs = rec.measuredNs;
  const perMessage = Math.max(1, rec.measuredDeliveries);
  const cpu: Partial<Record<DomainKind, Partial<Record<Category, number>>>> = {};
  for (const [owner, byCategory] of window.cpuByOwner()) {
    const domain = (cpu[owner as DomainKind] ??= {});
    for (const [category, ns] of byCategory) {
      const c = category as Category;
      domain[c] = (domain[c] ?? 0) + ns;
    }
  }
  for (const domain of Object.values(cpu)) {
    for (const c of Object.keys(domain) as Category[]) domain[c] = round(domain[c]! / perMessage, 1);
  }
  const utilization: Record<string, number> = {};
  const busy = window.utilization();
  for (const v of allVcpus(topology)) {
    // A polling vCPU spins on its core all the time: it is a whole core spent.
    utilization[v.name] = v.polling ? 1 : round(busy.get(v.name) ?? 0);
  }
  for (const h of topology.hosts) {
    for (const name of [h.uplink.name, `h${h.index}/dma-tx`, `h${h.index}/dma-rx`])
      utilization[name] = round(busy.get(name) ?? 0);
    utilization[h.nic.txRing.name] = round(h.nic.txRing.occupancyOverTime.average(now) / h.nic.txRing.slots);
  }
  const rings = run.path.rings();
  for (const r of rings) utilization[r.name] = round(r.averageOccupancy(now) / r.slots);
  const ringsNonEmpty =
    rings.filter((r) => r.occupancy > 0).length +
    topology.hosts.filter((h) => h.nic.txRing.occupancy > 0).length;
  const counters = {
    ...ctx.counters.toRecord(),
    messagesIssued: rec.messagesIssued,
    messagesDelivered: rec.messagesDelivered,
    messagesCompleted: rec.messagesCompleted,
    bytesSent: rec.bytesIssued,
    bytesReceived: rec.bytesDelivered,
    ringsNonEmptyAtEnd: ringsNonEmpty,
    framesInNicsAtEnd: topology.hosts.reduce((sum, h) => sum + h.nic.framesInside, 0),
    partialMessagesAtEnd: run.path.pendingBytes(),
    nicTxBufPeakBytes: Math.max(...topology.hosts.map((h) => h.nic.txBufPeakBytes)),
    nicRxBufPeakBytes: Math.max(...topology.hosts.map((h) => h.nic.rx.bufPeakBytes)),
    nicRxRingPeak: Math.max(...topology.hosts.map((h) => h.nic.rx.ringPeak)),
  };
  const lat = rec.latencyNs;
  const sketch = rec.latencySketch;
  const us = (ns: number) => (Number.isFinite(ns) && lat.count > 0 ? round(ns / 1000) : 0);
  const mibps = (bytes: number) => round(mibPerSec(bytes, measuredNs), 2);
  const tracksLatency = scenario.workload !== 'pktgen';
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
    coldLatencyUs: rec.firstLatencyNs >= 0 ? round(rec.firstLatencyNs / 1000) : 0,
    throughputMiBps: mibps(rec.measuredBytes),
    perPairThroughputMiBps: rec.measuredBytesPerPair.map(mibps),
    warmupMessages: rec.plan.warmupPerPair,
    measuredNs,
    measuredMessages: rec.measuredDeliveries,
    littlesLaw:
      tracksLatency && measuredNs > 0
        ? {
            inFlightMean: round(rec.inFlightMean, 4),
            rateTimesLatency: round((lat.count / measuredNs) * lat.mean, 4),
          }
        : null,
    cpuNsPerMessage: cpu,
    utilization,
    counters,
    simulatedNs: now,
    events: sim.eventsProcessed,
    changedParams: changedParams(run.params),
  };
}
