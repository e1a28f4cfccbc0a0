import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../engine/trace.ts';
import { LiveRun } from './liveRun.ts';
import { RECENT_SPANS_CAP, RecentSpans } from './recentSpans.ts';

const span = (startNs: number, endNs: number, messageId = 1): SpanRecord => ({
  kind: 'span',
  component: 'h0/dom0/vcpu0',
  owner: 'dom0',
  category: 'netback',
  messageId,
  startNs,
  endNs,
  label: 'netback',
});

describe('RecentSpans', () => {
  it('keeps what may still be drawn: spans ending within the lookback, and spans not yet started', () => {
    const recent = new RecentSpans();
    for (let i = 0; i < 5000; i++) recent.add(span(i * 100, i * 100 + 50), i * 100);
    recent.add(span(900_000, 901_000), 500_000); // written ahead of the clock
    const shown = recent.at(500_000, 20_000);
    expect(shown.every((s) => s.endNs >= 480_000 || s.startNs > 500_000)).toBe(true);
    expect(shown.some((s) => s.startNs === 900_000)).toBe(true);
    expect(shown.some((s) => s.endNs >= 480_000 && s.endNs <= 500_000)).toBe(true);
  });

  it('stays bounded when nobody draws, and when one long span sits first', () => {
    const recent = new RecentSpans();
    recent.add(span(0, 1e15), 0); // a span that outlives the whole run
    let max = 0;
    for (let i = 1; i <= 500_000; i++) {
      recent.add(span(i * 10, i * 10 + 5, i), i * 10);
      max = Math.max(max, recent.size);
    }
    // The diagram's lookback (200 µs) at 10 ns a span holds 20,000 spans: pruning keeps about that.
    expect(max).toBeLessThanOrEqual(RECENT_SPANS_CAP);
    expect(recent.size).toBeLessThanOrEqual(2 * 20_001);
  });

  it('holds at most the cap even when the lookback covers everything', () => {
    const recent = new RecentSpans();
    recent.at(0, 1e15);
    for (let i = 0; i < 300_000; i++) recent.add(span(i, i + 1, i), i);
    expect(recent.size).toBeLessThanOrEqual(RECENT_SPANS_CAP);
    // The newest are the ones kept.
    expect(recent.at(300_000, 1e15).at(-1)?.messageId).toBe(299_999);
  });
});

describe('LiveRun spans for tokens', () => {
  it('holds a bounded number of spans over a long run that nobody draws', () => {
    const live = new LiveRun({
      mode: 'pv-tcp',
      workload: 'stream',
      op: 'write',
      sizeBytes: 64,
      pairs: 4,
      window: 64,
      messages: 1,
      seed: 1,
      params: {},
    });
    let max = 0;
    for (let i = 0; i < 40; i++) {
      live.advanceTo(Number.MAX_SAFE_INTEGER, 5_000, 1e12);
      max = Math.max(max, live.recentSpanCount);
    }
    expect(live.events).toBeGreaterThanOrEqual(200_000);
    expect(max).toBeLessThanOrEqual(RECENT_SPANS_CAP);
    expect(max).toBeLessThan(20_000); // the spans of the last 200 µs, not of the whole run
  });
});
