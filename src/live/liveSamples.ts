import { mibPerSec } from '../lib/units.ts';
import type { DomainKind } from '../model/categories.ts';
import type { ModelRun } from '../model/run.ts';
import { allVcpus } from '../model/topology.ts';
import { bytesArrived } from './readout.ts';

const MAX_SAMPLES = 600;
/**
 * Every value of the running chart is a mean over this much simulated time (or over the run so far,
 * when it is younger). A vCPU is either busy or idle at any instant, and a sample interval (1 µs at
 * the default speed) is shorter than one message, so per-interval values jump between 0 and 100 %
 * in ping-pong. 500 µs holds several messages of every mode (a TCP round trip in a VM is about
 * 155 µs), so the line reads as utilization. Assumption: a readability choice, not a model figure.
 */
export const LIVE_WINDOW_NS = 500_000;

/** One point of the "running simulation" chart. */
export interface LiveSample {
  readonly tNs: number;
  /** Bytes that arrived over the window, per second of simulated time. */
  readonly throughputMiBps: number;
  /** Busy cores of each domain kind over the window (1 = one core's worth). */
  readonly cpuCores: Partial<Record<DomainKind, number>>;
  /** The simulated time the values average over, ns: the window, or the run so far when it is shorter. */
  readonly windowNs: number;
}

interface Mark {
  tNs: number;
  bytes: number;
  busy: Map<string, number>;
}

function markOf(run: ModelRun): Mark {
  const now = run.sim.now;
  const busy = new Map<string, number>();
  for (const v of allVcpus(run.topology)) busy.set(v.name, v.cpu.busyNsAt(now));
  return { tNs: now, bytes: bytesArrived(run.recorder), busy };
}

/** Per domain kind, the busy cores between two marks (the vCPUs' busy time over the elapsed time). */
function coresBetween(
  from: Mark,
  to: Mark,
  kinds: ReadonlyMap<string, DomainKind>,
): Partial<Record<DomainKind, number>> {
  const dt = to.tNs - from.tNs;
  const cores: Partial<Record<DomainKind, number>> = {};
  for (const [name, kind] of kinds) {
    const busyNs = (to.busy.get(name) ?? 0) - (from.busy.get(name) ?? 0);
    cores[kind] = (cores[kind] ?? 0) + (dt > 0 ? busyNs / dt : 0);
  }
  return cores;
}

/**
 * A sliding window of marks over simulated time: `add` a mark, and `from()` is the mark the window
 * starts at: the newest one at least `windowNs` before the last (or the first, while the run is younger).
 */
export class MarkWindow {
  private marks: Mark[] = [];
  constructor(private readonly windowNs: number) {}

  add(mark: Mark): void {
    this.marks.push(mark);
    const edge = mark.tNs - this.windowNs;
    // Drop marks while the next one is still at or before the window's edge.
    let drop = 0;
    while (drop + 1 < this.marks.length && this.marks[drop + 1].tNs <= edge) drop++;
    if (drop > 0) this.marks.splice(0, drop);
  }

  from(): Mark | undefined {
    return this.marks[0];
  }

  reset(start?: Mark): void {
    this.marks = start ? [start] : [];
  }
}

/**
 * The sample at `mark`: throughput and busy cores averaged over the window that ends there. Pure,
 * so the smoothing can be tested on a synthetic series.
 */
export function windowedSample(
  window: MarkWindow,
  mark: Mark,
  kinds: ReadonlyMap<string, DomainKind>,
): LiveSample {
  window.add(mark);
  const from = window.from() ?? mark;
  return {
    tNs: mark.tNs,
    throughputMiBps: mibPerSec(mark.bytes - from.bytes, mark.tNs - from.tNs),
    cpuCores: coresBetween(from, mark, kinds),
    windowNs: mark.tNs - from.tNs,
  };
}

export type { Mark as LiveMark };

/** The live chart's series: throughput and busy cores, sampled at fixed simulated times, each a windowed mean. */
export class LiveSamples {
  private samples: LiveSample[] = [];
  private last: Mark = { tNs: 0, bytes: 0, busy: new Map() };
  private window = new MarkWindow(LIVE_WINDOW_NS);

  get series(): readonly LiveSample[] {
    return this.samples;
  }

  /** When the next sample is due, `everyNs` after the last. */
  nextAt(everyNs: number): number {
    return this.last.tNs + everyNs;
  }

  /** Takes a sample of `run` at its current time. */
  sample(run: ModelRun): void {
    const mark = markOf(run);
    if (mark.tNs - this.last.tNs <= 0) return;
    if (this.window.from() === undefined) this.window.reset(this.last);
    const kinds = new Map(allVcpus(run.topology).map((v) => [v.name, v.kind]));
    this.samples.push(windowedSample(this.window, mark, kinds));
    if (this.samples.length > MAX_SAMPLES) this.samples.splice(0, this.samples.length - MAX_SAMPLES);
    this.last = mark;
  }

  /** After going back in time: forget samples from the future and measure on from now. */
  trim(run: ModelRun): void {
    const now = run.sim.now;
    this.samples = this.samples.filter((s) => s.tNs <= now);
    this.last = markOf(run);
    // Measured on from now: the window starts again (a mean across the jump back would mix two runs).
    this.window.reset(this.last);
  }

  reset(): void {
    this.samples = [];
    this.last = { tNs: 0, bytes: 0, busy: new Map() };
    this.window.reset();
  }
}
