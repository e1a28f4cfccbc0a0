import { describe, expect, it } from 'vitest';
import { LiveRun } from '../live/index.ts';
import type { Scenario } from '../model/types.ts';
import { ReplayJob } from './replayJob.ts';

const scenario: Scenario = {
  mode: 'pv-tcp',
  workload: 'stream',
  op: 'write',
  sizeBytes: 1500,
  pairs: 2,
  window: 8,
  messages: 1,
  seed: 3,
  params: {},
};

/**
 * What the page shows of a run that is exact at any event: time, events, deliveries, the spans begun
 * in the last 50 µs.
 * (Component states are sampled as the run goes, so two runs sampled at other moments may show an
 * earlier sample between two samples: see ComponentLog.)
 */
const view = (live: LiveRun) => ({
  nowNs: live.nowNs,
  events: live.events,
  delivered: live.readout().delivered,
  spans: live.tokenSpans(live.nowNs - 50_000, live.nowNs).filter((s) => s.startNs <= live.nowNs).length,
});

describe('ReplayJob', () => {
  it('lands on exactly the event a step back asks for, in slices, progress rising', () => {
    const straight = new LiveRun(scenario);
    straight.advanceTo(Number.MAX_SAFE_INTEGER, 7_777, 5_000);
    const target = straight.events - 1;
    straight.stepBack();
    const job = new ReplayJob(scenario, { events: target }, 5_000);
    let last = -1;
    let slices = 0;
    while (!job.work(Infinity, 500) && slices < 1_000) slices++;
    // One call with an unbounded budget finishes; with a budget of 0 ms each call runs one chunk.
    const sliced = new ReplayJob(scenario, { events: target }, 5_000);
    for (slices = 0; !sliced.work(0, 500); slices++) {
      expect(sliced.progress.done).toBeGreaterThan(last);
      last = sliced.progress.done;
    }
    expect(slices).toBeGreaterThanOrEqual(Math.floor(target / 500) - 1);
    for (const j of [job, sliced]) {
      expect(j.done).toBe(true);
      expect(j.progress).toEqual({ done: target, total: target });
      expect(view(j.run)).toEqual(view(straight));
    }
  });

  it('far from its target runs the model alone, and records the last part: lands the same, steps back by lookup from there', () => {
    const straight = new LiveRun(scenario);
    straight.advanceTo(Number.MAX_SAFE_INTEGER, 9_000, 5_000);
    const target = straight.events;
    const job = new ReplayJob(scenario, { events: target }, 5_000, undefined, { events: 1_000, ns: 0 });
    while (!job.work(0, 500));
    expect(view(job.run)).toEqual(view(straight));
    expect(job.run.keptFromEvents).toBeGreaterThan(target - 1_100); // nothing recorded before the tail
    expect(job.run.keptFromEvents).toBeLessThanOrEqual(target - 1_000);
    for (let i = 0; i < 300; i++) {
      expect(job.run.canStepBackByLookup).toBe(true);
      job.run.stepBack();
      straight.stepBack();
    }
    expect(view(job.run)).toEqual(view(straight));
    const byTime = new ReplayJob(scenario, { timeNs: 400_000 }, 5_000, undefined, { events: 0, ns: 60_000 });
    while (!byTime.work(0, 500));
    const there = new LiveRun(scenario);
    there.seek(400_000);
    expect(view(byTime.run)).toEqual(view(there));
    expect(byTime.run.keptFromNs).toBeGreaterThanOrEqual(340_000 - 1_000);
  });

  it('lands on a time as a run advanced there does', () => {
    const straight = new LiveRun(scenario);
    straight.seek(123_456);
    const job = new ReplayJob(scenario, { timeNs: 123_456 }, 5_000);
    while (!job.work(0, 300));
    expect(job.run.nowNs).toBe(123_456);
    expect(view(job.run)).toEqual(view(straight));
  });
});
