import { Replay } from '../engine/replay.ts';
import type { Simulator } from '../engine/simulator.ts';
import { createRun, type ModelRun } from '../model/run.ts';
import type { Scenario } from '../model/types.ts';
import { ComponentLog } from './componentLog.ts';
import { CpuCharges } from './cpuCharges.ts';
import { EventTimes } from './eventTimes.ts';
import { LiveSamples } from './liveSamples.ts';
import { MessageLog } from './messageLog.ts';
import { ReadoutLog } from './readoutLog.ts';
import { Recording } from './recording.ts';
import { attachRecording } from './recordingTracks.ts';

/** Event times kept for stepping back by lookup: the last 2^21 events (16 MiB once that many ran). */
export const EVENT_TIMES_KEPT = 1 << 21;

export interface LiveState {
  readonly sim: Simulator;
  readonly run: ModelRun;
  readonly log: MessageLog;
  /** The components' states as the run went (the diagram's gauges at a past time). */
  readonly components: ComponentLog;
  /** Every CPU charge with its event, so the accounting can be read at the cursor (see CpuCharges). */
  readonly cpu: CpuCharges;
}

/** Where the page looks: after `events` events, at `ns`; behind the run's head (see RecordedRun). */
interface Cursor {
  readonly events: number;
  readonly ns: number;
}

/**
 * A model run that goes forward (a bounded number of events per call) and records everything it
 * did (spans, component states, event times, readouts), with a cursor where the page looks: at the
 * run's head while playing, behind it after a step back or a move of the timeline's cursor. Going
 * back within the recording is a lookup; only a time older than the recording keeps (its rings are
 * bounded) replays the run from its seed. Playing or stepping from behind the head moves through
 * the recording first, then runs new events. `nowNs` and `events` are the cursor's; `headNs` is how
 * far the run has gone. (LiveRun reads every view at the cursor.)
 */
export class RecordedRun {
  protected readonly replay: Replay<LiveState>;

  protected readonly samples = new LiveSamples();

  /** Everything the run did, in typed arrays (the timeline's source); rebuilt with the run on replay. */
  protected readonly recorded = new Recording();

  protected readonly eventTimes: EventTimes;

  protected readonly readouts = new ReadoutLog();

  /** Null while the page looks at the head. */
  protected cursor: Cursor | null = null;

  /** Bumped when the run is rebuilt (the recording starts again). */
  private generation = 0;

  /** `eventTimesKept`: how many events back a step is a lookup (smaller in tests, to reach a replay). */
  constructor(live: Scenario, eventTimesKept = EVENT_TIMES_KEPT) {
    this.eventTimes = new EventTimes(eventTimesKept);
    this.replay = new Replay(() => {
      const run = createRun(live);
      const log = new MessageLog(run.recorder);
      this.recorded.clear();
      const components = new ComponentLog();
      // After the log: it chains the log's delivery hook. The components are sampled with the
      // timeline's counters: as spans are written (at most once per simulated microsecond) and at
      // the end of every advance and step (what the page showed).
      attachRecording(run, this.recorded, components);
      this.recorded.sampleNow();
      this.readouts.clear();
      this.eventTimes.restart(0, 0);
      this.cursor = null;
      this.generation++;
      return { sim: run.sim, run, log, components, cpu: new CpuCharges(run, eventTimesKept, this.recorded) };
    });
  }

  /** Changes whenever spans were recorded or the run was rebuilt (to know when to redo a token index). */
  get spansVersion(): number {
    const s = this.recorded.spans;
    return this.generation * 2 ** 32 + s.size + s.dropped;
  }

  protected get run(): ModelRun {
    return this.replay.run.run;
  }

  /** The time the page looks at (the cursor). */
  get nowNs(): number {
    return this.cursor ? this.cursor.ns : this.run.sim.now;
  }

  /** Events run by the cursor's time. */
  get events(): number {
    return this.cursor ? this.cursor.events : this.run.sim.eventsProcessed;
  }

  /** How far the run has gone (the cursor is at or before it). */
  get headNs(): number {
    return this.run.sim.now;
  }

  /** True when the page looks at the run's head (nothing recorded lies ahead of the cursor). */
  get atHead(): boolean {
    return this.cursor === null;
  }

  /**
   * The earliest time the cursor can move to by lookup: what every ring of the recording still
   * holds (event times, component states, spans). Before it, only a replay knows.
   */
  get keptFromNs(): number {
    const s = this.recorded.spans;
    const spansFrom = s.dropped > 0 && s.size > 0 ? s.start[s.at(0)] : 0;
    return Math.max(this.eventTimes.timeAfter(this.keptFromEvents), spansFrom);
  }

  /** The smallest event count the cursor can move to by lookup (event times and component states kept). */
  get keptFromEvents(): number {
    return Math.max(this.eventTimes.firstCount, this.replay.run.components.fromEvents);
  }

  /** Whether one step back is a lookup (else it replays from the seed: see ReplayJob for doing that in slices). */
  get canStepBackByLookup(): boolean {
    const k = this.events;
    return k > 0 && k - 1 >= this.keptFromEvents && this.eventTimes.timeAfter(k - 1) >= this.keptFromNs;
  }

