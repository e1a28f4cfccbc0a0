import { cpuTotalNs } from '../figures.ts';
import { TCP_IP_HEADER_BYTES } from '../hw/frame.ts';
import type { RunResult } from '../types.ts';
import { resolveParams } from '../validate.ts';

/**
 * How validation rows read a model value out of a run's result. Every reader uses fields of
 * RunResult only, so a row compares what the command line prints.
 */

const MIB = 1024 * 1024;

/** Mean one-way latency, µs (pingpong: issue to data usable by the receiver). */
export const oneWayUs = (r: RunResult): number => r.latencyUs.mean;

/** Round trip, µs: a ping-pong's RTT is two one-way trips. */
export const rttUs = (r: RunResult): number => 2 * r.latencyUs.mean;

export const mibPerSec = (r: RunResult): number => r.throughputMiBps;

/** Decimal megabytes per second (papers' "MB/s"). */
export const mbPerSec = (r: RunResult): number => (r.throughputMiBps * MIB) / 1e6;

/** Payload gigabits per second. */
export const gbPerSec = (r: RunResult): number => (r.throughputMiBps * MIB * 8) / 1e9;

/** Payload throughput as a fraction of the raw wire rate of the run's link. */
export function wireFraction(r: RunResult): number {
  const { linkGbps } = resolveParams(r.changedParams).params;
  return gbPerSec(r) / linkGbps;
}

/** Guest (VM) CPU per message, µs, all categories. */
export const vmCpuUs = (r: RunResult): number => cpuTotalNs(r, 'vm') / 1000;

/** Messages completed per second, all pairs. */
export const messagesPerSec = (r: RunResult): number => (r.throughputMiBps * MIB) / r.sizeBytes;

/**
 * Little's law, L = λ·W over the steady-state window: the rate of messages whose latency ends in it
 * (completions when streaming, deliveries in ping-pong) times their mean latency. For a stream W is
 * issue to completion; for a ping-pong it is the one-way trip, during which exactly one message of
 * the pair is in flight.
 */
export const littleL = (r: RunResult): number => r.littlesLaw?.rateTimesLatency ?? 0;

/**
 * Driver-domain CPU of one host per TCP data segment it received, µs, over the measurement window:
 * the host's Dom0 vCPUs' busy fraction × the window's length, over the segments of the messages
 * delivered in it. RunResult gives CPU per message summed over hosts only, so the per-host busy
 * time comes from utilization.
 */
export function dom0UsPerSegment(r: RunResult, host: number): number {
  const { mtuBytes } = resolveParams(r.changedParams).params;
  const segmentsPerMessage = Math.ceil(r.sizeBytes / (mtuBytes - TCP_IP_HEADER_BYTES));
  const segments = r.measuredMessages * segmentsPerMessage;
  const busyNs = Object.entries(r.utilization)
    .filter(([name]) => name.startsWith(`h${host}/dom0/`))
    .reduce((sum, [, busy]) => sum + busy * r.measuredNs, 0);
  return segments > 0 ? busyNs / segments / 1000 : NaN;
}
