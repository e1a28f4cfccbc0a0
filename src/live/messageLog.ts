import { RunningStats } from '../engine/stats.ts';
import type { Recorder } from '../model/workloads/recorder.ts';

/**
 * What the live view needs per message and the run's Recorder does not keep: when each message
 * arrived (to tell an arrived journey from one in flight), and every latency with the first (cold)
 * and the latest. It listens to the Recorder's delivery and latency hooks, which a run without a
 * live view leaves empty.
 */
export class MessageLog {
  /** Arrival time by message id (ids count up from 0), −1 while in flight. */
  private arrivedAtNs = new Float64Array(1024).fill(-1);
  /** Every latency so far, warm-up included. */
  readonly all = new RunningStats();
  firstLatencyNs = NaN;
  lastLatencyNs = NaN;

  constructor(rec: Recorder) {
    rec.onDelivered = (id, nowNs) => {
      if (id >= 0) this.arrived(id, nowNs);
    };
    rec.onLatency = (_nowNs, ns) => {
      if (this.all.count === 0) this.firstLatencyNs = ns;
      this.lastLatencyNs = ns;
      this.all.add(ns);
    };
  }

  /** When message `id` arrived, or −1 while it is in flight (or unknown). */
  arrivalNs(id: number): number {
    return id >= 0 && id < this.arrivedAtNs.length ? this.arrivedAtNs[id] : -1;
  }

  private arrived(id: number, nowNs: number): void {
    if (id >= this.arrivedAtNs.length) {
      let size = this.arrivedAtNs.length;
      while (size <= id) size *= 2;
      const grown = new Float64Array(size).fill(-1);
      grown.set(this.arrivedAtNs);
      this.arrivedAtNs = grown;
    }
    this.arrivedAtNs[id] = nowNs;
  }
}
