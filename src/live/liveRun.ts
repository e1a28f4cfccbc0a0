import { Replay } from '../engine/replay.ts';
import type { SpanRecord } from '../engine/trace.ts';
import type { DomainKind } from '../model/categories.ts';
import { createRun, type ModelRun } from '../model/run.ts';
import { allVcpus } from '../model/topology.ts';
import type { Scenario } from '../model/types.ts';

/** Trace records the live view keeps: enough for the screen and the journeys of recent messages. */
const LIVE_TRACE_CAPACITY = 60_000;
/** Live runs go on until the user stops them: this many messages per pair (pktgen: packets). */
const LIVE_MESSAGES = 100_000;
const MAX_SAMPLES = 600;
/** Throughput is averaged over this many sample intervals: data arrive in whole messages. */
const RATE_WINDOW_SAMPLES = 10;

/** One point of the "running simulation" chart. */
export interface LiveSample {
  readonly tNs: number;
  readonly throughputMiBps: number;
  /** Busy cores of each domain kind over the interval (1 = one core's worth). */
  readonly cpuCores: Partial<Record<DomainKind, number>>;
}

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

/**
 * The run the visualizer animates, on the main thread: it advances to a simulated time (a bounded
 * number of events per call), steps one event at a time, and steps back by replaying from the seed.
 */
export class LiveRun {
  private readonly replay: Replay<ModelRun>;
  private samples: LiveSample[] = [];
  /** Spans recently written (the trace's subscribers see them as they come), for drawing tokens. */
  private recent: SpanRecord[] = [];
  private recentVersion = 0;
  private lastSample = { tNs: 0, bytes: 0, busy: new Map<string, number>() };
  /** (time, bytes delivered) at the last few samples, for a sliding-window rate. */
  private rateWindow: { tNs: number; bytes: number }[] = [];

  constructor(readonly scenario: Scenario) {
    const live: Scenario = { ...scenario, messages: LIVE_MESSAGES, traceCapacity: LIVE_TRACE_CAPACITY };
    this.replay = new Replay(() => {
      const run = createRun(live);
      this.recent = [];
      this.recentVersion++;
      run.sim.trace.subscribe((r) => {
        if (r.kind === 'span' && r.messageId >= 0) {
          this.recent.push(r);
          this.recentVersion++;
        }
      });
      return run;
    });
  }

  /** Changes whenever spans were added or the run was rebuilt (to know when to redo a token index). */
  get spansVersion(): number {
    return this.recentVersion;
  }

  /**
   * Spans that may put a token on screen at `nowNs`: those that end after `nowNs − lookbackNs`
   * (a message between two spans waits where it is going). Older ones are dropped as time passes.
   */
  recentSpans(nowNs: number, lookbackNs: number): readonly SpanRecord[] {
    const horizon = nowNs - lookbackNs;
    if (this.recent.length > 2048 && this.recent[0].endNs < horizon) {
      this.recent = this.recent.filter((r) => r.endNs >= horizon || r.startNs > nowNs);
    }
    return this.recent;
  }

  get run(): ModelRun {
    return this.replay.run;
  }

  get nowNs(): number {
    return this.run.sim.now;
  }

  get events(): number {
    return this.run.sim.eventsProcessed;
  }

  /** Time of the next event (Infinity when the run has ended). */
  get nextEventNs(): number {
    return this.run.sim.nextEventTime();
  }

  /**
   * Runs events up to `targetNs`, at most `maxEvents` of them, sampling the live chart every
   * `sampleEveryNs`. Returns the time reached (below the target when the event budget ran out).
   */
  advanceTo(targetNs: number, maxEvents: number, sampleEveryNs: number): number {
    const sim = this.run.sim;
    let budget = maxEvents;
    while (budget > 0) {
      const next = sim.nextEventTime();
      const sampleAt = this.lastSample.tNs + sampleEveryNs;
      if (sampleAt <= targetNs && sampleAt <= next) {
        sim.runUntil(sampleAt);
        this.sample();
        continue;
      }
      if (next > targetNs) {
        sim.runUntil(targetNs);
        return targetNs;
      }
      sim.step();
      budget--;
    }
    return sim.now;
  }

  /** Runs exactly one event; false when the run has ended. */
  stepForward(): boolean {
    return this.run.sim.step();
  }

  /** Back to just before the last event, by replay. */
  stepBack(): boolean {
    const moved = this.replay.stepBack();
    this.trimSamples();
    return moved;
  }

  /** Back (or forward) to simulated time `tNs`, by replay. */
  seek(tNs: number): void {
    this.replay.toTime(tNs);
    this.trimSamples();
  }

  reset(): void {
    this.replay.reset();
    this.samples = [];
    this.rateWindow = [];
    this.lastSample = { tNs: 0, bytes: 0, busy: new Map() };
  }

  get series(): readonly LiveSample[] {
    return this.samples;
  }

  /** Spans that overlap [fromNs, toNs], for drawing tokens. */
  spansBetween(fromNs: number, toNs: number): SpanRecord[] {
    const out: SpanRecord[] = [];
    for (const r of this.run.sim.trace.records()) {
      if (r.kind === 'span' && r.endNs >= fromNs && r.startNs <= toNs) out.push(r);
    }
    return out;
  }

  /** Every span of one message that the trace still holds, in time order. */
  journey(messageId: number): SpanRecord[] {
    const out: SpanRecord[] = [];
    for (const r of this.run.sim.trace.records())
      if (r.kind === 'span' && r.messageId === messageId) out.push(r);
    return out.sort((a, b) => a.startNs - b.startNs || a.endNs - b.endNs);
  }

  /** The most recent message whose delivery completed, or -1. */
  lastDeliveredMessage(): number {
    return this.run.recorder.lastDeliveredId;
  }

  components(): LiveComponents {
    const { topology, ctx, path } = this.run;
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

  private sample(): void {
    const { sim, recorder, topology } = this.run;
    const now = sim.now;
    const dt = now - this.lastSample.tNs;
    if (dt <= 0) return;
    const cpuCores: Partial<Record<DomainKind, number>> = {};
    const busy = new Map<string, number>();
    for (const v of allVcpus(topology)) {
      const b = v.cpu.busyNsAt(now);
      busy.set(v.name, b);
      cpuCores[v.kind] = (cpuCores[v.kind] ?? 0) + (b - (this.lastSample.busy.get(v.name) ?? 0)) / dt;
    }
    const bytes = recorder.bytesDelivered;
    const from = this.rateWindow[0] ?? { tNs: this.lastSample.tNs, bytes: this.lastSample.bytes };
    this.rateWindow.push({ tNs: now, bytes });
    if (this.rateWindow.length > RATE_WINDOW_SAMPLES) this.rateWindow.shift();
    this.samples.push({
      tNs: now,
      throughputMiBps: (bytes - from.bytes) / 2 ** 20 / ((now - from.tNs) / 1e9),
      cpuCores,
    });
    if (this.samples.length > MAX_SAMPLES) this.samples.splice(0, this.samples.length - MAX_SAMPLES);
    this.lastSample = { tNs: now, bytes, busy };
  }

  /** After going back in time, forget samples from the future. */
  private trimSamples(): void {
    const now = this.nowNs;
    this.samples = this.samples.filter((s) => s.tNs <= now);
    this.rateWindow = [];
    const busy = new Map<string, number>();
    for (const v of allVcpus(this.run.topology)) busy.set(v.name, v.cpu.busyNsAt(now));
    this.lastSample = { tNs: now, bytes: this.run.recorder.bytesDelivered, busy };
  }
}
