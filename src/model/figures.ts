import type { Category, DomainKind } from './categories.ts';
import { MODE_DESCRIPTORS, PKTGEN_MODES } from './modes.ts';
import { FIGURE_MESSAGES } from './measure.ts';
import { SWEEP_MAX_SIZE_BYTES } from './limits.ts';
import { POSTER } from './poster.ts';
import { runScenario } from './run.ts';
import type { Mode, Op, RunResult, Scenario } from './types.ts';

/**
 * The poster's figures as sweeps: one definition of what each figure runs, read by the charts'
 * worker, the command line's `figure` and `sweep`, and the docs, so the same settings give the same
 * numbers everywhere, to the last digit.
 */

/** Message sizes of the poster's sweeps: 64 B to 4 MiB in steps of 4. */
export const SWEEP_SIZES = [64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, SWEEP_MAX_SIZE_BYTES];
export const PKTGEN_SIZES = [64, 128, 256, 512, 1024, 1514];

export const FIGURE_NAMES = ['pktgen', 'throughput', 'latency', 'cpu'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** The modes the poster compares in each figure. */
export function figureModes(name: FigureName): Mode[] {
  return [...(name === 'pktgen' ? PKTGEN_MODES : POSTER.comparedModes)];
}

export function figureSizes(name: FigureName): number[] {
  return name === 'pktgen' ? PKTGEN_SIZES : SWEEP_SIZES;
}

/** What the figures depend on besides mode and size (the settings a student changes). */
export interface FigureSettings {
  readonly op: Op;
  /** VM pairs for the latency and throughput figures (1 for modes without VMs). */
  readonly pairs: number;
  /** Messages in flight per pair for the throughput figure. */
  readonly window: number;
  readonly seed: number;
  readonly params: Record<string, number>;
}

export const DEFAULT_FIGURE_SETTINGS: FigureSettings = {
  op: 'write',
  pairs: 1,
  window: 8,
  seed: 1,
  params: {},
};

/**
 * The run behind one point of a figure. pktgen: the sending domain alone, one pair. Throughput:
 * streaming with the window. Latency: ping-pong. CPU: the poster's "two VMs perform RDMA writes of
 * varying message sizes", one write at a time, so no completions merge.
 */
export function figureRun(name: FigureName, mode: Mode, sizeBytes: number, s: FigureSettings): Scenario {
  const pairs = MODE_DESCRIPTORS[mode].hasVms ? s.pairs : 1;
  // Figures report only what the window measured: the messages in flight at its end are not run.
  const base = {
    mode,
    sizeBytes,
    op: s.op,
    pairs,
    window: s.window,
    seed: s.seed,
    params: s.params,
    endAt: 'window' as const,
  };
  switch (name) {
    case 'pktgen':
      return { ...base, workload: 'pktgen', op: 'write', pairs: 1, messages: FIGURE_MESSAGES.pktgen };
    case 'throughput':
      return { ...base, workload: 'stream', messages: FIGURE_MESSAGES.stream };
    case 'latency':
      return { ...base, workload: 'pingpong', messages: FIGURE_MESSAGES.pingpong };
    case 'cpu':
      return { ...base, workload: 'stream', window: 1, pairs: 1, messages: FIGURE_MESSAGES.stream };
  }
}

/** One point of a sweep: a mode at a size, and what the run measured. */
export interface SweepPoint {
  readonly mode: Mode;
  readonly sizeBytes: number;
  readonly result: RunResult;
}

/** Runs `base` for every mode and size. */
export function sweep(base: Scenario, modes: readonly Mode[], sizes: readonly number[]): SweepPoint[] {
  return modes.flatMap((mode) =>
    sizes.map((sizeBytes) => ({ mode, sizeBytes, result: runScenario({ ...base, mode, sizeBytes }) })),
  );
}

/** Runs a figure: its modes (or `modes`) at its sizes (or `sizes`). */
export function runFigurePoints(
  name: FigureName,
  s: FigureSettings = DEFAULT_FIGURE_SETTINGS,
  modes: readonly Mode[] = figureModes(name),
  sizes: readonly number[] = figureSizes(name),
): SweepPoint[] {
  return modes.flatMap((mode) =>
    sizes.map((sizeBytes) => ({ mode, sizeBytes, result: runScenario(figureRun(name, mode, sizeBytes, s)) })),
  );
}

/**
 * The rows of the CPU figure: `dom0` is the driver domain (Dom0, with a stub domain's CPU added when
 * there is one, or Linux natively), `vm` the guest.
 */
export const CPU_FIGURE_DOMAINS = ['dom0', 'vm'] as const;
export type CpuFigureDomain = (typeof CPU_FIGURE_DOMAINS)[number];

/** The domain kinds whose CPU a figure's row adds up. */
const ROW_KINDS: Record<CpuFigureDomain, readonly DomainKind[]> = {
  dom0: ['dom0', 'stubdom', 'linux'],
  vm: ['vm'],
};

/** CPU ns per message of a figure row, by category (a stub domain's CPU counts as the driver domain's). */
export function cpuByCategory(r: RunResult, row: CpuFigureDomain): Partial<Record<Category, number>> {
  const out: Partial<Record<Category, number>> = {};
  for (const kind of ROW_KINDS[row]) {
    for (const [c, ns] of Object.entries(r.cpuNsPerMessage[kind] ?? {}) as [Category, number][]) {
      out[c] = Number(((out[c] ?? 0) + ns).toFixed(1));
    }
  }
  return out;
}

/** CPU ns per message of a figure row, all categories. */
export function cpuTotalNs(r: RunResult, row: CpuFigureDomain): number {
  return Object.values(cpuByCategory(r, row)).reduce((a: number, b) => a + (b ?? 0), 0);
}

/** A figure as a table: a header row and data rows, with the poster's value where it states one. */
export interface FigureTable {
  readonly name: FigureName;
  readonly title: string;
  readonly columns: string[];
  readonly rows: (string | number)[][];
}

const round = (x: number, d = 1) => Number(x.toFixed(d));

export function figureTable(name: FigureName, points: SweepPoint[]): FigureTable {
  const modes = [...new Set(points.map((p) => p.mode))];
  const sizes = [...new Set(points.map((p) => p.sizeBytes))];
  const at = (mode: Mode, size: number) =>
    points.find((p) => p.mode === mode && p.sizeBytes === size)!.result;
  switch (name) {
    case 'pktgen':
      return {
        name,
        title:
          'pktgen: socket-buffer production rate (MiB/s) by frame size; poster: the VM via its vif is limited to 416 MiB/s',
        columns: ['frame (B)', ...modes.map((m) => `${m} (MiB/s)`), 'poster (MiB/s)'],
        rows: sizes.map((s) => [
          s,
          ...modes.map((m) => round(at(m, s).throughputMiBps)),
          s === POSTER.vifCapFrameBytes ? `pv-tcp ${POSTER.vifCapMiBps}` : '',
        ]),
      };
    case 'throughput':
      return {
        name,
        title: 'Aggregate throughput of streamed RDMA writes (MiB/s) by message size',
        columns: ['size (B)', ...modes.map((m) => `${m} (MiB/s)`)],
        rows: sizes.map((s) => [s, ...modes.map((m) => round(at(m, s).throughputMiBps))]),
      };
    case 'latency':
      return {
        name,
        title:
          'One-way latency of an RDMA write (µs) by message size; poster: 77 µs over TCP, 28 µs over the framework',
        columns: [
          'size (B)',
          ...modes.map((m) => `${m} (µs)`),
          ...modes.filter((m) => POSTER.latencyUs[m]).map((m) => `poster ${m} (µs)`),
        ],
        rows: sizes.map((s, i) => [
          s,
          ...modes.map((m) => round(at(m, s).latencyUs.mean)),
          ...modes.filter((m) => POSTER.latencyUs[m]).map((m) => (i === 0 ? POSTER.latencyUs[m] : '')),
        ]),
      };
    case 'cpu':
      return {
        name,
        title:
          'CPU time per RDMA write (µs) by domain and message size; poster: guest share negligible and flat',
        columns: ['size (B)', ...modes.flatMap((m) => CPU_FIGURE_DOMAINS.map((d) => `${m} ${d} (µs)`))],
        rows: sizes.map((s) => [
          s,
          ...modes.flatMap((m) => CPU_FIGURE_DOMAINS.map((d) => round(cpuTotalNs(at(m, s), d) / 1000, 2))),
        ]),
      };
  }
}

export function runFigure(name: FigureName, s: FigureSettings = DEFAULT_FIGURE_SETTINGS): FigureTable {
  return figureTable(name, runFigurePoints(name, s));
}
