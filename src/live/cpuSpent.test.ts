import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomScenarios } from '../model/test/randomScenarios.ts';
import type { Scenario } from '../model/types.ts';
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

const sum = (rows: { busyNs: number }[]) => rows.reduce((a, r) => a + r.busyNs, 0);

describe('LiveRun.cpuSpent', () => {
  it('is empty before the run starts and grows as it runs', () => {
    const live = new LiveRun(scenario);
    expect(sum(live.cpuSpent())).toBe(0);
    live.advanceTo(50_000, 1_000_000, 1000);
    const early = sum(live.cpuSpent());
    live.advanceTo(200_000, 1_000_000, 1000);
    expect(early).toBeGreaterThan(0);
    expect(sum(live.cpuSpent())).toBeGreaterThan(early);
  });

  it("charges pv-tcp's netback work to Dom0 and netfront's to the guest", () => {
    const live = new LiveRun(scenario);
    live.advanceTo(200_000, 1_000_000, 1000);
    const rows = live.cpuSpent();
    const netback = rows.filter((r) => r.category === 'netback');
    expect(netback.length).toBeGreaterThan(0);
    expect(netback.every((r) => r.domain === 'dom0' && r.vcpu.includes('/dom0/'))).toBe(true);
    expect(rows.filter((r) => r.category === 'netfront').every((r) => r.domain === 'vm')).toBe(true);
  });

  it('never exceeds the elapsed time on any vCPU', () => {
    const live = new LiveRun(scenario);
    live.advanceTo(300_000, 1_000_000, 1000);
    const byVcpu = new Map<string, number>();
    for (const r of live.cpuSpent()) byVcpu.set(r.vcpu, (byVcpu.get(r.vcpu) ?? 0) + r.busyNs);
    for (const ns of byVcpu.values()) expect(ns).toBeLessThanOrEqual(live.nowNs);
  });
});

/** A fresh run stepped, one event at a time, to `events` events: what a run stopped there shows. */
function stoppedAt(s: Scenario, events: number): LiveRun {
  const fresh = new LiveRun(s);
  while (fresh.events < events) expect(fresh.stepForward()).toBe(true);
  return fresh;
}

describe('LiveRun.cpuSpent at the cursor', () => {
  it('after N steps forward and M back, is exactly what a run stopped at that event shows; at the head, unchanged', () => {
    fc.assert(
      fc.property(
        randomScenarios,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 1_000 }),
        (s, frames, forward, backSeed) => {
          const live = new LiveRun(s);
          for (let i = 0; i < frames && live.nextEventNs !== Infinity; i++)
            live.advanceTo(Number.MAX_SAFE_INTEGER, 400, 5_000);
          for (let i = 0; i < forward && live.stepForward(); i++);
          const head = live.cpuSpent();
          expect(head).toEqual(stoppedAt(s, live.events).cpuSpent());
          const back = backSeed % (Math.min(live.events, 1_500) + 1);
          for (let i = 0; i < back; i++) expect(live.stepBack()).toBe(true);
          expect(live.atHead).toBe(back === 0);
          expect(live.cpuSpent()).toEqual(stoppedAt(s, live.events).cpuSpent());
          // Forward again to the head: the head's accounting, as before the steps back.
          for (let i = 0; i < back; i++) live.stepForward();
          expect(live.atHead).toBe(true);
          expect(live.cpuSpent()).toEqual(head);
        },
      ),
      { numRuns: 30, seed: 5 },
    );
  });

  it('a cursor moved back in time shows less spent than at the head, and what a run stopped there shows', () => {
    const live = new LiveRun(scenario);
    live.advanceTo(300_000, 1_000_000, 1000);
    const atHead = sum(live.cpuSpent());
    live.seek(120_000);
    const behind = live.cpuSpent();
    expect(sum(behind)).toBeLessThan(atHead);
    const fresh = new LiveRun(scenario);
    fresh.seek(120_000);
    expect(fresh.events).toBe(live.events);
    expect(behind).toEqual(fresh.cpuSpent());
  });

  it('behind the head, the rows are those first charged by then (a row charged later is not there yet)', () => {
    const live = new LiveRun(scenario);
    live.advanceTo(300_000, 1_000_000, 1000);
    const headRows = live.cpuSpent().length;
    live.seek(1);
    expect(live.cpuSpent()).toEqual([]);
    expect(headRows).toBeGreaterThan(0);
  });
});

describe('the CPU charge log', () => {
  it('with a small ring (20 events kept), steps back by lookup and by replay stay exact', () => {
    const s: Scenario = { ...scenario, workload: 'stream', pairs: 2 };
    const live = new LiveRun(s, 20);
    live.advanceTo(Number.MAX_SAFE_INTEGER, 2_000, 5_000);
    for (let i = 0; i < 40; i++) {
      expect(live.stepBack()).toBe(true);
      expect(live.cpuSpent()).toEqual(stoppedAt(s, live.events).cpuSpent());
    }
  });
});

describe('the CPU charge log through a replay', () => {
  it('after a fast-forward (nothing recorded) and recording again, steps back stay exact', () => {
    const s: Scenario = { ...scenario, workload: 'stream', pairs: 2 };
    const live = new LiveRun(s);
    live.fastForward(3_000, 3_000, Infinity);
    live.record();
    expect(live.events).toBe(3_000);
    for (let i = 0; i < 400; i++) live.stepForward();
    for (let i = 0; i < 400; i += 40) {
      for (let k = 0; k < 40; k++) expect(live.stepBack()).toBe(true);
      expect(live.cpuSpent()).toEqual(stoppedAt(s, live.events).cpuSpent());
    }
    expect(live.events).toBe(3_000);
  });
});
