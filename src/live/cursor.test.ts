import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomScenarios } from '../model/test/randomScenarios.ts';
import type { Scenario } from '../model/types.ts';
import { LiveRun } from './liveRun.ts';

const LOOKBACK_NS = 200_000;

/** Everything the page shows at the cursor, as plain values (spans: those begun by then). */
function view(live: LiveRun) {
  const now = live.nowNs;
  const r = live.readout();
  return {
    nowNs: now,
    events: live.events,
    delivered: r.delivered,
    components: live.components(),
    spans: live
      .tokenSpans(now - LOOKBACK_NS, now)
      .filter((s) => s.startNs <= now)
      .map((s) => `${s.messageId}:${s.component}:${s.startNs}-${s.endNs}`)
      .sort(),
    series: live.series.length,
  };
}

/** A live run advanced some way, as the page would (frames of a bounded number of events). */
function advanced(s: Scenario, frames: number, eventsPerFrame: number): LiveRun {
  const live = new LiveRun(s);
  for (let i = 0; i < frames && live.nextEventNs !== Infinity; i++)
    live.advanceTo(Number.MAX_SAFE_INTEGER, eventsPerFrame, 5_000);
  return live;
}

const settings = fc.record({
  scenario: randomScenarios,
  frames: fc.integer({ min: 0, max: 6 }),
  steps: fc.integer({ min: 1, max: 40 }),
});

describe('the cursor over the recording', () => {
  it('stepping back shows exactly what stepping forward showed, event by event, without running the model', () => {
    fc.assert(
      fc.property(settings, ({ scenario, frames, steps }) => {
        const live = advanced(scenario, frames, 300);
        const seen = [view(live)];
        for (let i = 0; i < steps && live.stepForward(); i++) seen.push(view(live));
        const head = { ns: live.headNs, events: live.events };
        for (let i = seen.length - 2; i >= 0; i--) {
          expect(live.stepBack()).toBe(true);
          expect(view(live)).toEqual(seen[i]);
        }
        expect(live.headNs).toBe(head.ns); // nothing was replayed: the run stands where it was
        // Forward again through the recording: the same views, and no new event until the head.
        for (let i = 1; i < seen.length; i++) {
          live.stepForward();
          expect(view(live)).toEqual(seen[i]);
        }
        expect(live.atHead).toBe(true);
        expect(live.events).toBe(head.events);
      }),
      { numRuns: 25, seed: 12 },
    );
  });

  it('a move of the cursor back shows what a run stopped at that time shows', () => {
    fc.assert(
      fc.property(settings, fc.double({ min: 0.05, max: 0.95, noNaN: true }), ({ scenario }, f) => {
        const live = advanced(scenario, 8, 400);
        const tNs = Math.round(live.headNs * f);
        live.seek(tNs);
        const fresh = new LiveRun(scenario);
        fresh.seek(tNs);
        const a = view(live);
        const b = view(fresh);
        expect(a.events).toBe(b.events);
        expect(a.delivered).toBe(b.delivered);
        expect(a.spans).toEqual(b.spans);
        expect(live.atHead).toBe(tNs === live.headNs);
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('playing from behind the head goes through the recording, then on: the run is the one that never went back', () => {
    fc.assert(
      fc.property(settings, ({ scenario, frames }) => {
        const live = advanced(scenario, frames + 2, 500);
        const straight = advanced(scenario, frames + 2, 500);
        const head = live.headNs;
        live.seek(head / 2);
        const events = live.events;
        expect(live.advanceTo(head * 0.75, 10, 5_000)).toBe(head * 0.75); // within the recording: no budget used
        expect(live.events).toBeGreaterThanOrEqual(events);
        expect(live.headNs).toBe(head);
        const target = head + 50_000;
        while (live.nowNs < target && live.nextEventNs !== Infinity) live.advanceTo(target, 1_000, 5_000);
        while (straight.nowNs < target && straight.nextEventNs !== Infinity)
          straight.advanceTo(target, 1_000, 5_000);
        expect(live.atHead).toBe(true);
        expect(view(live)).toEqual(view(straight));
      }),
      { numRuns: 20, seed: 3 },
    );
  });

  it('before what the recording keeps, steps back by replaying from the seed, and lands on the same event', () => {
    const s: Scenario = {
      mode: 'pv-tcp',
      workload: 'stream',
      op: 'write',
      sizeBytes: 64,
      pairs: 2,
      window: 8,
      messages: 1,
      seed: 1,
      params: {},
    };
    const live = new LiveRun(s, 20); // 20 event times kept
    live.advanceTo(Number.MAX_SAFE_INTEGER, 100, 5_000);
    const seen = [view(live)];
    for (let i = 0; i < 30; i++) {
      live.stepForward();
      seen.push(view(live));
    }
    for (let i = seen.length - 2; i >= 0; i--) {
      live.stepBack();
      const v = view(live);
      expect(v.events).toBe(seen[i].events);
      expect(v.nowNs).toBe(seen[i].nowNs);
      expect(v.delivered).toBe(seen[i].delivered);
    }
    expect(live.headNs).toBeLessThan(seen.at(-1)!.nowNs); // the last steps replayed
  });
});