  /** Whether moving the cursor to tNs is a lookup or a run forward (else it replays from the seed). */
  canSeekByLookup(tNs: number): boolean {
    return tNs >= this.run.sim.now || tNs >= this.keptFromNs;
  }

  /** Time of the next event after the cursor (Infinity when the run has ended). */
  get nextEventNs(): number {
    const c = this.cursor;
    if (c && c.events < this.eventTimes.count) return this.eventTimes.timeAfter(c.events + 1);
    return this.run.sim.nextEventTime();
  }

  /**
   * Runs events up to `targetNs`, at most `maxEvents` of them, sampling the live chart every
   * `sampleEveryNs`. Returns the time reached (below the target when the event budget ran out).
   */
  advanceTo(targetNs: number, maxEvents: number, sampleEveryNs: number): number {
    const sim = this.run.sim;
    if (this.cursor) {
      // Behind the head: through the recording first (a lookup), then on with new events.
      if (targetNs < sim.now) return this.lookAt(targetNs);
      this.cursor = null;
    }
    this.recorded.sampleNow();
    let budget = maxEvents;
    let reached: number = sim.now;
    while (budget > 0) {
      const next = sim.nextEventTime();
      const sampleAt = this.samples.nextAt(sampleEveryNs);
      if (sampleAt <= targetNs && sampleAt <= next) {
        this.runUntil(sampleAt);
        this.samples.sample(this.run);
        continue;
      }
      if (next > targetNs) {
        sim.runUntil(targetNs);
        reached = targetNs;
        break;
      }
      sim.step();
      this.eventTimes.push(sim.now);
      budget--;
      reached = sim.now;
    }
    this.recorded.sampleNow();
    return reached;
  }

  /**
   * Runs up to `maxEvents` events, at most to `untilEvents` events or to time `untilNs`, recording
   * nothing (a replay far from its target: see ReplayJob). The recording starts again from where
   * this stops, once `record()` is called: what came before can only be replayed.
   */
  fastForward(maxEvents: number, untilEvents: number, untilNs: number): void {
    const sim = this.run.sim;
    this.cursor = null;
    this.recorded.enabled = false;
    for (let n = 0; n < maxEvents && sim.eventsProcessed < untilEvents && sim.nextEventTime() <= untilNs; n++)
      sim.step();
  }

  /** Recording again after a fastForward: event times, components and the live chart from here. */
  record(): void {
    if (this.recorded.enabled) return;
    this.recorded.enabled = true;
    this.afterReplay();
  }

  /** The clock to tNs with every event at or before it run, each event's time recorded. */
  private runUntil(tNs: number): void {
    const sim = this.run.sim;
    const before = sim.eventsProcessed;
    sim.runUntil(tNs);
    // Only events at exactly tNs run here (the caller checked none is due before it).
    for (let i = before; i < sim.eventsProcessed; i++) this.eventTimes.push(tNs);
  }

  /** The cursor to tNs, inside what the recording holds, up to the head. */
  private lookAt(tNs: number): number {
    const events = this.eventTimes.countAt(tNs);
    this.cursor = tNs >= this.run.sim.now ? null : { events, ns: tNs };
    return tNs;
  }

  /** One event forward: the next recorded one when behind the head, else a new one. False at the end. */
  stepForward(): boolean {
    const c = this.cursor;
    const times = this.eventTimes;
    if (c && c.events < times.count) {
      const events = c.events + 1;
      const ns = times.timeAfter(events);
      this.cursor = events === times.count && ns === this.run.sim.now ? null : { events, ns };
      return true;
    }
    this.cursor = null;
    const sim = this.run.sim;
    if (!sim.step()) return false;
    times.push(sim.now);
    this.recorded.sampleNow();
    return true;
  }

  /** Back to just before the last event: a lookup in the recording, a replay before it. */
  stepBack(): boolean {
    const k = this.events;
    if (k === 0) return false;
    if (this.canStepBackByLookup) {
      this.cursor = { events: k - 1, ns: this.eventTimes.timeAfter(k - 1) };
      return true;
    }
    this.cursor = null;
    this.replay.toEvent(k - 1);
    this.afterReplay();
    return true;
  }

  /** The cursor to simulated time `tNs`: forward by running on, back by lookup (or replay before the recording). */
  seek(tNs: number): void {
    const sim = this.run.sim;
    if (tNs >= sim.now) {
      this.cursor = null;
      while (sim.nextEventTime() <= tNs) {
        sim.step();
        this.eventTimes.push(sim.now);
      }
      sim.runUntil(tNs);
      this.recorded.sampleNow();
    } else if (this.canSeekByLookup(tNs)) this.lookAt(tNs);
    else {
      this.cursor = null;
      this.replay.toTime(tNs);
      this.afterReplay();
    }
  }

  /** After a replay the run stands at a new head; only what runs from here on is known by time. */
  private afterReplay(): void {
    const sim = this.run.sim;
    this.eventTimes.restart(sim.eventsProcessed, sim.now);
    this.samples.trim(this.run);
    this.recorded.sampleNow();
  }

  reset(): void {
    this.replay.reset();
    this.samples.reset();
  }
}
