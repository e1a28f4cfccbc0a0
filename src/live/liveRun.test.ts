import { describe, expect, it } from 'vitest';
import { LiveRun } from './liveRun.ts';

const scenario = {
  mode: 'pv-tcp' as const,
  workload: 'pingpong' as const,
  op: 'write' as const,
  sizeBytes: 64,
  pairs: 1,
  window: 8,
  messages: 1,
  seed: 1,
  params: {},
};

describe('LiveRun', () => {
  it('advances to a time, bounded by an event budget', () => {
    const live = new LiveRun(scenario);
    expect(live.advanceTo(50_000, 1_000_000, 1000)).toBe(50_000);
    expect(live.nowNs).toBe(50_000);
    const events = live.events;
    const reached = live.advanceTo(10_000_000, 5, 1000);
    expect(live.events).toBe(events + 5);
    expect(reached).toBeLessThan(10_000_000);
  });

  it('steps back to exactly the state one event earlier', () => {
    const live = new LiveRun(scenario);
    live.advanceTo(30_000, 1_000_000, 1000);
    const before = { events: live.events, now: live.nowNs, spans: live.spansBetween(0, 30_000).length };
    live.stepForward();
    live.stepForward();
    live.stepBack();
    live.stepBack();
    expect(live.events).toBe(before.events);
    expect(live.spansBetween(0, Infinity).length).toBeGreaterThan(0);
    expect(live.spansBetween(0, 30_000).length).toBe(before.spans);
  });

  it('shows work in progress: spans that end after now are visible', () => {
    const live = new LiveRun(scenario);
    live.advanceTo(3_000, 1_000_000, 1000);
    expect(live.spansBetween(3_000, 3_000).some((s) => s.endNs > 3_000)).toBe(true);
  });

  it('a message journey covers the 77 µs of pv-tcp', () => {
    const live = new LiveRun(scenario);
    live.advanceTo(100_000, 1_000_000, 1000);
    const id = live.lastDeliveredMessage();
    expect(id).toBe(0);
    const { spans } = live.journey(id);
    const end = Math.max(...spans.map((s) => s.endNs));
    expect(end).toBeGreaterThanOrEqual(76_000);
    expect(spans.map((s) => s.category)).toEqual(
      expect.arrayContaining(['netfront', 'netback', 'grant-copy', 'bridge', 'wire']),
    );
  });

  it('samples throughput and CPU over time', () => {
    const live = new LiveRun({ ...scenario, workload: 'stream', sizeBytes: 65536 });
    live.advanceTo(2_000_000, 10_000_000, 100_000);
    expect(live.series.length).toBe(20);
    expect(live.series.at(-1)!.throughputMiBps).toBeGreaterThan(100);
    expect(live.series.at(-1)!.cpuCores.dom0).toBeGreaterThan(0.5);
  });
});
