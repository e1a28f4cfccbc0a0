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
 * What the page shows of a run that is exact at any event: time, events, deliveries, the spans begun.
 * (Component states are sampled as the run goes, so two runs sampled at other moments may show an
 * earlier sample between two samples: see ComponentLog.)
 */
const view = (live: LiveRun) => ({
  nowNs: live.nowNs,
  events: live.events,
  delivered: live.readout().delivered,
  spans: live.tokenSpans(0, live.nowNs).filter((s) => s.startNs <= live.nowNs).length,
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

  it('lands on a time as a run advanced there does', () => {
    const straight = new LiveRun(scenario);
    straight.seek(123_456);
    const job = new ReplayJob(scenario, { timeNs: 123_456 }, 5_000);
    while (!job.work(0, 300));
    expect(job.run.nowNs).toBe(123_456);
    expect(view(job.run)).toEqual(view(straight));
  });
});
