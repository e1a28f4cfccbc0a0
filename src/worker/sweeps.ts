import type { Category } from '../model/categories.ts';
import {
  PKTGEN_SIZES,
  SWEEP_SIZES,
  cpuByCategory,
  figureRun,
  type FigureSettings,
} from '../model/figures.ts';
import { PKTGEN_MODES } from '../model/modes.ts';
import { runScenario } from '../model/run.ts';
import type { Mode } from '../model/types.ts';

/**
 * What the sweep charts need of one mode at one size. Every number comes from the model's figure
 * runs (`figureRun`), the same runs the command line's `figure` makes, so both agree to the digit.
 */
export interface ChartPoint {
  /** `rdma`: the RDMA benchmark at a message size; `pktgen`: socket-buffer production at a frame size. */
  readonly kind: 'rdma' | 'pktgen';
  readonly mode: Mode;
  readonly sizeBytes: number;
  /** One-way latency (ping-pong), mean over the steady-state window, µs. */
  readonly latencyUs: number;
  /** Streaming (or pktgen) throughput over the steady-state window, MiB/s. */
  readonly throughputMiBps: number;
  /** CPU per message, one write at a time, ns by category: the driver domain (`dom0`) and the guest. */
  readonly cpuNs: {
    readonly dom0: Partial<Record<Category, number>>;
    readonly vm: Partial<Record<Category, number>>;
  };
}

/** A sweep request: the modes to draw and the settings the figures depend on. */
export interface SweepRequest extends FigureSettings {
  readonly modes: readonly Mode[];
  readonly sizes?: readonly number[];
}

export const sweepSizes = (r: SweepRequest) => r.sizes ?? SWEEP_SIZES;

/** The number of points a request computes (for the progress indicator): RDMA points, then pktgen's. */
export function sweepLength(r: SweepRequest): number {
  return r.modes.length * sweepSizes(r).length + PKTGEN_MODES.length * PKTGEN_SIZES.length;
}

/** The poster's pktgen figure: each pktgen mode at each frame size. */
function pktgenPoint(r: SweepRequest, i: number): ChartPoint {
  const mode = PKTGEN_MODES[Math.floor(i / PKTGEN_SIZES.length)];
  const sizeBytes = PKTGEN_SIZES[i % PKTGEN_SIZES.length];
  const result = runScenario(figureRun('pktgen', mode, sizeBytes, r));
  return {
    kind: 'pktgen',
    mode,
    sizeBytes,
    latencyUs: 0,
    throughputMiBps: result.throughputMiBps,
    cpuNs: { dom0: {}, vm: {} },
  };
}

/** Computes point `i` of a request: the latency, throughput and CPU figures' runs of one mode and size. */
export function sweepPoint(r: SweepRequest, i: number): ChartPoint {
  const sizes = sweepSizes(r);
  const rdmaPoints = r.modes.length * sizes.length;
  if (i >= rdmaPoints) return pktgenPoint(r, i - rdmaPoints);
  const mode = r.modes[Math.floor(i / sizes.length)];
  const sizeBytes = sizes[i % sizes.length];
  const latency = runScenario(figureRun('latency', mode, sizeBytes, r));
  const stream = runScenario(figureRun('throughput', mode, sizeBytes, r));
  const cpu = runScenario(figureRun('cpu', mode, sizeBytes, r));
  return {
    kind: 'rdma',
    mode,
    sizeBytes,
    latencyUs: latency.latencyUs.mean,
    throughputMiBps: stream.throughputMiBps,
    cpuNs: { dom0: cpuByCategory(cpu, 'dom0'), vm: cpuByCategory(cpu, 'vm') },
  };
}
