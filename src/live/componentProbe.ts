import type { ModelRun } from '../model/run.ts';
import { allVcpus } from '../model/topology.ts';
import {
  ComponentsBuilder,
  CPU,
  DMA,
  EVTCHN,
  IOTLB,
  IOTLB_CODES,
  RING,
  type ComponentKind,
  type LiveComponents,
} from './liveComponents.ts';

/**
 * Reads every component state of a run into one array, each at a fixed slot: the one place that
 * says what the diagram's components are (a vCPU busy or polling, a shared ring's and the NIC's TX
 * ring's slots used, an event pending for a domain on any of its ports, a DMA engine at work, the
 * IOTLB's last lookup). Built once per run and read as the run goes: the recording samples it at
 * most once per simulated microsecond, so a read allocates nothing but the path's ring list.
 *
 * Rings and ports may appear as the run goes (a frontend is set up on first use): new ones get new
 * slots; a slot never changes meaning.
 */
export class ComponentProbe {
  readonly keys: string[] = [];
  readonly kinds: ComponentKind[] = [];
  readonly slots: number[] = [];
  values = new Float64Array(64);
  private readonly index = new Map<string, number>();
  private readonly vcpus;
  private readonly fixed: number;
  /** Ports seen so far, and the slot of each one's domain. */
  private portSlots: number[] = [];

  constructor(private readonly run: ModelRun) {
    this.vcpus = allVcpus(run.topology);
    for (const v of this.vcpus) this.slot(CPU, v.name, 0);
    for (const h of run.topology.hosts) {
      this.slot(RING, h.nic.txRing.name, h.nic.txRing.slots);
      this.slot(DMA, `h${h.index}/dma-tx`, 0);
      this.slot(DMA, `h${h.index}/dma-rx`, 0);
      this.slot(IOTLB, `h${h.index}`, 0);
    }
    this.fixed = this.keys.length;
  }

  /** How many slots there are now. */
  get size(): number {
    return this.keys.length;
  }

  /** Every state now, into `values` (slots 0 … size − 1). */
  read(): void {
    const { topology, ctx, path } = this.run;
    const v = this.values;
    let i = 0;
    for (const c of this.vcpus) v[i++] = c.cpu.busy || c.polling ? 1 : 0;
    for (const h of topology.hosts) {
      v[i++] = h.nic.txRing.occupancy;
      v[i++] = h.nic.dmaInFlight.tx > 0 ? 1 : 0;
      v[i++] = h.nic.dmaInFlight.rx > 0 ? 1 : 0;
      v[i++] = Math.max(0, IOTLB_CODES.indexOf(h.iotlb.last));
    }
    const ports = ctx.ports;
    for (let p = this.portSlots.length; p < ports.length; p++) {
      const name = ports[p].vcpu;
      this.portSlots.push(this.slot(EVTCHN, name.slice(0, name.lastIndexOf('/')), 0)); // 'h0/dom0/vcpu1' → 'h0/dom0'
    }
    for (let s = this.fixed; s < this.keys.length; s++) if (this.kinds[s] === EVTCHN) v[s] = 0;
    for (let p = 0; p < ports.length; p++) if (ports[p].isPending) this.values[this.portSlots[p]] = 1;
    for (const r of path.rings()) {
      const s = this.index.get(r.name) ?? this.slot(RING, r.name, r.slots);
      this.values[s] = r.occupancy;
    }
  }

  /** The page's object from the last read. */
  components(): LiveComponents {
    const b = new ComponentsBuilder();
    for (let s = 0; s < this.keys.length; s++)
      b.add(this.kinds[s], this.keys[s], this.values[s], this.slots[s]);
    return b.build();
  }

  private slot(kind: ComponentKind, key: string, slots: number): number {
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const s = this.keys.length;
    this.index.set(key, s);
    this.keys.push(key);
    this.kinds.push(kind);
    this.slots.push(slots);
    if (s >= this.values.length) {
      const grown = new Float64Array(2 * this.values.length);
      grown.set(this.values);
      this.values = grown;
    }
    return s;
  }
}

/** The state of the run's vCPUs, rings, event channels, DMA engines and IOTLBs now. */
export function liveComponents(run: ModelRun): LiveComponents {
  const p = new ComponentProbe(run);
  p.read();
  return p.components();
}
