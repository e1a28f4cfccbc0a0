import type { ModelRun } from '../model/run.ts';
import type { ComponentLog } from './componentLog.ts';
import { ComponentProbe } from './componentProbe.ts';
import { EVTCHN, RING } from './liveComponents.ts';
import type { Counter, Recording } from './recording.ts';

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
 * Connects a fresh model run to the recording: every span the trace writes (with the event that
 * wrote it), every frame's payload placed at a receiver and every delivery (hooks chained after the
 * ones already set, such as the message log's), and a sampler of the components (ComponentProbe)
 * for `Recording.sampleNow`: the rings' and event channels' levels into the recording's counters,
 * every component state into the component log. It also runs as spans are written (at most once
 * per simulated microsecond).
 */
export function attachRecording(run: ModelRun, recording: Recording, components: ComponentLog): void {
  const { sim, ctx, recorder } = run;
  let sampledAtNs = -Infinity;
  sim.trace.subscribe((r) => {
    if (r.kind !== 'span' || !recording.enabled) return;
    recording.record(r, sim.eventsProcessed);
    // Between frames too (a jump ahead, a replay): the rings' levels at the run's own pace.
    if (sim.now - sampledAtNs >= COUNTER_EVERY_NS) recording.sampleNow();
  });
  const arrived = ctx.arrived;
  let arrivedBytes = 0;
  ctx.arrived = (payloadBytes) => {
    arrived?.(payloadBytes);
    arrivedBytes += payloadBytes;
    if (recording.enabled) recording.bytesArrived.push(sim.now, arrivedBytes);
  };
  const delivered = recorder.onDelivered;
  recorder.onDelivered = (id, nowNs) => {
    delivered?.(id, nowNs);
    if (recording.enabled) recording.delivered.push(nowNs, recorder.messagesDelivered);
  };
  const probe = new ComponentProbe(run);
  /** Per probe slot: its index in the component log, and its counter on the timeline (rings, event channels). */
  const logIndex: number[] = [];
  const counters: (Counter | null)[] = [];
  recording.sampleNow = () => {
    if (!recording.enabled) return;
    const t = sim.now;
    sampledAtNs = t;
    probe.read();
    const values = probe.values;
    for (let s = 0; s < probe.size; s++) {
      if (logIndex.length === s) {
        const kind = probe.kinds[s];
        const key = probe.keys[s];
        logIndex.push(components.define(kind, key, probe.slots[s]));
        counters.push(
          kind === RING
            ? recording.counter(key, probe.slots[s])
            : kind === EVTCHN
              ? recording.counter(`${key}/evtchn`, 1) // 'h0/vm0' → the timeline's 'h0/vm0/evtchn'
              : null,
        );
      }
      const v = values[s];
      components.setAt(logIndex[s], v);
      const c = counters[s];
      if (c) {
        if (v > c.max) c.max = v;
        c.series.pushChange(t, v);
      }
    }
    components.commit(sim.eventsProcessed);
  };
}
