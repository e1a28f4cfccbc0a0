import { mibPerSec } from '../lib/units.ts';
import type { DomainKind } from '../model/categories.ts';
import type { ModelRun } from '../model/run.ts';
import { allVcpus } from '../model/topology.ts';
import { bytesArrived } from './readout.ts';

const MAX_SAMPLES = 600;
/** Throughput is averaged over this many sample intervals: at slow motion one interval may see no byte. */
const RATE_WINDOW_SAMPLES = 10;

/** One point of the "running simulation" chart. */
export interface LiveSample {
  readonly tNs: number;
  /** Bytes that arrived over the last few intervals, per second of simulated time. */
  readonly throughputMiBps: number;
  /** Busy cores of each domain kind over the interval (1 = one core's worth). */
  readonly cpuCores: Partial<Record<DomainKind, number>>;
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

/** The live chart's series: throughput and busy cores, sampled at fixed simulated times. */
export class LiveSamples {
  private samples: LiveSample[] = [];
  private last: Mark = { tNs: 0, bytes: 0, busy: new Map() };
  /** (time, bytes arrived) at the last few samples, for a sliding-window rate. */
  private rateWindow: { tNs: number; bytes: number }[] = [];

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
    const dt = mark.tNs - this.last.tNs;
    if (dt <= 0) return;
    const cpuCores: Partial<Record<DomainKind, number>> = {};
    for (const v of allVcpus(run.topology)) {
      const busyNs = mark.busy.get(v.name)! - (this.last.busy.get(v.name) ?? 0);
      cpuCores[v.kind] = (cpuCores[v.kind] ?? 0) + busyNs / dt;
    }
    const from = this.rateWindow[0] ?? { tNs: this.last.tNs, bytes: this.last.bytes };
    this.rateWindow.push({ tNs: mark.tNs, bytes: mark.bytes });
    if (this.rateWindow.length > RATE_WINDOW_SAMPLES) this.rateWindow.shift();
    this.samples.push({
      tNs: mark.tNs,
      throughputMiBps: mibPerSec(mark.bytes - from.bytes, mark.tNs - from.tNs),
      cpuCores,
    });
    if (this.samples.length > MAX_SAMPLES) this.samples.splice(0, this.samples.length - MAX_SAMPLES);
    this.last = mark;
  }

  /** After going back in time: forget samples from the future and measure on from now. */
  trim(run: ModelRun): void {
    const now = run.sim.now;
    this.samples = this.samples.filter((s) => s.tNs <= now);
    this.rateWindow = [];
    this.last = markOf(run);
  }

  reset(): void {
    this.samples = [];
    this.rateWindow = [];
    this.last = { tNs: 0, bytes: 0, busy: new Map() };
  }
}
