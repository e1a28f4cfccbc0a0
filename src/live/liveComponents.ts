import type { ModelRun } from '../model/run.ts';
import { allVcpus } from '../model/topology.ts';

/** What the diagram shows on its components at the current time. */
export interface LiveComponents {
  /** Busy (1) or idle (0) per vCPU, e.g. `h0/dom0/vcpu1`. */
  readonly cpuBusy: Record<string, number>;
  readonly rings: Record<string, { used: number; slots: number }>;
  /** Whether an event is pending for a domain, e.g. `h0/dom0`. */
  readonly evtchnPending: Record<string, boolean>;
  readonly dmaActive: Record<string, boolean>;
  readonly iotlb: Record<string, 'hit' | 'miss' | null>;
}

/** The state of the run's vCPUs, rings, event channels, DMA engines and IOTLBs now. */
export function liveComponents(run: ModelRun): LiveComponents {
  const { topology, ctx, path } = run;
  const cpuBusy: Record<string, number> = {};
  for (const v of allVcpus(topology)) cpuBusy[v.name] = v.cpu.busy || v.polling ? 1 : 0;
  const rings: Record<string, { used: number; slots: number }> = {};
  for (const r of path.rings()) rings[r.name] = { used: r.occupancy, slots: r.slots };
  const dmaActive: Record<string, boolean> = {};
  const iotlb: Record<string, 'hit' | 'miss' | null> = {};
  for (const h of topology.hosts) {
    rings[h.nic.txRing.name] = { used: h.nic.txRing.occupancy, slots: h.nic.txRing.slots };
    dmaActive[`h${h.index}/dma-tx`] = h.nic.dmaInFlight.tx > 0;
    dmaActive[`h${h.index}/dma-rx`] = h.nic.dmaInFlight.rx > 0;
    iotlb[`h${h.index}`] = h.iotlb.last;
  }
  const evtchnPending: Record<string, boolean> = {};
  for (const p of ctx.ports) {
    const domain = p.vcpu.slice(0, p.vcpu.lastIndexOf('/')); // 'h0/dom0/vcpu1' → 'h0/dom0'
    evtchnPending[domain] = (evtchnPending[domain] ?? false) || p.isPending;
  }
  return { cpuBusy, rings, evtchnPending, dmaActive, iotlb };
}
