import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ComponentLog } from './componentLog.ts';
import { ComponentsBuilder, CPU, DMA, EVTCHN, IOTLB, RING, type ComponentKind } from './liveComponents.ts';

const KEYS: [ComponentKind, string, number][] = [
  [CPU, 'h0/vm0/vcpu0', 0],
  [CPU, 'h0/dom0/vcpu0', 0],
  [RING, 'h0/vm0/tx-ring', 256],
  [RING, 'h0/nic/tx-ring', 1024],
  [EVTCHN, 'h0/dom0', 0],
  [DMA, 'h0/dma-tx', 0],
  [IOTLB, 'h0', 0],
];

/** A sample: one value per component (ring levels within their slots, the rest small codes). */
const sample = fc.tuple(
  fc.nat(3), // events run since the last sample (0: another sample after the same event)
  fc.array(fc.nat(300), { minLength: KEYS.length, maxLength: KEYS.length }),
  fc.nat(KEYS.length), // components present: a frontend's ring appears later in a run
);

function stateOf(values: number[], present: number) {
  const b = new ComponentsBuilder();
  KEYS.forEach(([kind, key, slots], i) => {
    if (i >= Math.max(1, present)) return;
    const v = kind === RING ? values[i] % (slots + 1) : values[i] % (kind === IOTLB ? 3 : 2);
    b.add(kind, key, v, slots);
  });
  return b.build();
}

describe('ComponentLog', () => {
  it('answers the state after any event it still holds as the last sample at or before it, across wrap-around', () => {
    fc.assert(
      fc.property(
        fc.array(sample, { minLength: 1, maxLength: 400 }),
        fc.constantFrom(64, 1_500, 1 << 20),
        (samples, capacity) => {
          const log = new ComponentLog(capacity);
          const truth: { events: number; state: ReturnType<typeof stateOf> }[] = [];
          let events = 0;
          let present = 1;
          for (const [dt, values, more] of samples) {
            events += dt;
            present = Math.max(present, more); // components only appear, never go
            const state = stateOf(values, present);
            const b = new ComponentsBuilder();
            KEYS.forEach(([kind, key, slots], i) => {
              if (i < present) {
                const rec = { ...state.cpuBusy, ...state.evtchnPending, ...state.dmaActive } as Record<
                  string,
                  unknown
                >;
                const v =
                  kind === RING
                    ? state.rings[key].used
                    : kind === IOTLB
                      ? [null, 'hit', 'miss'].indexOf(state.iotlb[key])
                      : Number(rec[key]);
                log.set(kind, key, v, slots);
                b.add(kind, key, v, slots);
              }
            });
            log.commit(events);
            if (truth.at(-1)?.events === events) truth.pop();
            truth.push({ events, state: b.build() });
          }
          for (let e = -1; e <= events + 1; e++) {
            const got = log.at(e);
            const expected = [...truth].reverse().find((t) => t.events <= e);
            if (e < log.fromEvents) expect(got).toBeNull();
            else expect(got).toEqual(expected!.state);
          }
          if (capacity === 1 << 20) expect(log.fromEvents).toBe(truth[0].events); // nothing dropped
          expect(log.fromEvents).toBeLessThanOrEqual(events); // a wrapped ring still answers its recent part
        },
      ),
      { numRuns: 150, seed: 5 },
    );
  });

  it('keeps only changes: a long run of unchanged samples takes no room', () => {
    const log = new ComponentLog();
    const before = log.byteLength;
    for (let e = 0; e < 100_000; e++) {
      log.set(CPU, 'h0/vm0/vcpu0', 1, 0);
      log.commit(e);
    }
    expect(log.byteLength).toBeLessThan(before + 1024);
    expect(log.at(99_999)?.cpuBusy).toEqual({ 'h0/vm0/vcpu0': 1 });
  });
});
