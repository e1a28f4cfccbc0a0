import type { Workload } from './types.ts';
import type { MeasurePlan } from './workloads/recorder.ts';

/**
 * Deliveries per pair before the steady-state window may open. Benchmarks register their buffers
 * and fill their pipelines before timing: a ping-pong pair warms both directions twice; a stream
 * uses every buffer slot twice (each slot's first message pays its registration) plus two; pktgen
 * fills the vif and NIC rings (a few hundred packets) before its rate settles.
 */
export function warmupMessages(workload: Workload, window: number): number {
  if (workload === 'pingpong') return 4;
  if (workload === 'stream') return 2 * window + 2;
  return 1024;
}

/** The measurement of a run: `messages` measured deliveries per pair after the warm-up. */
export function measurePlan(workload: Workload, window: number, pairs: number, messages: number): MeasurePlan {
  return { pairs, warmupPerPair: warmupMessages(workload, window), measuredTotal: pairs * messages };
}
