import { DEFAULT_SCENARIO, LIMITS } from '../model/scenario.ts';
import { MODES, OPS, WORKLOADS, type Mode, type Op, type Workload } from '../model/types.ts';

/** What the user chose: all of it lives in the URL, so a reload or a shared link opens the same run. */
export interface Settings {
  readonly mode: Mode;
  readonly op: Op;
  readonly workload: Workload;
  readonly sizeBytes: number;
  /** VMs per host = VM pairs. */
  readonly vms: number;
  readonly window: number;
  readonly seed: number;
  /** Simulated nanoseconds per second on screen. */
  readonly speedNsPerSec: number;
  /** Model constants changed from their defaults. */
  readonly params: Readonly<Record<string, number>>;
}

export const SPEED_LIMITS = { min: 100, max: 100_000_000 } as const;

export const DEFAULT_SETTINGS: Settings = {
  mode: DEFAULT_SCENARIO.mode,
  op: DEFAULT_SCENARIO.op,
  workload: DEFAULT_SCENARIO.workload,
  sizeBytes: DEFAULT_SCENARIO.sizeBytes,
  vms: 1,
  window: DEFAULT_SCENARIO.window,
  seed: DEFAULT_SCENARIO.seed,
  speedNsPerSec: 10_000,
  params: {},
};

export { LIMITS, MODES, OPS, WORKLOADS };

/** Modes without VMs run one pair. */
export function hasVms(mode: Mode): boolean {
  return mode !== 'native' && mode !== 'dom0';
}
