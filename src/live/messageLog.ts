import { RunningStats } from '../engine/stats.ts';
import type { Recorder } from '../model/workloads/recorder.ts';

/**
 * Arrival times kept: the last this many message ids (1 MiB each for the times and the ids). The
 * trace the journeys are drawn from holds the spans of a few thousand recent messages, so a message
 * this far back has no journey left to show; without a bound a long run kept 8 bytes per message
 * for ever (16 MiB by the end of a live run of 16 pairs).
 */
export const ARRIVALS_KEPT = 131_072;

/**
 * What the live view needs per message and the run's Recorder does not keep: when each message
 * arrived (to tell an arrived journey from one in flight), and every latency with the first (cold)
 * and the latest. It listens to the Recorder's delivery and latency hooks, which a run without a
 * live view leaves empty.
 */
export class MessageLog {
  /** Arrival time by message id, in a ring of ARRIVALS_KEPT slots (slot = id mod ARRIVALS_KEPT). */
  private readonly arrivedAtNs = new Float64Array(ARRIVALS_KEPT);
  /** The id whose arrival each slot holds (−1: none yet). */
  private readonly idAt = new Float64Array(ARRIVALS_KEPT).fill(-1);
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

  /**
   * When message `id` arrived, or −1 while it is in flight (or unknown, or so old that a message
   * ARRIVALS_KEPT ids later has arrived since and taken its slot).
   */
  arrivalNs(id: number): number {
    if (!(id >= 0)) return -1;
    const slot = id % ARRIVALS_KEPT;
    return this.idAt[slot] === id ? this.arrivedAtNs[slot] : -1;
  }

  private arrived(id: number, nowNs: number): void {
    const slot = id % ARRIVALS_KEPT;
    // A late arrival of a much older message never evicts a newer one.
    if (this.idAt[slot] > id) return;
    this.idAt[slot] = id;
    this.arrivedAtNs[slot] = nowNs;
  }
}
