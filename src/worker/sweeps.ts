import type { Category } from '../model/categories.ts';
import { PKTGEN_SIZES, SWEEP_SIZES, sweepMessages } from '../model/figures.ts';
import { PKTGEN_MODES } from '../model/modes.ts';
import { runScenario } from '../model/run.ts';
import type { Mode, Op, Scenario } from '../model/types.ts';

/** What the sweep charts need of one run. */
export interface SweepPoint {
  /** `rdma`: the RDMA benchmark at a message size; `pktgen`: socket-buffer production at a frame size. */
  readonly kind: 'rdma' | 'pktgen';
  readonly mode: Mode;
  readonly sizeBytes: number;
  /** One-way latency of a lone message (ping-pong), µs. */
  readonly latencyUs: number;
  /** Streaming throughput, MiB/s. */
  readonly throughputMiBps: number;
  /** CPU per message, one write at a time, ns by category. */
  readonly cpuNs: {
    readonly dom0: Partial<Record<Category, number>>;
    readonly vm: Partial<Record<Category, number>>;
  };
}

/** A sweep request: the settings the charts depend on. */
export interface SweepRequest {
  readonly modes: readonly Mode[];
  readonly op: Op;
  readonly pairs: number;
  readonly window: number;
  readonly seed: number;
  readonly params: Record<string, number>;
  readonly sizes?: readonly number[];
}

export const sweepSizes = (r: SweepRequest) => r.sizes ?? SWEEP_SIZES;

/** The number of points a request computes (for the progress indicator): RDMA points, then pktgen's. */
export function sweepLength(r: SweepRequest): number {
  return r.modes.length * sweepSizes(r).length + PKTGEN_MODES.length * PKTGEN_SIZES.length;
}

/** The poster's pktgen figure: each pktgen mode at each frame size. */
function pktgenPoint(r: SweepRequest, i: number): SweepPoint {
  const mode = PKTGEN_MODES[Math.floor(i / PKTGEN_SIZES.length)];
  const sizeBytes = PKTGEN_SIZES[i % PKTGEN_SIZES.length];
  const result = runScenario({
    mode,
    workload: 'pktgen',
    op: 'write',
    sizeBytes,
    pairs: 1,
    window: 1,
    messages: sweepMessages('pktgen', sizeBytes),
    seed: r.seed,
    params: r.params,
  });
  return {
    kind: 'pktgen',
    mode,
    sizeBytes,
    latencyUs: 0,
    throughputMiBps: result.throughputMiBps,
    cpuNs: { dom0: {}, vm: {} },
  };
}

/** Computes point `i` of a request: a latency run, a stream run and a CPU run of one mode and size. */
export function sweepPoint(r: SweepRequest, i: number): SweepPoint {
  const sizes = sweepSizes(r);
  const rdmaPoints = r.modes.length * sizes.length;
  if (i >= rdmaPoints) return pktgenPoint(r, i - rdmaPoints);
  const mode = r.modes[Math.floor(i / sizes.length)];
  const sizeBytes = sizes[i % sizes.length];
  const pairs = mode === 'native' || mode === 'dom0' ? 1 : r.pairs;
  const base: Scenario = {
    mode,
    workload: 'pingpong',
    op: r.op,
    sizeBytes,
    pairs,
    window: r.window,
    messages: 1,
    seed: r.seed,
    params: r.params,
  };
  const latency = runScenario({ ...base, messages: sweepMessages('pingpong', sizeBytes) });
  const stream = runScenario({ ...base, workload: 'stream', messages: sweepMessages('stream', sizeBytes) });
  const cpu = runScenario({
    ...base,
    workload: 'stream',
    window: 1,
    pairs: 1,
    messages: Math.max(2, Math.min(16, Math.ceil((1 << 20) / sizeBytes))),
  });
  return {
    kind: 'rdma',
    mode,
    sizeBytes,
    latencyUs: latency.latencyUs.mean,
    throughputMiBps: stream.throughputMiBps,
    cpuNs: {
      dom0: cpu.cpuNsPerMessage.dom0 ?? cpu.cpuNsPerMessage.linux ?? {},
      vm: cpu.cpuNsPerMessage.vm ?? {},
    },
  };
}
