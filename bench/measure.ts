/** Timing helpers shared by the benchmark sections. */

/** A full collection when node runs with --expose-gc, so one case's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * A case builds its state untimed and returns the timed part, which reports how many operations
 * (events) it did. Building afresh for every repetition keeps repetitions independent.
 */
export type Case = () => () => number;

/** Operations per second of one timed run of the case. */
function rateOnce(build: Case): number {
  const timed = build();
  collectGarbage();
  const t0 = process.hrtime.bigint();
  const ops = timed();
  return ops / (Number(process.hrtime.bigint() - t0) / 1e9);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((p, q) => p - q);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Comparison {
  /** Median operations per second of each case. */
  a: number;
  b: number;
  /** Median of the per-round ratios a/b. */
  ratio: number;
}

/**
 * Two cases measured in alternation, a then b in each round, after `warmups` untimed rounds. V8
 * needs a couple of runs before its optimizing tier settles (the first are up to a third slower).
 * Alternating means both cases see the same machine: on a shared machine the load drifts between
 * seconds, and a ratio of runs made side by side is far steadier than a ratio of runs made apart.
 * Medians shrug off one slow run (a GC pause, a noisy neighbour).
 */
export function compareRates(a: Case, b: Case, repetitions = 5, warmups = 2): Comparison {
  const ra: number[] = [];
  const rb: number[] = [];
  for (let i = 0; i < warmups + repetitions; i++) {
    const x = rateOnce(a);
    const y = rateOnce(b);
    if (i >= warmups) {
      ra.push(x);
      rb.push(y);
    }
  }
  return { a: median(ra), b: median(rb), ratio: median(ra.map((x, i) => x / rb[i])) };
}

/** Heap in use after a full collection, in bytes. */
export function heapUsedBytes(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
