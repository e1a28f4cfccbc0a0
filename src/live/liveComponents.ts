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
export const IOTLB_CODES = [null, 'hit', 'miss'] as const;

/** A builder of the page's object from component states (see ComponentProbe). */
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
