import type { ModelRun } from '../model/run.ts';
import type { Recording } from './recording.ts';

/** Where a track sits in the timeline's tree: host → group (a domain, the NIC, the wire) → leaf. */
export interface TrackPlace {
  /** Host index, or −1 for a track of no host. */
  readonly host: number;
  /** `dom0`, `vm1`, `stubdom`, `nic`, `wire`, … */
  readonly group: string;
  /** `vcpu0`, `dma-tx`, `tx-ring`, … ('' when the group is the track). */
  readonly leaf: string;
  readonly kind: 'vcpu' | 'nic' | 'wire' | 'ring' | 'evtchn' | 'other';
}

const HOSTED = /^h(\d+)\/(.+)$/;
/** Counters are also sampled as spans are written, at most once per this much simulated time. */
const COUNTER_EVERY_NS = 1_000;

/**
 * A component's place, from its name as the model writes it: `h0/vm0/vcpu0`, `h0/dma-tx`,
 * `h0/wire`, `h0/vm0/tx-ring`, `h0/nic/tx-ring`, and the recording's own `h0/vm0/evtchn`.
 */
export function trackPlace(name: string): TrackPlace {
  const m = HOSTED.exec(name);
  if (!m) return { host: -1, group: name, leaf: '', kind: 'other' };
  const host = Number(m[1]);
  const parts = m[2].split('/');
  const [first, leaf = ''] = parts;
  if (parts.length === 1) {
    if (first === 'wire') return { host, group: 'wire', leaf: '', kind: 'wire' };
    if (first === 'nic' || first.startsWith('dma')) return { host, group: 'nic', leaf: first, kind: 'nic' };
    return { host, group: first, leaf: '', kind: 'other' };
  }
  if (leaf.startsWith('vcpu')) return { host, group: first, leaf, kind: 'vcpu' };
  if (leaf.endsWith('ring')) return { host, group: first, leaf, kind: 'ring' };
  if (leaf === 'evtchn') return { host, group: first, leaf, kind: 'evtchn' };
  return { host, group: first, leaf: parts.slice(1).join('/'), kind: 'other' };
}

/**
 * Connects a fresh model run to the recording: every span the trace writes, every frame's payload
 * placed at a receiver and every delivery (hooks chained after the ones already set, such as the
 * message log's), and a sampler of the rings and event channels for `Recording.sampleNow`, which
 * also runs as spans are written (at most once per simulated microsecond).
 */
export function attachRecording(run: ModelRun, recording: Recording): void {
  const { sim, ctx, recorder, path, topology } = run;
  let sampledAtNs = -Infinity;
  sim.trace.subscribe((r) => {
    if (r.kind !== 'span') return;
    recording.record(r, sim.eventsProcessed);
    // Between frames too (a jump ahead, a replay): the rings' levels at the run's own pace.
    if (sim.now - sampledAtNs >= COUNTER_EVERY_NS) recording.sampleNow();
  });
  const arrived = ctx.arrived;
  let arrivedBytes = 0;
  ctx.arrived = (payloadBytes) => {
    arrived?.(payloadBytes);
    arrivedBytes += payloadBytes;
    recording.bytesArrived.push(sim.now, arrivedBytes);
  };
  const delivered = recorder.onDelivered;
  recorder.onDelivered = (id, nowNs) => {
    delivered?.(id, nowNs);
    recording.delivered.push(nowNs, recorder.messagesDelivered);
  };
  const pending = new Map<string, number>();
  recording.sampleNow = () => {
    const t = sim.now;
    sampledAtNs = t;
    for (const r of path.rings()) recording.sampleCounter(r.name, t, r.occupancy, r.slots);
    for (const h of topology.hosts)
      recording.sampleCounter(h.nic.txRing.name, t, h.nic.txRing.occupancy, h.nic.txRing.slots);
    pending.clear();
    for (const p of ctx.ports) {
      const domain = `${p.vcpu.slice(0, p.vcpu.lastIndexOf('/'))}/evtchn`; // 'h0/vm0/vcpu0' → 'h0/vm0/evtchn'
      pending.set(domain, Math.max(pending.get(domain) ?? 0, p.isPending ? 1 : 0));
    }
    for (const [name, v] of pending) recording.sampleCounter(name, t, v, 1);
  };
}
