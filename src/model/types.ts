import type { TraceRecord } from '../engine/trace.ts';
import type { Category, DomainKind } from './categories.ts';

/** The I/O paths of the poster, and its open challenges as what-ifs. */
export const MODES = [
  'native',
  'dom0',
  'pv-tcp',
  'zero-copy',
  'hw-offload',
  'stub-domain',
  'sr-iov',
] as const;
export type Mode = (typeof MODES)[number];

export const WORKLOADS = ['pingpong', 'stream', 'pktgen'] as const;
export type Workload = (typeof WORKLOADS)[number];

export const OPS = ['write', 'read'] as const;
export type Op = (typeof OPS)[number];

/** Everything a run depends on: the same scenario gives the same result, bit for bit. */
export interface Scenario {
  mode: Mode;
  workload: Workload;
  op: Op;
  /** Message size (pingpong, stream) or frame size on the wire without FCS (pktgen), in bytes. */
  sizeBytes: number;
  /** VM pairs (one VM of each pair on each host); 1 for native and dom0. */
  pairs: number;
  /** Messages in flight per pair (stream). */
  window: number;
  /** Messages per pair (pingpong, stream) or packets per sender (pktgen). */
  messages: number;
  seed: number;
  /** Model constants changed from their defaults, by parameter name. */
  params: Record<string, number>;
  /**
   * Deliveries per pair before the measured window opens; by default the workload's warm-up
   * (measure.ts). 0 measures from the first message (the cold case, as a lone message sees it).
   */
  warmupMessages?: number;
  /** Trace records to keep (0 for none): the visualizer keeps some, sweeps none. */
  traceCapacity?: number;
  /**
   * Where a run ends: `drained` (the default) runs until every issued message has arrived, so the
   * conservation counters can be checked at the end; `window` stops as the measured window closes,
   * for runs that report only what the window measured (the figures' points). Both give the same
   * latency, throughput and CPU per message; the messages still in flight are never simulated.
   */
  endAt?: 'drained' | 'window';
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
}

/** What a run measured. Field names are part of the command line's JSON output. */
export interface RunResult {
  mode: Mode;
  workload: Workload;
  op: Op;
  sizeBytes: number;
  pairs: number;
  window: number;
  messages: number;
  seed: number;
  /**
   * Per-message latency in µs over the steady-state window (pingpong: one-way; stream: issue to
   * completion; pktgen: none).
   */
  latencyUs: LatencySummary;
  /** The first message's latency, µs: the cold case (registrations, empty caches), outside the window. */
  coldLatencyUs: number;
  /** Aggregate payload throughput of all pairs over the window, MiB/s. */
  throughputMiBps: number;
  /** Each pair's payload throughput over the same window, MiB/s. */
  perPairThroughputMiBps: number[];
  /** Deliveries per pair before the window opened (not measured). */
  warmupMessages: number;
  /** Length of the steady-state window, ns (0 if it never closed). */
  measuredNs: number;
  /** Deliveries counted in the window (all pairs). */
  measuredMessages: number;
  /**
   * Little's law over the window: mean messages in flight (issue to the end of their latency),
   * and the rate × mean latency that should equal it. Null for pktgen.
   */
  littlesLaw: { inFlightMean: number; rateTimesLatency: number } | null;
  /** CPU time per message in ns over the window, by domain kind then category. */
  cpuNsPerMessage: Partial<Record<DomainKind, Partial<Record<Category, number>>>>;
  /** Busy fraction (0..1) of every CPU, ring, DMA engine and link, by resource name. */
  utilization: Record<string, number>;
  counters: Record<string, number>;
  simulatedNs: number;
  events: number;
  /** Parameters that differ from their defaults. */
  changedParams: Record<string, number>;
}

/** A message's journey: the spans it went through, for the waterfall. */
export interface Journey {
  messageId: number;
  spans: TraceRecord[];
}
