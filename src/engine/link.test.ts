import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Link, Simulator, type SpanRecord } from './index.ts';

/**
 * A link against the textbook: a frame starts serializing when it is sent or when the previous
 * frame's last bit has left, whichever is later; it arrives serialization + propagation after that
 * start; frames arrive in the order sent.
 */
const frames = fc.array(fc.record({ atNs: fc.nat(100_000), bytes: fc.integer({ min: 0, max: 9000 }) }), {
  maxLength: 100,
});
const rates = fc.oneof(fc.constantFrom(1e9, 10e9, 40e9, 56e9), fc.integer({ min: 1_000_000, max: 100e9 }));

describe('Link', () => {
  it('serializes frames one after another, then adds propagation, first in first out', () => {
    fc.assert(
      fc.property(frames, rates, fc.nat(50_000), (sent, bitsPerSec, propagationNs) => {
        const sim = new Simulator({ traceCapacity: 256 });
        const link = new Link(sim, 'wire', bitsPerSec, propagationNs);
        const arrived: { index: number; atNs: number }[] = [];
        const got: { index: number; startNs: number; sentNs: number; arriveNs: number }[] = [];
        sent.forEach((f, index) =>
          sim.scheduleAt(f.atNs, () => {
            const freeAt = link.freeAtNs;
            const t = link.transmit(f.bytes, () => arrived.push({ index, atNs: sim.now }), index);
            expect(t.startNs).toBe(freeAt);
            got.push({ index, ...t });
          }),
        );
        sim.run();

        // The reference, in the order the sends ran: (time, insertion).
        const order = sent
          .map((f, index) => ({ ...f, index }))
          .sort((a, b) => a.atNs - b.atNs || a.index - b.index);
        let freeAtNs = 0;
        let busyNs = 0;
        const want = order.map((f) => {
          const startNs = Math.max(f.atNs, freeAtNs);
          const serNs = Math.round((f.bytes * 8 * 1e9) / bitsPerSec);
          freeAtNs = startNs + serNs;
          busyNs += serNs;
          return {
            index: f.index,
            startNs,
            sentNs: startNs + serNs,
            arriveNs: startNs + serNs + propagationNs,
          };
        });
        expect(got).toEqual(want);
        expect(arrived).toEqual(want.map((w) => ({ index: w.index, atNs: w.arriveNs })));
        expect(link.frames).toBe(sent.length);
        expect(link.bytes).toBe(sent.reduce((s, f) => s + f.bytes, 0));
        expect(link.busyNs).toBe(busyNs);
        expect(link.utilization(sim.now)).toBeLessThanOrEqual(1);
        const spans = sim.trace.records().filter((r): r is SpanRecord => r.kind === 'span');
        expect(spans.map((s) => [s.messageId, s.startNs, s.endNs])).toEqual(
          want.map((w) => [w.index, w.startNs, w.arriveNs]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('takes 8 ns per byte at 1 Gbit/s', () => {
    const link = new Link(new Simulator(), 'gbe', 1e9, 500);
    expect(link.serializationNs(1500)).toBe(12_000);
    expect(link.transmit(1500).arriveNs).toBe(12_500);
  });

  it('rejects a zero rate and a negative delay', () => {
    expect(() => new Link(new Simulator(), 'l', 0, 0)).toThrow(RangeError);
    expect(() => new Link(new Simulator(), 'l', 1e9, -1)).toThrow(RangeError);
  });
});
