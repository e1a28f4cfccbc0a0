import { PKTGEN_SIZES, cpuByCategory, figureRun, type FigureName } from '../model/figures.ts';
import { MODE_DESCRIPTORS, PKTGEN_MODES } from '../model/modes.ts';
import { runScenario } from '../model/run.ts';
import type { Mode } from '../model/types.ts';
import { sweepLength, sweepSizes, type ChartPoint, type SweepRequest } from './sweeps.ts';

/**
 * A sweep cut into its smallest units: one figure run each (one mode, one size, one metric), so a
 * pool of workers can share it and a cancelled request wastes at most one run per worker.
 */
export interface SweepTask {
  /** Position in the request's task list (the pool's key for the result). */
  readonly index: number;
  readonly figure: FigureName;
  readonly mode: Mode;
  readonly sizeBytes: number;
  /** 0: the coarse curves, shown first; 1: the sizes that fill them in. */
  readonly stage: 0 | 1;
  /** Relative cost, to order the work (not a time). */
  readonly cost: number;
}

export type CpuNs = ChartPoint['cpuNs'];
/** latency: µs; throughput and pktgen: MiB/s; cpu: ns per message by domain and category. */
export type TaskValue = number | CpuNs;

/** The RDMA figures a chart point is made of. */
const RDMA_FIGURES = ['latency', 'throughput', 'cpu'] as const;

/**
 * Sizes of the first curves: every other size up to the fifth (64 B, 1 KiB, 16 KiB of the poster's
 * sweep). A run's work grows with the bytes it moves, so these take a small part of the whole
 * and still span three decades of the size axis.
 */
export function coarseSizes(sizes: readonly number[]): number[] {
  return sizes.slice(0, 5).filter((_, i) => i % 2 === 0);
}

/**
 * A figure run's relative cost: the events it simulates grow with the bytes moved (messages × size
 * × pairs), TCP's segments cost several times the framework's descriptors, and every run has a
 * fixed part. Only the order matters.
 */
function taskCost(r: SweepRequest, figure: FigureName, mode: Mode, sizeBytes: number): number {
  if (figure === 'pktgen') return 16384; // 20,000 frames: about a 16 KiB point's work
  const pairs = figure === 'cpu' || !MODE_DESCRIPTORS[mode].hasVms ? 1 : r.pairs;
  const tcp = MODE_DESCRIPTORS[mode].domains.includes('vm') && mode.includes('tcp') ? 8 : 1;
  const streamed = figure === 'throughput' ? 2 : 1;
  return (sizeBytes + 4096) * pairs * tcp * streamed;
}

/**
 * The request's tasks in the order to run them: the coarse curves of every mode first (cheapest
 * first), then the rest by cost, except that the most expensive runs start at once on all but one
 * worker, so the longest run is not left for last (it bounds the time to complete curves).
 */
export function planTasks(r: SweepRequest, workers = 2): SweepTask[] {
  const sizes = sweepSizes(r);
  const coarse = new Set(coarseSizes(sizes));
  const tasks: Omit<SweepTask, 'index'>[] = [];
  for (const mode of r.modes)
    for (const sizeBytes of sizes)
      for (const figure of RDMA_FIGURES)
        tasks.push({
          figure,
          mode,
          sizeBytes,
          stage: coarse.has(sizeBytes) ? 0 : 1,
          cost: taskCost(r, figure, mode, sizeBytes),
        });
  for (const mode of PKTGEN_MODES)
    for (const sizeBytes of PKTGEN_SIZES)
      tasks.push({
        figure: 'pktgen',
        mode,
        sizeBytes,
        stage: 1,
        cost: taskCost(r, 'pktgen', mode, sizeBytes),
      });
  const indexed = tasks.map((t, index) => ({ ...t, index }));
  const byCost = (a: SweepTask, b: SweepTask) => a.cost - b.cost || a.index - b.index;
  const first = indexed.filter((t) => t.stage === 0).sort(byCost);
  const rest = indexed.filter((t) => t.stage === 1).sort(byCost);
  const longest = rest.splice(Math.max(0, rest.length - Math.max(0, workers - 1))).reverse();
  return [...first, ...longest, ...rest];
}

/** A run's identity: the scenario it simulates (settings a figure ignores do not split it). */
export function runKey(r: SweepRequest, t: Pick<SweepTask, 'figure' | 'mode' | 'sizeBytes'>): string {
  return `${t.figure}:${JSON.stringify(figureRun(t.figure, t.mode, t.sizeBytes, r))}`;
}

/** Runs one task: one figure run, reduced to the number the charts read. */
export function runTask(
  r: SweepRequest,
  t: Pick<SweepTask, 'figure' | 'mode' | 'sizeBytes'>,
  onProgress?: (events: number) => void,
): TaskValue {
  const result = runScenario(figureRun(t.figure, t.mode, t.sizeBytes, r), onProgress);
  switch (t.figure) {
    case 'latency':
      return result.latencyUs.mean;
    case 'throughput':
    case 'pktgen':
      return result.throughputMiBps;
    case 'cpu':
      return { dom0: cpuByCategory(result, 'dom0'), vm: cpuByCategory(result, 'vm') };
  }
}

/** The task list's index of a figure at a mode and size (planTasks' numbering, before ordering). */
function taskIndex(r: SweepRequest, figure: FigureName, mode: Mode, sizeBytes: number): number {
  const sizes = sweepSizes(r);
  if (figure === 'pktgen') {
    const base = r.modes.length * sizes.length * RDMA_FIGURES.length;
    return base + PKTGEN_MODES.indexOf(mode) * PKTGEN_SIZES.length + PKTGEN_SIZES.indexOf(sizeBytes);
  }
  const f = RDMA_FIGURES.indexOf(figure);
  return (r.modes.indexOf(mode) * sizes.length + sizes.indexOf(sizeBytes)) * RDMA_FIGURES.length + f;
}

/**
 * The chart points whose runs are all done, in the single-worker sweep's order (`sweepPoint`'s
 * numbering), so a complete set equals what one worker computes point by point.
 */
export function assemblePoints(r: SweepRequest, values: readonly (TaskValue | undefined)[]): ChartPoint[] {
  const sizes = sweepSizes(r);
  const out: ChartPoint[] = [];
  for (const mode of r.modes)
    for (const sizeBytes of sizes) {
      const [latency, throughput, cpu] = RDMA_FIGURES.map((f) => values[taskIndex(r, f, mode, sizeBytes)]);
      if (latency === undefined || throughput === undefined || cpu === undefined) continue;
      out.push({
        kind: 'rdma',
        mode,
        sizeBytes,
        latencyUs: latency as number,
        throughputMiBps: throughput as number,
        cpuNs: cpu as CpuNs,
      });
    }
  for (const mode of PKTGEN_MODES)
    for (const sizeBytes of PKTGEN_SIZES) {
      const v = values[taskIndex(r, 'pktgen', mode, sizeBytes)];
      if (v === undefined) continue;
      out.push({
        kind: 'pktgen',
        mode,
        sizeBytes,
        latencyUs: 0,
        throughputMiBps: v as number,
        cpuNs: { dom0: {}, vm: {} },
      });
    }
  return out;
}

/** True when every chart point of the request is there. */
export const isComplete = (r: SweepRequest, points: readonly ChartPoint[]) =>
  points.length === sweepLength(r);
