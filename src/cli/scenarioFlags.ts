import { parseSize } from '../lib/size.ts';
import { CALIBRATIONS } from '../model/params.ts';
import { DEFAULT_SCENARIO, LIMITS } from '../model/limits.ts';
import { defaultMessages } from '../model/scenario.ts';
import { MODES, OPS, WORKLOADS, type Scenario } from '../model/types.ts';
import { checkParam } from '../model/validate.ts';
import { UsageError, choiceFlag, intFlag, type FlagSpec, type Parsed } from './args.ts';

/** The flags `run` and `sweep` share. */
export const SCENARIO_FLAGS: Record<string, FlagSpec> = {
  mode: { value: true, help: `one of ${MODES.join(', ')}` },
  workload: { value: true, help: `one of ${WORKLOADS.join(', ')}` },
  op: { value: true, help: `one of ${OPS.join(', ')}` },
  pairs: { value: true, help: `VM pairs, ${LIMITS.pairs.min}–${LIMITS.pairs.max}` },
  window: {
    value: true,
    help: `messages in flight per pair (stream), ${LIMITS.window.min}–${LIMITS.window.max}`,
  },
  messages: { value: true, help: `messages per pair, ${LIMITS.messages.min}–${LIMITS.messages.max}` },
  seed: { value: true, help: 'random seed, a whole number' },
  set: { value: true, repeat: true, help: 'a model constant, name=value (see `params`)' },
  calibration: { value: true, help: `a named calibration: ${Object.keys(CALIBRATIONS).join(', ')}` },
  json: { value: false, help: 'print JSON' },
};

/** A size flag: bytes, or with units (64K, 1MiB). */
export function sizeValue(flag: string, raw: string): number {
  const parsed = parseSize(raw);
  if (!parsed.ok) throw new UsageError(`--${flag}: ${parsed.error}`);
  return parsed.bytes;
}

/** Constants from --calibration and --set, checked against the schema. */
export function paramFlags(p: Parsed): Record<string, number> {
  const name = p.values.get('calibration')?.[0];
  const params: Record<string, number> = {};
  if (name !== undefined) {
    const cal = CALIBRATIONS[name];
    if (!cal)
      throw new UsageError(`--calibration "${name}" is not one of: ${Object.keys(CALIBRATIONS).join(', ')}`);
    Object.assign(params, cal.params);
  }
  for (const item of p.values.get('set') ?? []) {
    const eq = item.indexOf('=');
    if (eq < 1) throw new UsageError(`--set expects name=value, got "${item}"`);
    const key = item.slice(0, eq);
    const raw = item.slice(eq + 1);
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value))
      throw new UsageError(`--set ${key}: "${raw}" is not a number`);
    const problem = checkParam(key, value);
    if (problem) throw new UsageError(`--set ${problem}`);
    params[key] = value;
  }
  return params;
}

/** A scenario from the shared flags, with `sizeBytes` given by the caller. */
export function scenarioFrom(p: Parsed, sizeBytes: number): Scenario {
  const workload = choiceFlag(p, 'workload', DEFAULT_SCENARIO.workload, WORKLOADS);
  return {
    mode: choiceFlag(p, 'mode', DEFAULT_SCENARIO.mode, MODES),
    workload,
    op: choiceFlag(p, 'op', DEFAULT_SCENARIO.op, OPS),
    sizeBytes,
    pairs: intFlag(p, 'pairs', DEFAULT_SCENARIO.pairs, LIMITS.pairs.min, LIMITS.pairs.max),
    window: intFlag(p, 'window', DEFAULT_SCENARIO.window, LIMITS.window.min, LIMITS.window.max),
    messages: intFlag(
      p,
      'messages',
      defaultMessages(workload),
      LIMITS.messages.min,
      LIMITS.messages.max,
    ),
    seed: intFlag(p, 'seed', DEFAULT_SCENARIO.seed, LIMITS.seed.min, LIMITS.seed.max),
    params: paramFlags(p),
  };
}

/** `--sizes 64,4096,1M` or a range `64..4M` (doubling). */
export function sizeList(raw: string): number[] {
  const range = /^(.+)\.\.(.+)$/.exec(raw);
  if (range) {
    const from = sizeValue('sizes', range[1]);
    const to = sizeValue('sizes', range[2]);
    if (from < 1 || to < from) throw new UsageError(`--sizes ${raw}: a range goes up from at least 1 byte`);
    const out: number[] = [];
    for (let s = from; s <= to; s *= 2) out.push(s);
    return out;
  }
  const sizes = raw.split(',').map((x) => sizeValue('sizes', x));
  if (sizes.length === 0) throw new UsageError('--sizes needs at least one size');
  return sizes;
}
