import { describe, expect, it } from 'vitest';
import { warmupMessages } from '../model/measure.ts';
import type { Scenario } from '../model/types.ts';
import { LiveRun } from './liveRun.ts';

const PINGPONG: Scenario = {
  mode: 'zero-copy',
  workload: 'pingpong',
  op: 'write',
  sizeBytes: 64,
  pairs: 1,
  window: 8,
  messages: 1,
  seed: 1,
  params: {},
};

/** Advances in 1 µs steps until `done` (a bounded number of steps). */
function advanceUntil(live: LiveRun, done: () => boolean, limitNs = 5_000_000): void {
  while (!done()) {
    if (live.nowNs >= limitNs) throw new Error('condition not reached');
    live.advanceTo(live.nowNs + 1_000, Number.MAX_SAFE_INTEGER, 100_000);
  }
}

const countIn = (label: string) => Number(/mean of ([\d,]+)/.exec(label)![1].replace(/,/g, ''));

describe('live readout', () => {
  it('says there is no latency yet before the first message arrives', () => {
    const r = new LiveRun(PINGPONG).readout();
    expect(r.latency).toEqual({
      what: 'one-way latency',
      meanUs: 0,
      meanLabel: 'no message yet',
      lastUs: 0,
      coldUs: null,
    });
    expect(r.throughput.miBps).toBe(0);
    expect(r.deliveredLabel).toBe('messages delivered');
  });

  it('labels the mean as warming up until the steady-state window opens, then counts warm messages', () => {
    const live = new LiveRun(PINGPONG);
    advanceUntil(live, () => live.readout().delivered >= 1);
    const first = live.readout().latency!;
    expect(first.meanLabel).toBe('mean of 1 message, warming up');
    expect(first.meanUs).toBe(first.lastUs);
    expect(first.coldUs).toBeNull();
    // The first message's latency is its journey from first stage to arrival.
    expect(first.lastUs * 1000).toBe(live.journey(live.lastDeliveredMessage()).endToEndNs);

    live.advanceTo(live.nowNs + 1_000_000, Number.MAX_SAFE_INTEGER, 100_000);
    const r = live.readout();
    const lat = r.latency!;
    expect(lat.meanLabel).toMatch(/^mean of [\d,]+ warm messages$/);
    // Messages after the model's warm-up are measured; the one that completes it is not.
    expect(countIn(lat.meanLabel)).toBe(r.delivered - warmupMessages('pingpong', PINGPONG.window));
    // The first use registers buffers: the cold message is slower, and it is named apart.
    expect(lat.coldUs).not.toBeNull();
    expect(lat.coldUs!).toBeGreaterThan(lat.meanUs * 1.01);
    expect(lat.lastUs * 1000).toBe(live.journey(live.lastDeliveredMessage()).endToEndNs);
    expect(Math.abs(lat.meanUs - lat.lastUs)).toBeLessThan(0.05 * lat.meanUs);
  });

  it('shows no cold figure when the first message is no slower than the rest', () => {
    const live = new LiveRun({ ...PINGPONG, mode: 'pv-tcp' });
    live.advanceTo(2_000_000, Number.MAX_SAFE_INTEGER, 100_000);
    const lat = live.readout().latency!;
    expect(lat.meanLabel).toMatch(/warm messages$/);
    expect(lat.coldUs).toBeNull();
  });

  it('names what one latency measures for each workload and operation', () => {
    const what = (s: Partial<Scenario>) => new LiveRun({ ...PINGPONG, ...s }).readout().latency?.what;
    expect(what({})).toBe('one-way latency');
    expect(what({ op: 'read' })).toBe('READ: request → data');
    expect(what({ workload: 'stream' })).toBe('issue → completion');
    const pktgen = new LiveRun({ ...PINGPONG, mode: 'pv-tcp', workload: 'pktgen', sizeBytes: 1514 });
    expect(pktgen.readout().latency).toBeNull();
    expect(pktgen.readout().deliveredLabel).toBe('packets delivered');
  });

  it('counts streaming throughput from bytes as they arrive, before any 1 MiB message is whole', () => {
    const sizeBytes = 2 ** 20;
    const live = new LiveRun({ ...PINGPONG, workload: 'stream', sizeBytes, pairs: 8 });
    advanceUntil(live, () => live.readout().throughput.miBps > 0);
    const early = live.readout();
    expect(early.delivered).toBe(0);
    expect(early.throughput.label).toMatch(/bytes arrive/);
    live.advanceTo(20_000_000, Number.MAX_SAFE_INTEGER, 1_000_000);
    const r = live.readout();
    expect(r.delivered).toBeGreaterThan(0);
    // Bytes arrived are at least the whole messages delivered; the mean runs from the first issue.
    const arrivedBytes = (r.throughput.miBps * 2 ** 20 * r.nowNs) / 1e9;
    expect(arrivedBytes).toBeGreaterThanOrEqual(r.delivered * sizeBytes);
  });
});

describe('journey of a live message', () => {
  it('is in flight until it arrives, then end to end from its first stage to its arrival', () => {
    const live = new LiveRun({ ...PINGPONG, mode: 'pv-tcp' });
    advanceUntil(live, () => live.messagesIssued > 0 && live.journey(0).spans.length > 0);
    const startNs = live.journey(0).spans[0].startNs;
    live.advanceTo(startNs + 30_000, Number.MAX_SAFE_INTEGER, 100_000);
    const flying = live.journey(0);
    expect(flying).toMatchObject({ arrivedNs: null, endToEndNs: null, sinceStartNs: 30_000 });

    advanceUntil(live, () => live.readout().delivered >= 1);
    const arrived = live.journey(0);
    expect(arrived.arrivedNs).not.toBeNull();
    expect(arrived.endToEndNs).toBe(arrived.arrivedNs! - startNs);
    expect(arrived.endToEndNs! / 1000).toBe(live.readout().latency!.lastUs);
  });

  it('names the pktgen packet that arrived, so its journey ends at its arrival', () => {
    const live = new LiveRun({ ...PINGPONG, mode: 'pv-tcp', workload: 'pktgen', sizeBytes: 1514 });
    live.advanceTo(500_000, Number.MAX_SAFE_INTEGER, 100_000);
    expect(live.readout().delivered).toBeGreaterThan(0);
    const first = live.journey(0);
    expect(first.arrivedNs).not.toBeNull();
    expect(first.endToEndNs).toBeGreaterThan(0);
  });
});
