import { allVcpus, type Topology } from './topology.ts';

/** Cumulative busy time of every resource at one instant. */
interface Snapshot {
  readonly atNs: number;
  /** CPU ns by vCPU name, then `owner category`. */
  readonly cpu: Map<string, Map<string, number>>;
  /** Busy ns by resource name (vCPUs, links, DMA engines). */
  readonly busy: Map<string, number>;
}

/**
 * Snapshots of every resource when the steady-state window opens and closes, so CPU per message and
 * utilization are measured over the window only: registrations, the first fill of the rings and the
 * drain after the last measured message are left out.
 */
export class WindowMeter {
  private start: Snapshot | null = null;
  private end: Snapshot | null = null;

  constructor(private readonly topology: Topology) {}

  mark(edge: 'start' | 'end', nowNs: number): void {
    const snap = this.snapshot(nowNs);
    if (edge === 'start') this.start = snap;
    else this.end = snap;
  }

  /** Whether the window has opened and closed. */
  get closed(): boolean {
    return this.start !== null && this.end !== null;
  }

  /** CPU ns spent inside the window, by owner then category (all vCPUs added up). */
  cpuByOwner(): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    if (!this.start || !this.end) return out;
    for (const [vcpu, atEnd] of this.end.cpu) {
      const atStart = this.start.cpu.get(vcpu);
      for (const [key, ns] of atEnd) {
        const diff = ns - (atStart?.get(key) ?? 0);
        if (diff <= 0) continue;
        const [owner, category] = key.split(' ');
        const byCat = out.get(owner) ?? new Map<string, number>();
        byCat.set(category, (byCat.get(category) ?? 0) + diff);
        out.set(owner, byCat);
      }
    }
    return out;
  }

  /** Busy fraction of each resource over the window (vCPUs, links, DMA engines). */
  utilization(): Map<string, number> {
    const out = new Map<string, number>();
    if (!this.start || !this.end) return out;
    const span = this.end.atNs - this.start.atNs;
    for (const [name, busyEnd] of this.end.busy) {
      const busy = busyEnd - (this.start.busy.get(name) ?? 0);
      out.set(name, span > 0 ? Math.min(1, Math.max(0, busy / span)) : 0);
    }
    return out;
  }

  private snapshot(atNs: number): Snapshot {
    const cpu = new Map<string, Map<string, number>>();
    const busy = new Map<string, number>();
    for (const v of allVcpus(this.topology)) {
      const byKey = new Map<string, number>();
      for (const { owner, category, busyNs } of v.cpu.accounting()) byKey.set(`${owner} ${category}`, busyNs);
      cpu.set(v.name, byKey);
      busy.set(v.name, v.cpu.busyNsAt(atNs));
    }
    for (const h of this.topology.hosts) {
      busy.set(h.uplink.name, h.uplink.busyNsAt(atNs));
      busy.set(`h${h.index}/dma-tx`, h.nic.txDmaBusyNs);
      busy.set(`h${h.index}/dma-rx`, h.nic.rx.dmaBusyNs);
    }
    return { atNs, cpu, busy };
  }
}
