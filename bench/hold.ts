import { RandomStream, Simulator } from '../src/engine/index.ts';
import { BareHeap } from './bareHeap.ts';
import type { Case } from './measure.ts';

/**
 * The classic hold model: with `pending` events in the set, each step removes the earliest and
 * schedules one at now + an exponential delay, so the set keeps its size. The delays come from one
 * precomputed table shared by the engine and the reference, so both do the same queue work and
 * drawing random numbers is billed to neither.
 */
const TABLE_BITS = 20;
const MASK = (1 << TABLE_BITS) - 1;
const MEAN_DELAY_NS = 1_000_000;

let table: Int32Array | null = null;

/** The shared table of integer exponential delays (built once). */
export function holdDelays(): Int32Array {
  if (!table) {
    const rng = new RandomStream(1, 'hold');
    table = new Int32Array(1 << TABLE_BITS);
    for (let i = 0; i < table.length; i++) table[i] = Math.round(rng.exponential(MEAN_DELAY_NS));
  }
  return table;
}

/** The engine's hold model with `pending` events scheduled and none run yet. */
export function buildEngineHold(pending: number): Simulator {
  const d = holdDelays();
  const sim = new Simulator({ seed: 1 });
  let k = 0;
  const hold = (): void => {
    sim.schedule(d[k++ & MASK], hold);
  };
  for (let i = 0; i < pending; i++) sim.schedule(d[k++ & MASK], hold);
  return sim;
}

/**
 * Through the engine's public API (schedule + runEvents). `pending` steps run untimed first, so the
 * timed steps see the hold model's steady state rather than the initial crowd near time zero.
 */
export function engineHold(pending: number, events: number): Case {
  return () => {
    const sim = buildEngineHold(pending);
    sim.runEvents(pending);
    return () => sim.runEvents(events);
  };
}

/** The same loop over the bare heap: the reference the engine is judged against. */
export function bareHold(pending: number, events: number): Case {
  return () => {
    const d = holdDelays();
    const heap = new BareHeap(1024);
    let k = 0;
    for (let i = 0; i < pending; i++) heap.push(d[k++ & MASK], i);
    const step = (count: number): number => {
      for (let i = 0; i < count; i++) {
        const now = heap.topTime;
        const value = heap.pop();
        heap.push(now + d[k++ & MASK], value);
      }
      return count;
    };
    step(pending);
    return () => step(events);
  };
}
