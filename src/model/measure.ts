import type { Scenario, Workload } from './types.ts';
import type { MeasurePlan } from './workloads/recorder.ts';

/**
 * Deliveries per pair before the steady-state window may open. Benchmarks register their buffers
 * and fill their pipelines before timing: a ping-pong pair warms both directions twice; a stream
 * uses every buffer slot once (each slot's first message pays its registration) and two more; pktgen
 * fills the vif and NIC rings (a few hundred packets) before its rate settles.
 */
export function warmupMessages(workload: Workload, window: number): number {
  if (workload === 'pingpong') return 4;
  if (workload === 'stream') return window + 2;
  return 1024;
}

/** The measurement of a run: `messages` measured deliveries per pair after the warm-up. */
export function measurePlan(s: Scenario, pairs: number): MeasurePlan {
  const warmupPerPair = s.warmupMessages ?? warmupMessages(s.workload, s.window);
  return { pairs, warmupPerPair, measuredTotal: pairs * s.messages };
}

/** Measured messages per pair of a bare `run` (the same at every size). */
export const RUN_MESSAGES: Record<Workload, number> = { pingpong: 200, stream: 64, pktgen: 20_000 };

/**
 * Measured messages per pair of every figure point, the same at every size: enough for Little's
 * law to hold within a few per cent over the window, few enough that a whole figure stays quick.
 * pktgen through a vif leaves in bursts (netback copies up to 256 packets a hypercall) whose pattern
 * repeats about every 11,000 packets (1,000-packet blocks at 3.57 µs a packet, one in eleven at 3.01):
 * 20,000 packets span two such periods, where 2,000 read 1.6 % low.
 */
export const FIGURE_MESSAGES: Record<Workload, number> = { pingpong: 16, stream: 16, pktgen: 20_000 };
