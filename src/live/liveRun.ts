import type { SpanRecord } from '../engine/trace.ts';
import type { Scenario } from '../model/types.ts';
import { cpuSpent, cpuSpentAfter, type CpuSpent } from './cpuSpent.ts';
import { JourneyProbe } from './journeyProbe.ts';
import { liveComponents } from './componentProbe.ts';
import type { LiveComponents } from './liveComponents.ts';
import type { LiveSample } from './liveSamples.ts';
import { ARRIVALS_KEPT } from './messageLog.ts';
import { RecordedRun } from './recordedRun.ts';
import type { Recording } from './recording.ts';
import { latencyReadout, throughputReadout, type LiveReadout } from './readout.ts';
import { liveChromeTrace, type LiveTraceExport } from './traceExport.ts';

/** Trace records the live view keeps: enough for the screen and the journeys of recent messages. */
const LIVE_TRACE_CAPACITY = 60_000;
/** Live runs go on until the user stops them: this many messages per pair (pktgen: packets). */
const LIVE_MESSAGES = 100_000;

/** One message's journey as far as the trace holds it, and whether the message has arrived. */
export interface JourneyView {
  readonly id: number;
  /** Its spans, in time order. */
  readonly spans: SpanRecord[];
  /** When its data (a pktgen packet: the packet) arrived; null while in flight. */
  readonly arrivedNs: number | null;
  /** From its first span to its arrival, ns; null while in flight. */
  readonly endToEndNs: number | null;
  /** From its first span to now, ns (how long it has been on its way). */
  readonly sinceStartNs: number;
}

/**
 * The run the visualizer animates, with its recording and cursor (see RecordedRun), and every view
 * the page draws, each read at the cursor: `readout()`, `components()`, `series`, `journey()` and
 * the spans that put tokens on the diagram.
 */
export class LiveRun extends RecordedRun {
  /** The scenario the run is built from: the settings', going on, with a trace kept. */
  private readonly liveScenario: Scenario;

  constructor(
    readonly scenario: Scenario,
    eventTimesKept?: number,
  ) {
    const live: Scenario = { ...scenario, messages: LIVE_MESSAGES, traceCapacity: LIVE_TRACE_CAPACITY };
    super(live, eventTimesKept);
    this.liveScenario = live;
  }

  /**
   * Spans of messages that overlap [fromNs, toNs] (those that may put a token on screen between
   * them), from the recording, in start order.
   */
  tokenSpans(fromNs: number, toNs: number): SpanRecord[] {
    const out: SpanRecord[] = [];
    const r = this.recorded;
    const s = r.spans;
    // Behind the head, only what had been written by the cursor's event (not what came later at the same instant).
    const writtenBy = this.cursor ? this.cursor.events : Infinity;
    s.visit(fromNs, toNs, -1, (i) => {
      if (s.message[i] < 0 || s.written[i] > writtenBy) return;
      out.push({
        kind: 'span',
        component: r.tracks.names[s.track[i]],
        owner: r.owners.names[s.owner[i]],
        category: r.categories.names[s.category[i]],
        messageId: s.message[i],
        startNs: s.start[i],
        endNs: s.end[i],
        label: r.labels.names[s.label[i]],
      });
    });
    return out;
  }

  /** Spans the trace holds that overlap [fromNs, toNs] (its newest LIVE_TRACE_CAPACITY records). */
  spansBetween(fromNs: number, toNs: number): SpanRecord[] {
    return this.run.sim.trace.spans((_id, startNs, endNs) => endNs >= fromNs && startNs <= toNs);
  }

  /** Messages (pktgen: packets) issued so far; their ids are 0 to this − 1. */
  get messagesIssued(): number {
    return this.run.recorder.messagesIssued;
  }

  /** The recording of this run so far (read-only use: the timeline reads it at the cursor). */
  get recording(): Recording {
    return this.recorded;
  }

  /** The live chart's samples up to the cursor. */
  get series(): readonly LiveSample[] {
    const all = this.samples.series;
    if (!this.cursor) return all;
    const t = this.cursor.ns;
    let n = all.length;
    while (n > 0 && all[n - 1].tNs > t) n--;
    return n === all.length ? all : all.slice(0, n);
  }

