import { Replay } from '../engine/replay.ts';
import type { Simulator } from '../engine/simulator.ts';
import type { SpanRecord } from '../engine/trace.ts';
import { createRun, type ModelRun } from '../model/run.ts';
import type { Scenario } from '../model/types.ts';
import { cpuSpent, type CpuSpent } from './cpuSpent.ts';
import { JourneyProbe } from './journeyProbe.ts';
import { liveComponents, type LiveComponents } from './liveComponents.ts';
import { LiveSamples, type LiveSample } from './liveSamples.ts';
import { MessageLog } from './messageLog.ts';
import { RecentSpans } from './recentSpans.ts';
import { Recording } from './recording.ts';
import { attachRecording } from './recordingTracks.ts';
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

interface LiveState {
  readonly sim: Simulator;
  readonly run: ModelRun;
  readonly log: MessageLog;
}

/**
 * The run the visualizer animates, on the main thread: it advances to a simulated time (a bounded
 * number of events per call), steps one event at a time, steps back by replaying from the seed,
 * and says what it measured through `readout()`, the spans and the journeys.
 */
export class LiveRun {
  private readonly replay: Replay<LiveState>;
  private readonly samples = new LiveSamples();
  /** Everything the run did, in typed arrays (the timeline's source); rebuilt with the run on replay. */
  private readonly recorded = new Recording();
  /** Spans recently written (the trace's subscribers see them as they come), for drawing tokens. */
  private readonly recent = new RecentSpans();

  /** The scenario the run is built from: the settings', going on, with a trace kept. */
  private readonly liveScenario: Scenario;

  constructor(readonly scenario: Scenario) {
    const live: Scenario = { ...scenario, messages: LIVE_MESSAGES, traceCapacity: LIVE_TRACE_CAPACITY };
    this.liveScenario = live;
    this.replay = new Replay(() => {
      const run = createRun(live);
      this.recent.clear();
      run.sim.trace.subscribe((r) => {
        if (r.kind === 'span' && r.messageId >= 0) this.recent.add(r, run.sim.now);
      });
      const log = new MessageLog(run.recorder);
      this.recorded.clear();
      attachRecording(run, this.recorded); // after the log: it chains the log's delivery hook
      return { sim: run.sim, run, log };
    });
  }

  /** Changes whenever spans were added or the run was rebuilt (to know when to redo a token index). */
  get spansVersion(): number {
    return this.recent.version;
  }

  /**
   * Spans that may put a token on screen at `nowNs`: those that end after `nowNs − lookbackNs`
   * (a message between two spans waits where it is going). Older ones are dropped as time passes.
   */
  recentSpans(nowNs: number, lookbackNs: number): readonly SpanRecord[] {
    return this.recent.at(nowNs, lookbackNs);
  }

  /** Spans held for drawing tokens (bounded: see RecentSpans). */
  get recentSpanCount(): number {
    return this.recent.size;
  }

  private get run(): ModelRun {
    return this.replay.run.run;
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

  /** Messages (pktgen: packets) issued so far; their ids are 0 to this − 1. */
  get messagesIssued(): number {
    return this.run.recorder.messagesIssued;
  }

  /**
   * Runs events up to `targetNs`, at most `maxEvents` of them, sampling the live chart every
   * `sampleEveryNs`. Returns the time reached (below the target when the event budget ran out).
   */
  advanceTo(targetNs: number, maxEvents: number, sampleEveryNs: number): number {
    const sim = this.run.sim;
    this.recorded.sampleNow();
    let budget = maxEvents;
    while (budget > 0) {
      const next = sim.nextEventTime();
      const sampleAt = this.samples.nextAt(sampleEveryNs);
      if (sampleAt <= targetNs && sampleAt <= next) {
        sim.runUntil(sampleAt);
        this.samples.sample(this.run);
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
    this.samples.trim(this.run);
    return moved;
  }

  /** Back (or forward) to simulated time `tNs`, by replay. */
  seek(tNs: number): void {
    this.replay.toTime(tNs);
    this.samples.trim(this.run);
  }

  reset(): void {
    this.replay.reset();
    this.samples.reset();
  }

  /** The recording of this run so far (read-only use: the timeline reads it at the cursor). */
  get recording(): Recording {
    return this.recorded;
  }

  get series(): readonly LiveSample[] {
    return this.samples.series;
  }

  /** The numbers the page shows beside the diagram, each with what it is. */
  readout(): LiveReadout {
    const { run, log } = this.replay.run;
    const { scenario, recorder: rec, sim } = run;
    return {
      nowNs: sim.now,
      events: sim.eventsProcessed,
      ended: sim.nextEventTime() === Infinity,
      delivered: rec.messagesDelivered,
      deliveredLabel: scenario.workload === 'pktgen' ? 'packets delivered' : 'messages delivered',
      latency: scenario.workload === 'pktgen' ? null : latencyReadout(scenario, rec, log),
      throughput: throughputReadout(rec, sim.now),
    };
  }

  /** Spans that overlap [fromNs, toNs], for drawing tokens. */
  spansBetween(fromNs: number, toNs: number): SpanRecord[] {
    return this.run.sim.trace.spans((_id, startNs, endNs) => endNs >= fromNs && startNs <= toNs);
  }

  /** One message's journey: every span of it the trace still holds, and whether it has arrived. */
  journey(messageId: number): JourneyView {
    const { run, log } = this.replay.run;
    // Only this message's spans are built as objects (the trace keeps its records in typed arrays).
    const spans = run.sim.trace.spans((id) => id === messageId);
    spans.sort((a, b) => a.startNs - b.startNs || a.endNs - b.endNs);
    const arrivedNs = log.arrivalNs(messageId);
    const startNs = spans.length > 0 ? spans[0].startNs : run.sim.now;
    const arrived = arrivedNs >= 0;
    return {
      id: messageId,
      spans,
      arrivedNs: arrived ? arrivedNs : null,
      endToEndNs: arrived ? arrivedNs - startNs : null,
      sinceStartNs: run.sim.now - startNs,
    };
  }

  /** When message `id` arrived, ns, or −1 while it is in flight. */
  arrivalNs(messageId: number): number {
    return this.replay.run.log.arrivalNs(messageId);
  }

  /**
   * The same message in this run's scenario with other settings (another mode, say), run apart from
   * this one: the journey view's comparison. The caller advances it (see JourneyProbe).
   */
  probe(changes: Partial<Scenario>, messageId: number): JourneyProbe {
    return new JourneyProbe(new LiveRun({ ...this.scenario, ...changes }), messageId);
  }

  /** The most recent message whose data arrived, or -1. */
  lastDeliveredMessage(): number {
    return this.run.recorder.lastDeliveredId;
  }

  components(): LiveComponents {
    return liveComponents(this.run);
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

  /** CPU time charged so far, per vCPU, domain and category (read-only; completed work). */
  cpuSpent(): CpuSpent[] {
    return cpuSpent(this.run);
  }
}
