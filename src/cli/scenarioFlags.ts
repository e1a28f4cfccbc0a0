import { parseQuantity } from '../lib/quantity.ts';
import { CALIBRATIONS, PARAM_BY_NAME, PARAMS } from '../model/params.ts';
import { DEFAULT_SCENARIO, LIMITS } from '../model/limits.ts';
import { defaultMessages } from '../model/scenario.ts';
import { MODES, OPS, WORKLOADS, type Scenario } from '../model/types.ts';
import { checkParam } from '../model/validate.ts';
import { UsageError, choiceFlag, intFlag, quote, type FlagSpec, type Parsed } from './args.ts';

/**
 * The most sizes one sweep takes: a list this long is already ~64 runs per mode; a longer one is a
 * typo or a script gone wrong, and would hold every result in memory.
 */
export const MAX_SWEEP_SIZES = 64;

const range = (l: { min: number; max: number }) => `${l.min}–${l.max}`;

/** The flags `run` and `sweep` share. */
export const SCENARIO_FLAGS: Record<string, FlagSpec> = {
  mode: { value: true, help: `one of ${MODES.join(', ')}` },
  workload: { value: true, help: `one of ${WORKLOADS.join(', ')}` },
  op: { value: true, help: `one of ${OPS.join(', ')}` },
  pairs: { value: true, help: `VM pairs, ${range(LIMITS.pairs)}` },
  window: { value: true, help: `messages in flight per pair (stream), ${range(LIMITS.window)}` },
  messages: { value: true, help: `messages per pair, ${range(LIMITS.messages)}` },
  seed: { value: true, help: `random seed, a whole number ${range(LIMITS.seed)}` },
  set: {
    value: true,
    repeat: PARAMS.length,
    help: 'a model constant, name=value, units as in the app (coalUs=10, coalUs=0.01ms; see `params`)',
  },
  calibration: { value: true, help: `a named calibration: ${Object.keys(CALIBRATIONS).join(', ')}` },
  json: { value: false, help: 'print JSON' },
};

/** A size flag: bytes, or with units as the app's size field reads them (64K, 1MiB, 1.5e3). */
export function sizeValue(flag: string, raw: string): number {
  const parsed = parseQuantity(raw, 'B');
  if (!parsed.ok) throw new UsageError(`--${flag}: ${parsed.error}`);
  const bytes = parsed.value;
  if (!Number.isInteger(bytes))
    throw new UsageError(`--${flag}: ${quote(raw)} is not a whole number of bytes`);
  const { min, max } = LIMITS.sizeBytes;
  if (bytes < min || bytes > max)
    throw new UsageError(`--${flag} ${quote(raw.trim()).slice(1, -1)} is outside ${min}–${max} B`);
  return bytes;
}

/** Constants from --calibration and --set, checked against the schema. */
export function paramFlags(p: Parsed): Record<string, number> {
  const name = p.values.get('calibration')?.[0];
  const params: Record<string, number> = {};
  if (name !== undefined) {
    const cal = Object.hasOwn(CALIBRATIONS, name) ? CALIBRATIONS[name] : undefined;
    if (!cal)
      throw new UsageError(
        `--calibration ${quote(name)} is not one of: ${Object.keys(CALIBRATIONS).join(', ')}`,
      );
    Object.assign(params, cal.params);
  }
  const set = new Set<string>();
  for (const item of p.values.get('set') ?? []) {
    const eq = item.indexOf('=');
    if (eq < 1) throw new UsageError(`--set expects name=value, got ${quote(item)}`);
    const key = item.slice(0, eq);
    const raw = item.slice(eq + 1);
    const spec = PARAM_BY_NAME.get(key);
    if (!spec)
      throw new UsageError(
        `--set: unknown parameter ${quote(key)}; known: ${PARAMS.map((x) => x.name).join(', ')}`,
      );
    if (set.has(key)) throw new UsageError(`--set ${key} given twice`);
    set.add(key);
    if (raw.trim() === '') throw new UsageError(`--set ${key} needs a value`);
    const value = parseQuantity(raw, spec.unit);
    if (!value.ok) throw new UsageError(`--set ${key}: ${value.error}`);
    const problem = checkParam(key, value.value);
    if (problem) throw new UsageError(`--set ${problem}`);
    params[key] = value.value;
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
    messages: intFlag(p, 'messages', defaultMessages(workload), LIMITS.messages.min, LIMITS.messages.max),
    seed: intFlag(p, 'seed', DEFAULT_SCENARIO.seed, LIMITS.seed.min, LIMITS.seed.max),
    params: paramFlags(p),
  };
}

/** `--sizes 64,4096,1M` or a range `64..4M` (doubling); at most MAX_SWEEP_SIZES sizes. */
export function sizeList(raw: string): number[] {
  const span = /^(.+)\.\.(.+)$/.exec(raw);
  if (span) {
    const from = sizeValue('sizes', span[1]);
    const to = sizeValue('sizes', span[2]);
    if (to < from) throw new UsageError(`--sizes ${quote(raw)}: a range goes up (from..to)`);
    const out: number[] = [];
    // Doubling from ≥ 1 B to ≤ LIMITS.sizeBytes.max: at most 27 sizes.
    for (let s = from; s <= to; s *= 2) out.push(s);
    return out;
  }
  const items = raw.split(',');
  if (items.length > MAX_SWEEP_SIZES)
    throw new UsageError(`--sizes lists ${items.length} sizes; at most ${MAX_SWEEP_SIZES}`);
  return items.map((x) => {
    if (x.trim() === '') throw new UsageError(`--sizes ${quote(raw)} has an empty size`);
    return sizeValue('sizes', x);
  });
}
