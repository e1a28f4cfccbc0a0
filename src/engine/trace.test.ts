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
