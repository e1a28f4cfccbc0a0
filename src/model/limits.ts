/**
 * Bounds and defaults of a scenario, as data: the command line, the URL reader, the controls and the
 * model's own validation read them here, so a link or a typed number cannot ask for a run that never
 * ends, and every input agrees on what is allowed.
 */
import type { Scenario } from './types.ts';

/** Limits of a scenario's fields (inclusive). */
export const LIMITS = {
  sizeBytes: { min: 1, max: 64 * 1024 * 1024 },
  /** pktgen frames on the wire without FCS: a minimum Ethernet frame to a jumbo frame (MTU 9000 + 14 B). */
  pktgenFrameBytes: { min: 60, max: 9014 },
  pairs: { min: 1, max: 16 },
  window: { min: 1, max: 256 },
  messages: { min: 1, max: 1_000_000 },
  seed: { min: 0, max: 2 ** 32 - 1 },
} as const;

/**
 * The largest message of the poster's sweeps (64 B to 4 MiB): the charts end here, and so do the app's
 * size slider, field and link. The command line goes on to LIMITS.sizeBytes.max.
 */
export const SWEEP_MAX_SIZE_BYTES = 4 * 1024 * 1024;

/** The frame pktgen starts from: a full standard Ethernet frame (MTU 1500 + 14 B header), the poster's. */
export const PKTGEN_DEFAULT_FRAME_BYTES = 1514;

/** The scenario a fresh page and a bare `run` start from. */
export const DEFAULT_SCENARIO: Scenario = {
  mode: 'zero-copy',
  workload: 'pingpong',
  op: 'write',
  sizeBytes: 64,
  pairs: 1,
  window: 8,
  messages: 200,
  seed: 1,
  params: {},
};

/** Whether `sizeBytes` is a frame pktgen can send. */
export function isPktgenFrame(sizeBytes: number): boolean {
  return sizeBytes >= LIMITS.pktgenFrameBytes.min && sizeBytes <= LIMITS.pktgenFrameBytes.max;
}
