import { formatCount } from '../lib/format.ts';
import { mibPerSec } from '../lib/units.ts';
import type { Recorder } from '../model/workloads/recorder.ts';
import type { Scenario } from '../model/types.ts';
import type { MessageLog } from './messageLog.ts';

/** A cold first message counts as different from the warm mean when it is this much slower or faster. */
const COLD_DIFFERS = 0.01;

/** The latency readout: every number with what it is. */
export interface LatencyReadout {
  /** What one latency measures, e.g. `one-way latency`, `issue → completion`. */
  readonly what: string;
  /** The headline: the mean over the measured window (µs, 0 before any message). */
  readonly meanUs: number;
  /** What that mean is over, e.g. `mean of 10 warm messages`. */
  readonly meanLabel: string;
  /** The latest message's latency, µs (0 before any). */
  readonly lastUs: number;
  /** The first (cold) message's latency when it differs from the warm mean, else null. */
  readonly coldUs: number | null;
}

/** The throughput readout. */
export interface ThroughputReadout {
  readonly miBps: number;
  /** What the number is, e.g. `mean since the first message, counted as bytes arrive`. */
  readonly label: string;
}

/** What the frame loop publishes a few times a second (never per event). */
export interface LiveReadout {
  readonly nowNs: number;
  readonly events: number;
  readonly ended: boolean;
  /** Messages (pktgen: packets) whose data have arrived. */
  readonly delivered: number;
  /** What `delivered` counts, e.g. `messages delivered`. */
  readonly deliveredLabel: string;
  /** Null when the workload measures no latency (pktgen). */
  readonly latency: LatencyReadout | null;
  readonly throughput: ThroughputReadout;
}

export const EMPTY_READOUT: LiveReadout = {
  nowNs: 0,
  events: 0,
  ended: false,
  delivered: 0,
  deliveredLabel: 'messages delivered',
  latency: null,
  throughput: { miBps: 0, label: '' },
};

/** What one latency of this workload measures, in words. */
export function latencyMeaning(s: Pick<Scenario, 'workload' | 'op'>): string {
  // A READ's data come back to its issuer: its latency is request to data, not one way.
  if (s.workload === 'stream') return 'issue → completion';
  return s.op === 'read' ? 'READ: request → data' : 'one-way latency';
}

const us = (ns: number) => (Number.isFinite(ns) ? ns / 1000 : 0);
const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * The latency numbers: the mean over the Recorder's steady-state window once it has opened (its
 * warm-up is the model's, see model/measure.ts), before that the mean of every message so far, said
 * so; the latest message; and the cold first message when it differs from the mean.
 */
export function latencyReadout(
  s: Pick<Scenario, 'workload' | 'op'>,
  rec: Recorder,
  log: MessageLog,
): LatencyReadout {
  const what = latencyMeaning(s);
  const all = log.all;
  if (all.count === 0) return { what, meanUs: 0, meanLabel: 'no message yet', lastUs: 0, coldUs: null };
  const measured = rec.latencyNs.count > 0;
  const meanNs = measured ? rec.latencyNs.mean : all.mean;
  const cold = log.firstLatencyNs;
  const differs = measured && Math.abs(cold - meanNs) > COLD_DIFFERS * meanNs;
  return {
    what,
    meanUs: us(meanNs),
    meanLabel: measured
      ? `mean of ${plural(rec.latencyNs.count, 'warm message')}`
      : `mean of ${plural(all.count, 'message')}, warming up`,
    lastUs: us(log.lastLatencyNs),
    coldUs: differs ? us(cold) : null,
  };
}

/**
 * Payload bytes that have reached the receivers so far, counted frame by frame as they arrive, so
 * a large message counts before it is whole. Never less than the whole messages delivered (a path
 * that does not report its frames still counts its messages).
 */
export function bytesArrived(rec: Recorder): number {
  return Math.max(rec.payloadBytesArrived, rec.bytesDelivered);
}

/** Mean throughput from the first message to now, from the bytes that have arrived. */
export function throughputReadout(rec: Recorder, nowNs: number): ThroughputReadout {
  const from = Number.isFinite(rec.firstIssueNs) ? rec.firstIssueNs : 0;
  const elapsedNs = nowNs - from;
  const bytes = bytesArrived(rec);
  return {
    miBps: elapsedNs > 0 && bytes > 0 ? mibPerSec(bytes, elapsedNs) : 0,
    label: 'mean since the first message, counted as bytes arrive',
  };
}
