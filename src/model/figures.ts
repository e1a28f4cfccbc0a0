import type { Category, DomainKind } from './categories.ts';
import { POSTER } from './poster.ts';
import { runScenario } from './run.ts';
import type { Mode, RunResult, Scenario } from './types.ts';

/** Message sizes of the poster's sweeps: 64 B to 4 MiB in steps of 4. */
export const SWEEP_SIZES = [64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304];
export const PKTGEN_SIZES = [64, 128, 256, 512, 1024, 1514];

export const FIGURE_NAMES = ['pktgen', 'throughput', 'latency', 'cpu'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** One point of a sweep: a mode at a size, and what the run measured. */
export interface SweepPoint {
  readonly mode: Mode;
  readonly sizeBytes: number;
  readonly result: RunResult;
}

/** Messages per pair for a sweep point: enough for a steady state, few enough to stay instant. */
export function sweepMessages(workload: Scenario['workload'], sizeBytes: number): number {
  const budget = 2 * 1024 * 1024; // bytes per pair and point
  if (workload === 'pktgen') return 2000;
  if (workload === 'pingpong') return Math.max(2, Math.min(20, Math.ceil(budget / 2 / sizeBytes)));
  return Math.max(8, Math.min(200, Math.ceil(budget / sizeBytes)));
}

/** Runs `base` for every mode and size. */
export function sweep(
  base: Scenario,
  modes: readonly Mode[],
  sizes: readonly number[],
  fixedMessages = false,
): SweepPoint[] {
  const out: SweepPoint[] = [];
  for (const mode of modes) {
    for (const sizeBytes of sizes) {
      const messages = fixedMessages ? base.messages : sweepMessages(base.workload, sizeBytes);
      out.push({ mode, sizeBytes, result: runScenario({ ...base, mode, sizeBytes, messages }) });
    }
  }
  return out;
}

/** The scenario behind each poster figure (what the charts and the command line both run). */
export function figureScenario(
  name: FigureName,
  params: Record<string, number> = {},
  seed = 1,
): { base: Scenario; modes: Mode[]; sizes: number[] } {
  const base: Scenario = {
    mode: 'pv-tcp',
    workload: 'stream',
    op: 'write',
    sizeBytes: 64,
    pairs: 1,
    window: 8,
    messages: 1,
    seed,
    params,
  };
  switch (name) {
    case 'pktgen':
      return {
        base: { ...base, workload: 'pktgen' },
        modes: ['native', 'dom0', 'pv-tcp'],
        sizes: PKTGEN_SIZES,
      };
    case 'throughput':
      return { base, modes: ['pv-tcp', 'zero-copy'], sizes: SWEEP_SIZES };
    case 'latency':
      return { base: { ...base, workload: 'pingpong' }, modes: ['pv-tcp', 'zero-copy'], sizes: SWEEP_SIZES };
    case 'cpu':
      // "two VMs perform RDMA writes of varying message sizes": one write at a time.
      return { base: { ...base, window: 1 }, modes: ['pv-tcp', 'zero-copy'], sizes: SWEEP_SIZES };
  }
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
    case 'cpu': {
      const domains: DomainKind[] = ['dom0', 'vm'];
      return {
        name,
        title:
          'CPU time per RDMA write (µs) by domain and message size; poster: guest share negligible and flat',
        columns: ['size (B)', ...modes.flatMap((m) => domains.map((d) => `${m} ${d} (µs)`))],
        rows: sizes.map((s) => [
          s,
          ...modes.flatMap((m) => domains.map((d) => round(cpuTotalNs(at(m, s), d) / 1000, 2))),
        ]),
      };
    }
  }
}

/** CPU ns per message of one domain kind, all categories. */
export function cpuTotalNs(r: RunResult, domain: DomainKind): number {
  const cats = r.cpuNsPerMessage[domain] ?? {};
  return Object.values(cats).reduce((a: number, b) => a + (b ?? 0), 0);
}

/** CPU ns per message of one domain kind, by category. */
export function cpuByCategory(r: RunResult, domain: DomainKind): Partial<Record<Category, number>> {
  return r.cpuNsPerMessage[domain] ?? {};
}

export function runFigure(name: FigureName, params: Record<string, number> = {}, seed = 1): FigureTable {
  const { base, modes, sizes } = figureScenario(name, params, seed);
  return figureTable(name, sweep(base, modes, sizes));
}