  /**
   * The numbers the page shows beside the diagram, each with what it is. Behind the head: the
   * readout the page was shown last at or before the cursor, with the cursor's time, events and
   * deliveries (those are recorded exactly).
   */
  readout(): LiveReadout {
    const { run, log } = this.replay.run;
    const { scenario, recorder: rec, sim } = run;
    const c = this.cursor;
    if (c) {
      const shown = this.readouts.at(c.ns);
      const delivered = this.recorded.delivered.valueAtTime(c.ns, 0);
      const label = scenario.workload === 'pktgen' ? 'packets delivered' : 'messages delivered';
      const base = shown ?? { latency: null, throughput: throughputReadout(rec, 0), deliveredLabel: label };
      return { ...base, nowNs: c.ns, events: c.events, ended: false, delivered };
    }
    const now: LiveReadout = {
      nowNs: sim.now,
      events: sim.eventsProcessed,
      ended: sim.nextEventTime() === Infinity,
      delivered: rec.messagesDelivered,
      deliveredLabel: scenario.workload === 'pktgen' ? 'packets delivered' : 'messages delivered',
      latency: scenario.workload === 'pktgen' ? null : latencyReadout(scenario, rec, log),
      throughput: throughputReadout(rec, sim.now),
    };
    this.readouts.add(now);
    return now;
  }

  /**
   * One message's journey at the cursor: every span of it the trace still holds that had begun by
   * then, and whether it had arrived.
   */
  journey(messageId: number): JourneyView {
    const { run } = this.replay.run;
    const now = this.nowNs;
    // Only this message's spans are built as objects (the trace keeps its records in typed arrays).
    const spans = run.sim.trace.spans((id, startNs) => id === messageId && startNs <= now);
    spans.sort((a, b) => a.startNs - b.startNs || a.endNs - b.endNs);
    const arrivedNs = this.arrivalNs(messageId);
    const startNs = spans.length > 0 ? spans[0].startNs : now;
    const arrived = arrivedNs >= 0;
    return {
      id: messageId,
      spans,
      arrivedNs: arrived ? arrivedNs : null,
      endToEndNs: arrived ? arrivedNs - startNs : null,
      sinceStartNs: now - startNs,
    };
  }

  /** When message `id` arrived, ns, or −1 while it was in flight at the cursor. */
  arrivalNs(messageId: number): number {
    const t = this.replay.run.log.arrivalNs(messageId);
    return t > this.nowNs ? -1 : t;
  }

  /**
   * The same message in this run's scenario with other settings (another mode, say), run apart from
   * this one: the journey view's comparison. The caller advances it (see JourneyProbe).
   */
  probe(changes: Partial<Scenario>, messageId: number): JourneyProbe {
    return new JourneyProbe(new LiveRun({ ...this.scenario, ...changes }), messageId);
  }

  /** The most recent message whose data had arrived by the cursor, or -1. */
  lastDeliveredMessage(): number {
    const last = this.run.recorder.lastDeliveredId;
    if (!this.cursor) return last;
    // Back from the head's latest: the arrival log holds the last ARRIVALS_KEPT ids.
    for (let id = last, n = 0; id >= 0 && n < ARRIVALS_KEPT; id--, n++)
      if (this.arrivalNs(id) >= 0) return id;
    return -1;
  }

  /** The vCPUs, rings, event channels, DMA engines and IOTLBs at the cursor. */
  components(): LiveComponents {
    const c = this.cursor;
    return (c && this.replay.run.components.at(c.events)) || liveComponents(this.run);
  }

  /** The run so far as a Chrome trace file, for Perfetto UI (read-only; see traceExport.ts). */
  chromeTrace(): LiveTraceExport {
    const { sim, recorder } = this.run;
    return liveChromeTrace({
      scenario: this.liveScenario,
      records: sim.trace.records(),
      droppedRecords: sim.trace.dropped,
      events: sim.eventsProcessed,
      nowNs: sim.now,
      messagesIssued: recorder.messagesIssued,
    });
  }

  /** CPU time charged by the cursor, per vCPU, domain and category (read-only; completed work). */
  cpuSpent(): CpuSpent[] {
    const c = this.cursor;
    const { run, cpu } = this.replay.run;
    return c ? cpuSpentAfter(run, cpu, c.events) : cpuSpent(run);
  }
}
