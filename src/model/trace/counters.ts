/**
 * The counters a trace file carries beside its slices: what the spans do not show. Read from a run
 * without changing it, after each event, and kept only where a value changed, so a counter track
 * is exact (every step of a ring's occupancy) and as long as the run's activity, not its duration.
 */
import type { ModelRun } from '../run.ts';
import type { CounterRecord } from './chromeTrace.ts';

interface Probe {
  readonly component: string;
  readonly name: string;
  readonly key: string;
  read(): number;
}

const keyOf = (r: CounterRecord) => `${r.component}\u0000${r.name}\u0000${r.key}`;

/** `h0/vm0/tx-ring` → `vm0/tx-ring`: the host is the counter's process already. */
const withoutHost = (name: string) => name.replace(/^h\d+\//, '');

const ringProbe = (ring: { name: string; slots: number }, read: () => number): Probe => ({
  component: ring.name,
  name: `ring ${withoutHost(ring.name)} (${ring.slots} slots)`,
  key: 'used',
  read,
});

/**
 * Each NIC's descriptor ring, busy vCPUs per domain, DMA in flight. (The split drivers' rings come
 * and go with the path's frontends: `CounterSampler` finds them as they appear.)
 */
function probesOf(run: ModelRun): Probe[] {
  const probes: Probe[] = [];
  for (const h of run.topology.hosts) {
    const ring = h.nic.txRing;
    probes.push(ringProbe(ring, () => ring.occupancy));
  }
  for (const h of run.topology.hosts) {
    for (const d of [h.linux, h.dom0, h.stubdom, ...h.vms]) {
      if (!d || d.vcpus.length === 0) continue;
      const vcpus = d.vcpus;
      probes.push({
        component: vcpus[0].name,
        name: `${d.id} busy vCPUs (of ${vcpus.length})`,
        key: 'busy',
        // As the diagram shows it: a polling vCPU (the stub domain's) is never idle.
        read: () => {
          let n = 0;
          for (const v of vcpus) if (v.cpu.busy || v.polling) n++;
          return n;
        },
      });
    }
    const nic = h.nic;
    const host = `h${h.index}/nic`;
    probes.push({
      component: host,
      name: 'NIC DMA tx in flight',
      key: 'frames',
      read: () => nic.dmaInFlight.tx,
    });
    probes.push({
      component: host,
      name: 'NIC DMA rx in flight',
      key: 'frames',
      read: () => nic.dmaInFlight.rx,
    });
  }
  return probes;
}

/**
 * Samples a run's counters; `sample()` after each event records the values that changed. At most
 * `maxRecords` are kept (the newest), as the trace keeps its newest records.
 */
export class CounterSampler {
  private readonly probes: Probe[];
  private readonly last: number[];
  /** Index in `records` of each probe's latest record, or -1. */
  private readonly lastAt: number[];
  /** The path's rings (it reports copies of them, made at each call) by name, as of this sample. */
  private readonly pathRings = new Map<string, number>();
  private records: CounterRecord[] = [];
  /** Each counter's latest record among those dropped: its level where the kept records begin. */
  private readonly base = new Map<string, CounterRecord>();
  private droppedCount = 0;

  constructor(
    private readonly run: ModelRun,
    private readonly maxRecords: number,
  ) {
    this.probes = probesOf(run);
    this.last = this.probes.map(() => NaN);
    this.lastAt = this.probes.map(() => -1);
    this.sample();
  }

  /** Records every value that differs from the last one recorded. */
  sample(): void {
    const now = this.run.sim.now;
    for (const ring of this.run.path.rings()) {
      if (!this.pathRings.has(ring.name)) {
        const name = ring.name;
        this.probes.push(ringProbe(ring, () => this.pathRings.get(name) ?? 0));
        this.last.push(NaN);
        this.lastAt.push(-1);
      }
      this.pathRings.set(ring.name, ring.occupancy);
    }
    for (let i = 0; i < this.probes.length; i++) {
      const value = this.probes[i].read();
      if (value === this.last[i]) continue;
      this.last[i] = value;
      const p = this.probes[i];
      const record: CounterRecord = { component: p.component, name: p.name, key: p.key, atNs: now, value };
      // Several events at one time: the counter takes the value they leave.
      const at = this.lastAt[i];
      if (at >= 0 && this.records[at].atNs === now) this.records[at] = record;
      else this.lastAt[i] = this.records.push(record) - 1;
    }
    if (this.records.length > 2 * this.maxRecords) this.trim();
  }

  get dropped(): number {
    return this.droppedCount;
  }

  /**
   * The records from `fromNs` on, each counter starting at `fromNs` with the value it had then
   * (so a track begins at its level, not at its first change inside the window). Where the
   * sampler had to drop records past `fromNs` (more changes than it keeps), a counter begins at
   * its oldest record still known instead: a later start, never a wrong level.
   */
  recordsFrom(fromNs: number): CounterRecord[] {
    const before = new Map<string, CounterRecord>();
    for (const [key, r] of this.base) if (r.atNs < fromNs) before.set(key, r);
    const out: CounterRecord[] = [];
    for (const r of [...this.base.values()].filter((b) => b.atNs >= fromNs)) out.push(r);
    for (const r of this.records) {
      if (r.atNs < fromNs) before.set(keyOf(r), r);
      else out.push(r);
    }
    const startsAtFrom = new Set(out.filter((r) => r.atNs === fromNs).map(keyOf));
    const starts = [...before.values()]
      .filter((r) => !startsAtFrom.has(keyOf(r)))
      .map((r) => ({ ...r, atNs: fromNs }));
    return [...starts, ...out.sort((a, b) => a.atNs - b.atNs)];
  }

  private trim(): void {
    const drop = this.records.length - this.maxRecords;
    for (let i = 0; i < drop; i++) this.base.set(keyOf(this.records[i]), this.records[i]);
    this.records = this.records.slice(drop);
    this.droppedCount += drop;
    for (let i = 0; i < this.lastAt.length; i++) this.lastAt[i] = Math.max(-1, this.lastAt[i] - drop);
  }
}
