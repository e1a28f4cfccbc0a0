import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Processor, Simulator, type SpanRecord, type WorkItem } from './index.ts';

/**
 * A processor's accounting is what the CPU-breakdown chart shows, so it must add up exactly: the
 * sum over (owner, category) pairs is the busy time, busy time never exceeds elapsed time, and each
 * pair gets exactly the durations of its completed items. Stalls (time held but not charged) are
 * mixed in: they delay work without counting as busy.
 */
const work = fc.array(
  fc.record({
    atNs: fc.nat(1_000_000),
    owner: fc.constantFrom('dom0', 'vm1', 'vm2', 'xen'),
    category: fc.constantFrom('netback', 'grant-copy', 'tcp', 'irq'),
    durationNs: fc.nat(50_000),
    stallNs: fc.oneof(fc.constant(0), fc.nat(20_000)),
  }),
  { maxLength: 120 },
);
type Work = { atNs: number; owner: string; category: string; durationNs: number; stallNs: number };

const pairKey = (owner: string, category: string): string => `${owner}/${category}`;

function sumsByPair(items: Iterable<Work>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const w of items) {
    const key = pairKey(w.owner, w.category);
    sums.set(key, (sums.get(key) ?? 0) + w.durationNs);
  }
  return sums;
}

function accountingByPair(cpu: Processor): Map<string, number> {
  return new Map(cpu.accounting().map((a) => [pairKey(a.owner, a.category), a.busyNs]));
}

/** Submits each item at its time; records completions in order. */
function load(sim: Simulator, cpu: Processor, items: Work[]): Work[] {
  const done: Work[] = [];
  items.forEach((w, i) => {
    sim.scheduleAt(w.atNs, () => {
      const item: WorkItem = { ...w, messageId: i, onDone: () => done.push(w) };
      cpu.submit(item);
    });
  });
  return done;
}

describe('Processor', () => {
  it('accounts busy time per (owner, category): Σ = busyNs ≤ elapsed, at any instant', () => {
    fc.assert(
      fc.property(work, fc.array(fc.nat(1_500_000), { maxLength: 10 }), (items, stops) => {
        const sim = new Simulator();
        const cpu = new Processor(sim, 'cpu0');
        const done = load(sim, cpu, items);
        for (const stop of [...stops].sort((a, b) => a - b)) {
          sim.runUntil(stop);
          const accounting = cpu.accounting();
          expect(accounting.reduce((s, a) => s + a.busyNs, 0)).toBe(cpu.busyNs);
          expect(cpu.busyNs).toBeLessThanOrEqual(sim.now);
          expect(cpu.busyNsAt(sim.now)).toBeLessThanOrEqual(sim.now);
          expect(cpu.utilization(sim.now)).toBeLessThanOrEqual(1);
          expect(accountingByPair(cpu)).toEqual(sumsByPair(done));
          expect(cpu.completed).toBe(done.length);
        }
        sim.run();
        expect(cpu.busyNs).toBe(items.reduce((s, w) => s + w.durationNs, 0));
        expect(accountingByPair(cpu)).toEqual(sumsByPair(items));
        expect(cpu.completed).toBe(items.length);
        expect(cpu.busy).toBe(false);
        expect(cpu.queueLength).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('serves first come first served, one item at a time, and traces non-overlapping spans', () => {
    fc.assert(
      fc.property(work, (items) => {
        const sim = new Simulator({ traceCapacity: 1024 });
        const cpu = new Processor(sim, 'cpu0');
        const done = load(sim, cpu, items);
        sim.run();
        // Submission order is (time, insertion), which is the order the events ran in.
        const submitted = items.map((w, i) => ({ w, i })).sort((a, b) => a.w.atNs - b.w.atNs || a.i - b.i);
        expect(done).toEqual(submitted.map((s) => s.w));
        // Work spans only: a stall shows as its own `wait` span just before its work.
        const spans = sim.trace
          .records()
          .filter((r): r is SpanRecord => r.kind === 'span' && r.owner !== 'wait');
        expect(spans.length).toBe(items.length);
        let busy = 0;
        for (let i = 0; i < spans.length; i++) {
          expect(spans[i].endNs - spans[i].startNs).toBe(done[i].durationNs);
          expect(spans[i].owner).toBe(done[i].owner);
          expect(spans[i].category).toBe(done[i].category);
          if (i > 0) expect(spans[i].startNs).toBeGreaterThanOrEqual(spans[i - 1].endNs);
          // Work starts at submission if idle, otherwise when the previous item ends (no idle gap
          // while work is waiting), then after its own stall.
          const start = Math.max(done[i].atNs, i > 0 ? spans[i - 1].endNs : 0) + done[i].stallNs;
          expect(spans[i].startNs).toBe(start);
          busy += spans[i].endNs - spans[i].startNs;
        }
        expect(busy).toBe(cpu.busyNs);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects negative or fractional durations and stalls', () => {
    const sim = new Simulator();
    const cpu = new Processor(sim, 'cpu0');
    expect(() => cpu.submit({ owner: 'vm1', category: 'tcp', durationNs: -1 })).toThrow(RangeError);
    expect(() => cpu.submit({ owner: 'vm1', category: 'tcp', durationNs: 1.5 })).toThrow(RangeError);
    expect(() => cpu.submit({ owner: 'vm1', category: 'tcp', durationNs: 1, stallNs: -1 })).toThrow(
      RangeError,
    );
  });
});
