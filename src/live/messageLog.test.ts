import { describe, expect, it } from 'vitest';
import { Recorder } from '../model/workloads/recorder.ts';
import { ARRIVALS_KEPT, MessageLog } from './messageLog.ts';

const recorder = () => new Recorder({ pairs: 1, warmupPerPair: 0, measuredTotal: 1_000_000_000 });

describe('MessageLog', () => {
  it('knows when each recent message arrived, and −1 for one in flight', () => {
    const rec = recorder();
    const log = new MessageLog(rec);
    rec.delivered(100, 64, 0, 0);
    rec.delivered(250, 64, 0, 2);
    expect(log.arrivalNs(0)).toBe(100);
    expect(log.arrivalNs(1)).toBe(-1);
    expect(log.arrivalNs(2)).toBe(250);
    expect(log.arrivalNs(-1)).toBe(-1);
  });

  it('keeps the last ARRIVALS_KEPT ids in a fixed ring, however long the run', () => {
    const rec = recorder();
    const log = new MessageLog(rec);
    const n = 3 * ARRIVALS_KEPT + 17;
    const heldBefore = (log as unknown as { arrivedAtNs: Float64Array }).arrivedAtNs.length;
    for (let id = 0; id < n; id++) rec.delivered(id * 10, 64, 0, id);
    const held = log as unknown as { arrivedAtNs: Float64Array; idAt: Float64Array };
    expect(held.arrivedAtNs.length).toBe(heldBefore);
    expect(held.arrivedAtNs.length).toBeLessThanOrEqual(ARRIVALS_KEPT);
    expect(held.idAt.length).toBeLessThanOrEqual(ARRIVALS_KEPT);
    // Every one of the last ARRIVALS_KEPT ids is known; the one before them is forgotten.
    for (const id of [n - 1, n - 1000, n - ARRIVALS_KEPT]) expect(log.arrivalNs(id)).toBe(id * 10);
    expect(log.arrivalNs(n - ARRIVALS_KEPT - 1)).toBe(-1);
    expect(log.arrivalNs(0)).toBe(-1);
  });

  it('a late arrival of an old message does not evict the newer one in its slot', () => {
    const rec = recorder();
    const log = new MessageLog(rec);
    rec.delivered(500, 64, 0, ARRIVALS_KEPT + 3);
    rec.delivered(600, 64, 0, 3);
    expect(log.arrivalNs(ARRIVALS_KEPT + 3)).toBe(500);
    expect(log.arrivalNs(3)).toBe(-1);
  });
});
