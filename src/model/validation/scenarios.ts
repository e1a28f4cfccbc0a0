import { validateScenario } from '../scenario.ts';
import type { Mode, Scenario, Workload } from '../types.ts';

/**
 * The scenarios validation rows run. Message counts are modest so that `validate` stays within
 * seconds; rows that name the same scenario share one run.
 */
export function scenario(
  mode: Mode,
  workload: Workload,
  sizeBytes: number,
  extra: Partial<Scenario> = {},
): Scenario {
  return {
    mode,
    workload,
    op: 'write',
    sizeBytes,
    pairs: 1,
    window: 8,
    messages: 50,
    seed: 1,
    params: {},
    ...extra,
  };
}

/** `pairs`, or 1 where the mode has no VMs (the scenario's own validation says which). */
export function pairsFor(mode: Mode, pairs: number): number {
  const s = scenario(mode, 'pingpong', 64, { pairs });
  return validateScenario(s).some((e) => e.field === 'pairs') ? 1 : pairs;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/** A small RDMA write, one-way: the poster's latency point. */
export const pingpong64 = (mode: Mode) => scenario(mode, 'pingpong', 64, { messages: 50 });

/** Streamed 1-MiB writes, 8 in flight: the throughput figure's large-size end. */
export const stream1M = (mode: Mode) => scenario(mode, 'stream', MiB, { messages: 32 });

/** One write at a time, as the CPU-breakdown figure runs it ("two VMs perform RDMA writes"). */
export const oneAtATime = (mode: Mode, sizeBytes: number) =>
  scenario(mode, 'stream', sizeBytes, { window: 1, messages: sizeBytes > 64 * KiB ? 8 : 32 });

/** pktgen through the vif, 1514-B frames. */
export const pktgen1514 = (mode: Mode) => scenario(mode, 'pktgen', 1514, { messages: 10_000 });

/** Bulk streaming of 64-KiB messages over one pair (netperf-like per-guest throughput). */
export const bulk64K = (mode: Mode) => scenario(mode, 'stream', 64 * KiB, { messages: 128 });

/** Several VMs streaming at once through their own virtual functions. */
export const manyVms = (pairs: number) =>
  scenario('sr-iov', 'stream', 256 * KiB, { pairs: pairsFor('sr-iov', pairs), messages: 32 });
