import { DEFAULT_SCENARIO } from '../model/limits.ts';
import { MODE_DESCRIPTORS } from '../model/modes.ts';
import { PARAM_BY_NAME, type ParamName } from '../model/params.ts';
import type { Mode, Op, Workload } from '../model/types.ts';

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

/** A model constant as the run will use it: the user's change, or the schema's default. */
export function paramValue(params: Settings['params'], name: ParamName): number {
  return params[name] ?? PARAM_BY_NAME.get(name)!.default;
}

/** VM pairs (= VMs per host) a run of these settings has: one application per host without VMs. */
export function pairsOf(s: Pick<Settings, 'mode' | 'vms'>): number {
  return MODE_DESCRIPTORS[s.mode].hasVms ? s.vms : 1;
}
