import { describe, expect, it } from 'vitest';
import { runScenario } from '../run.ts';
import { scenario } from './helpers.ts';

/** The NIC's bounded buffers: the wire paces what leaves memory; a full receiver pauses its senders. */
describe('NIC buffers', () => {
  it('completions of streamed WRITEs keep pace with the wire, not with PCIe', () => {
    const r = runScenario(
      scenario({ mode: 'zero-copy', workload: 'stream', sizeBytes: 1 << 20, window: 8, messages: 32 }),
    );
    // The issuer counts a WRITE done when its last frame is read into the NIC; with an on-chip buffer of
    // 160 KiB, at most that much has not yet left, so completions run at the wire's rate.
    const completedPerSec = r.littlesLaw!.rateTimesLatency / (r.latencyUs.mean / 1e6);
    const deliveredPerSec = r.measuredMessages / (r.measuredNs / 1e9);
    expect(Math.abs(completedPerSec / deliveredPerSec - 1)).toBeLessThan(0.02);
    expect(r.counters.nicTxBufPeakBytes).toBeLessThanOrEqual(160 * 1024);
    expect(r.utilization['h0/wire']).toBeGreaterThan(0.95);
    expect(r.utilization['h0/dma-tx']).toBeLessThan(0.9); // PCIe is faster than the wire
  });

  // Sixteen pairs of small framework writes, 64 in flight each: the receiving Dom0 spends
  // microseconds per frame that the wire delivers in a tenth of one, and 1,024 frames can be on
  // their way at once, more than a 64-slot ring and a 32-KiB buffer hold.
  const overload = (nicPause: number) =>
    runScenario(
      scenario({
        mode: 'zero-copy',
        workload: 'stream',
        sizeBytes: 64,
        pairs: 16,
        window: 64,
        messages: 8,
        params: { nicPause, nicRxRingSlots: 64, nicRxBufKiB: 32 },
      }),
    );

  it('a receiver that cannot keep up sends PAUSE and loses nothing', () => {
    const r = overload(1);
    expect(r.counters.pauseFrames).toBeGreaterThan(0);
    expect(r.counters.rxDrops ?? 0).toBe(0);
    expect(r.counters.nicRxRingPeak).toBeLessThanOrEqual(64);
    expect(r.counters.nicRxBufPeakBytes).toBeLessThanOrEqual(32 * 1024);
    expect(r.counters.bytesReceived).toBe(r.counters.bytesSent);
  });

  it('without PAUSE the frames that do not fit are dropped and counted', () => {
    const r = overload(0);
    expect(r.counters.rxDrops).toBeGreaterThan(0);
    expect(r.counters.pauseFrames ?? 0).toBe(0);
  });

  it('over TCP, lost frames stall their messages (no retransmission is modelled) and the run still ends', () => {
    const r = runScenario(
      scenario({
        mode: 'pv-tcp',
        workload: 'stream',
        sizeBytes: 65536,
        pairs: 8,
        window: 8,
        messages: 8,
        params: { nicPause: 0, nicRxRingSlots: 64, nicRxBufKiB: 32 },
      }),
    );
    expect(r.counters.rxDrops).toBeGreaterThan(0);
    expect(r.counters.messagesDelivered).toBeLessThan(r.counters.messagesIssued);
  });
});
