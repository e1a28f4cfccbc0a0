import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Trace, type TraceRecord } from './index.ts';

/** The trace buffer keeps the newest `capacity` records in order and counts what it overwrote. */
describe('Trace', () => {
  it('keeps the last records oldest first, counts the dropped, and shows subscribers all', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(200), fc.boolean(), (capacity, n, clearHalfway) => {
        const trace = new Trace(capacity);
        const seen: TraceRecord[] = [];
        const unsubscribe = trace.subscribe((r) => seen.push(r));
        expect(trace.active).toBe(true);
        let first = 0;
        for (let i = 0; i < n; i++) {
          if (clearHalfway && i === n >> 1) {
            trace.clear();
            first = i;
          }
          if (i % 2) trace.instant('c', 'tick', i, i);
          else trace.span('cpu', 'dom0', 'netback', i, i, i + 1);
        }
        const written = n - first;
        const kept = trace.records();
        expect(kept.length).toBe(Math.min(written, capacity));
        expect(trace.size).toBe(kept.length);
        // With capacity 0 the trace keeps nothing, so nothing counts as overwritten.
        expect(trace.dropped).toBe(capacity > 0 ? Math.max(0, written - capacity) : 0);
        expect(kept.map((r) => r.messageId)).toEqual(
          Array.from({ length: kept.length }, (_, k) => n - kept.length + k),
        );
        expect(seen.length).toBe(n);
        unsubscribe();
        trace.instant('c', 'late', -1, 0);
        expect(seen.length).toBe(n);
        expect(trace.active).toBe(capacity > 0);
      }),
    );
  });

  it('labels a span with its category unless given a label', () => {
    const trace = new Trace(4);
    trace.span('cpu', 'vm1', 'grant-copy', 7, 10, 20);
    trace.span('cpu', 'vm1', 'hypercall', 7, 20, 25, 'EVTCHNOP_send');
    expect(trace.records().map((r) => (r.kind === 'span' ? r.label : ''))).toEqual([
      'grant-copy',
      'EVTCHNOP_send',
    ]);
  });
});

/** The buffer keeps records in typed arrays: what comes back out must be what went in. */
describe('Trace storage', () => {
  it('gives back exactly the records its subscribers saw (the newest `capacity`), past the columns growing and wrapping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_000 }), fc.integer({ min: 0, max: 12_000 }), (capacity, n) => {
        const trace = new Trace(capacity);
        const seen: TraceRecord[] = [];
        trace.subscribe((r) => seen.push(r));
        for (let i = 0; i < n; i++) {
          // Times past 2^31 and fractions, negative ids and a label unlike the category.
          const t = 2 ** 31 + i * 1.5;
          if (i % 3 === 0) trace.instant(`h${i % 2}/iotlb`, `evtchn ${i % 5}`, i - 1, t);
          else
            trace.span(`h${i % 4}/nic`, 'hw', 'dma', i % 7 === 0 ? -1 : i, t, t + 10, i % 2 ? 'DMA' : 'dma');
        }
        expect(trace.records()).toEqual(seen.slice(Math.max(0, n - capacity)));
        expect(trace.byteLength).toBeLessThanOrEqual(capacity * 41);
      }),
      { numRuns: 25 },
    );
  });

  it('builds only the spans a filter keeps, oldest first', () => {
    const trace = new Trace(5);
    for (let i = 0; i < 8; i++) trace.span('cpu', 'vm1', 'netfront', i % 2, i * 10, i * 10 + 5);
    trace.instant('cpu', 'tick', 1, 75);
    expect(trace.spans((id) => id === 1).map((s) => s.startNs)).toEqual([50, 70]);
    expect(trace.spans((_id, s, e) => e >= 42 && s <= 60).map((s) => s.startNs)).toEqual([40, 50, 60]);
    expect(trace.spans().length).toBe(4);
  });

  it('keeps its table of names bounded when every record brings a new name', () => {
    const trace = new Trace(100);
    for (let i = 0; i < 50_000; i++) trace.span(`c${i}`, `o${i}`, 'cat', i, i, i + 1, `label ${i}`);
    const names = (trace as unknown as { table: { size: number } }).table.size;
    // The 100 records kept use 301 names; the table is rebuilt once it holds 4,096 (or twice its last size).
    expect(names).toBeLessThan(4_096);
    expect(trace.records().map((r) => (r.kind === 'span' ? r.label : ''))).toEqual(
      Array.from({ length: 100 }, (_, k) => `label ${49_900 + k}`),
    );
    trace.clear();
    expect(trace.records()).toEqual([]);
    trace.span('cpu', 'dom0', 'netback', 3, 1, 2);
    expect(trace.records()).toEqual([
      {
        kind: 'span',
        component: 'cpu',
        owner: 'dom0',
        category: 'netback',
        messageId: 3,
        startNs: 1,
        endNs: 2,
        label: 'netback',
      },
    ]);
  });
});
