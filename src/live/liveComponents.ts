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

/** The kinds of component state, as numbers (the component log stores them in typed arrays). */
export const CPU = 0;
export const RING = 1;
export const EVTCHN = 2;
export const DMA = 3;
export const IOTLB = 4;
export type ComponentKind = typeof CPU | typeof RING | typeof EVTCHN | typeof DMA | typeof IOTLB;

/** The IOTLB's last lookup as a number: none yet 0, hit 1, miss 2. */
const IOTLB_CODES = [null, 'hit', 'miss'] as const;

/**
 * Every component state of the run now, one call per key: `(kind, key, value, slots)`, values as
 * numbers (busy 0/1, ring slots used, pending 0/1, DMA at work 0/1, IOTLB code). The one place that
 * says what the diagram's components are: `liveComponents` builds the page's object from it, and the
 * component log records it as the run goes, so a past time shows what the present showed then.
 * An event channel's key is its domain's (`h0/dom0`), pending when any of its ports is.
 */
export function visitComponents(
  run: ModelRun,
  visit: (kind: ComponentKind, key: string, value: number, slots: number) => void,
): void {
  const { topology, ctx, path } = run;
  for (const v of allVcpus(topology)) visit(CPU, v.name, v.cpu.busy || v.polling ? 1 : 0, 0);
  for (const r of path.rings()) visit(RING, r.name, r.occupancy, r.slots);
  for (const h of topology.hosts) {
    visit(RING, h.nic.txRing.name, h.nic.txRing.occupancy, h.nic.txRing.slots);
    visit(DMA, `h${h.index}/dma-tx`, h.nic.dmaInFlight.tx > 0 ? 1 : 0, 0);
    visit(DMA, `h${h.index}/dma-rx`, h.nic.dmaInFlight.rx > 0 ? 1 : 0, 0);
    visit(IOTLB, `h${h.index}`, Math.max(0, IOTLB_CODES.indexOf(h.iotlb.last)), 0);
  }
  const pending = new Map<string, number>();
  for (const p of ctx.ports) {
    const domain = p.vcpu.slice(0, p.vcpu.lastIndexOf('/')); // 'h0/dom0/vcpu1' → 'h0/dom0'
    pending.set(domain, Math.max(pending.get(domain) ?? 0, p.isPending ? 1 : 0));
  }
  for (const [domain, v] of pending) visit(EVTCHN, domain, v, 0);
}

/** A builder of the page's object from visited states (see visitComponents). */
export class ComponentsBuilder {
  readonly cpuBusy: Record<string, number> = {};
  readonly rings: Record<string, { used: number; slots: number }> = {};
  readonly evtchnPending: Record<string, boolean> = {};
  readonly dmaActive: Record<string, boolean> = {};
  readonly iotlb: Record<string, 'hit' | 'miss' | null> = {};

  readonly add = (kind: ComponentKind, key: string, value: number, slots: number): void => {
    if (kind === CPU) this.cpuBusy[key] = value;
    else if (kind === RING) this.rings[key] = { used: value, slots };
    else if (kind === EVTCHN) this.evtchnPending[key] = value > 0;
    else if (kind === DMA) this.dmaActive[key] = value > 0;
    else this.iotlb[key] = IOTLB_CODES[value] ?? null;
  };

  build(): LiveComponents {
    const { cpuBusy, rings, evtchnPending, dmaActive, iotlb } = this;
    return { cpuBusy, rings, evtchnPending, dmaActive, iotlb };
  }
}

/** The state of the run's vCPUs, rings, event channels, DMA engines and IOTLBs now. */
export function liveComponents(run: ModelRun): LiveComponents {
  const b = new ComponentsBuilder();
  visitComponents(run, b.add);
  return b.build();
}
