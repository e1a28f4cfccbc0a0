import { describe, expect, it } from 'vitest';
import type { DomainKind } from '../model/categories.ts';
import { LiveRun } from './liveRun.ts';
import { LIVE_WINDOW_NS, MarkWindow, windowedSample, type LiveMark } from './liveSamples.ts';

const US = 1000;

/**
 * A synthetic ping-pong on a 1 µs sample grid: every 80 µs a message; the guest's vCPU is busy
 * for its first 20 µs, Dom0's for the next 20 µs, then both wait. Per interval, each vCPU is
 * either 0 or 100 % busy.
 */
function pingPongMarks(periodUs = 80, busyUs = 20, untilUs = 3000): LiveMark[] {
  const busyUntil = (tUs: number, offsetUs: number) => {
    const whole = Math.floor(tUs / periodUs) * busyUs;
    const within = Math.min(busyUs, Math.max(0, (tUs % periodUs) - offsetUs));
    return (whole + within) * US;
  };
  const marks: LiveMark[] = [];
  for (let t = 0; t <= untilUs; t++) {
    marks.push({
      tNs: t * US,
      bytes: Math.floor(t / periodUs) * 64,
      busy: new Map([
        ['guest', busyUntil(t, 0)],
        ['dom0', busyUntil(t, busyUs)],
      ]),
    });
  }
  return marks;
}

const kinds = new Map<string, DomainKind>([
  ['guest', 'vm'],
  ['dom0', 'dom0'],
]);

describe('the running chart’s smoothing', () => {
  it('per interval, the synthetic ping-pong really is 0/100 % spikes', () => {
    const marks = pingPongMarks();
    // A 1 ns window spans one sample interval: the chart as it was before the smoothing.
    const w = new MarkWindow(1);
    w.add(marks[0]);
    const perInterval = marks.slice(1).map((m) => windowedSample(w, m, kinds).cpuCores.vm!);
    expect(new Set(perInterval.map((v) => Math.round(v * 100)))).toEqual(new Set([0, 100]));
  });

  it('over a window of several messages, reads as a steady utilization with no 0/100 % alternation', () => {
    const marks = pingPongMarks();
    const w = new MarkWindow(LIVE_WINDOW_NS);
    w.add(marks[0]);
    const samples = marks.slice(1).map((m) => windowedSample(w, m, kinds));
    const settled = samples.filter((s) => s.tNs >= LIVE_WINDOW_NS);
    expect(settled.length).toBeGreaterThan(2000);
    for (const s of settled) {
      // 20 µs busy in every 80 µs: 25 %, give or take the part of a message at the window's edges.
      expect(s.cpuCores.vm!).toBeGreaterThan(0.2);
      expect(s.cpuCores.vm!).toBeLessThan(0.3);
      expect(s.cpuCores.dom0!).toBeGreaterThan(0.2);
      expect(s.cpuCores.dom0!).toBeLessThan(0.3);
      expect(s.windowNs).toBeGreaterThanOrEqual(LIVE_WINDOW_NS);
      expect(s.windowNs).toBeLessThanOrEqual(LIVE_WINDOW_NS + US);
    }
    // Neighbouring points differ by a fraction of a per-cent, never by a jump.
    for (let i = 1; i < settled.length; i++)
      expect(Math.abs(settled[i].cpuCores.vm! - settled[i - 1].cpuCores.vm!)).toBeLessThan(0.01);
    // Before a whole window has passed, the mean is over the run so far.
    expect(samples[9].windowNs).toBe(10 * US);
  });

  it('a real ping-pong (a VM over TCP, 64 B) charts as utilization, not spikes', () => {
    const live = new LiveRun({
      mode: 'pv-tcp',
      workload: 'pingpong',
      op: 'write',
      sizeBytes: 64,
      pairs: 1,
      window: 1,
      messages: 1,
      seed: 1,
      params: {},
    });
    live.advanceTo(3_000_000, 10_000_000, 2 * US);
    const settled = live.series.filter((s) => s.tNs >= 2 * LIVE_WINDOW_NS);
    expect(settled.length).toBeGreaterThan(500);
    for (const kind of ['vm', 'dom0'] as const) {
      const values = settled.map((s) => s.cpuCores[kind] ?? 0);
      expect(Math.min(...values), kind).toBeGreaterThan(0.02);
      expect(Math.max(...values), kind).toBeLessThan(0.9);
      for (let i = 1; i < values.length; i++)
        expect(Math.abs(values[i] - values[i - 1]), kind).toBeLessThan(0.05);
    }
  });
});
