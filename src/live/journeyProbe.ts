import type { JourneyView, LiveRun } from './liveRun.ts';

/** The probe never samples the live chart: nobody draws it. */
const NO_SAMPLES_NS = Number.MAX_SAFE_INTEGER;
/** Events between two looks at whether the message has arrived. */
const ARRIVAL_CHECK_EVENTS = 64;

/**
 * One message of another scenario (the other mode, say), run in its own LiveRun beside the one on
 * screen, in slices the caller schedules (so the page stays responsive). It is done once the message
 * has arrived and as long again has passed, so that the work after the arrival (acknowledgements,
 * completions) is in its journey too.
 */
export class JourneyProbe {
  private readonly live: LiveRun;
  private settleUntilNs = Infinity;
  private result: JourneyView | null = null;

  /** `live`: a fresh run of the other scenario, made by LiveRun.probe (this file needs no LiveRun at run time). */
  constructor(
    live: LiveRun,
    readonly messageId: number,
  ) {
    this.live = live;
  }

  /** The journey once done, else null. */
  get journey(): JourneyView | null {
    return this.result;
  }

  /** Simulated time reached so far, ns. */
  get nowNs(): number {
    return this.live.nowNs;
  }

  /** Runs at most `maxEvents` events; true once the journey is complete (or the run has ended). */
  advance(maxEvents: number): boolean {
    const live = this.live;
    let budget = maxEvents;
    while (!this.result && budget > 0) {
      if (live.nextEventNs === Infinity || live.nowNs >= this.settleUntilNs) {
        this.result = live.journey(this.messageId);
        break;
      }
      // Small slices until the arrival, so the trace (a ring) still holds the message's first stages.
      const slice = Math.min(budget, Number.isFinite(this.settleUntilNs) ? budget : ARRIVAL_CHECK_EVENTS);
      const before = live.events;
      live.advanceTo(
        Number.isFinite(this.settleUntilNs) ? this.settleUntilNs : Number.MAX_SAFE_INTEGER,
        slice,
        NO_SAMPLES_NS,
      );
      budget -= Math.max(1, live.events - before);
      if (!Number.isFinite(this.settleUntilNs) && live.arrivalNs(this.messageId) >= 0) {
        const j = live.journey(this.messageId);
        this.settleUntilNs = j.arrivedNs! + j.endToEndNs!;
      }
    }
    return this.result !== null;
  }

  /** Runs to completion at once (tests, or a caller that does not mind blocking). */
  runToEnd(sliceEvents = 50_000): JourneyView {
    while (!this.advance(sliceEvents));
    return this.result!;
  }
}
