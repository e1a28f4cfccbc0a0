import { LIMITS, SWEEP_MAX_SIZE_BYTES } from '../../model/limits.ts';
import { PARAM_BY_NAME } from '../../model/params.ts';
import { checkParam } from '../../model/validate.ts';
import { SPEED_LIMITS } from '../settings.ts';
import { parseQuantity } from './quantity.ts';

/**
 * Every number a link, a scenario file or a typed field can carry: its link key, unit and range,
 * read from the model's limits (src/model/limits.ts), the parameter schema and the speed's limits,
 * never copied. `parseField` is the one way in: text → value, or a message that names the key and
 * says the range with its units ("size: 5000000 is outside 1 B–4 MiB").
 */
export interface FieldSpec {
  /** The key in the link (`size`, `vms`, `t`, `p.coalUs`). */
  readonly key: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** A model constant: its range check is the model's own (`checkParam`), word for word. */
  readonly param?: string;
}

/** The largest message the app offers: where the charts' sweep ends (the command line goes further). */
export const APP_MAX_SIZE_BYTES = SWEEP_MAX_SIZE_BYTES;
/**
 * The latest simulated time a link can open at: opening replays the run from t = 0 to it, which for
 * 16 streaming VMs takes seconds per 10 ms of simulated time; the app's clock rarely goes past it.
 */
export const LINK_MAX_TIME_NS = 100_000_000;

export const SIZE_FIELD: FieldSpec = {
  key: 'size',
  unit: 'B',
  min: LIMITS.sizeBytes.min,
  max: Math.min(APP_MAX_SIZE_BYTES, LIMITS.sizeBytes.max),
  integer: true,
};
/** The size of a pktgen frame (the same key: the workload decides which range applies). */
export const FRAME_FIELD: FieldSpec = { ...SIZE_FIELD, ...LIMITS.pktgenFrameBytes };
export const VMS_FIELD: FieldSpec = { key: 'vms', unit: 'VMs', ...LIMITS.pairs, integer: true };
export const WINDOW_FIELD: FieldSpec = { key: 'window', unit: 'messages', ...LIMITS.window, integer: true };
export const SEED_FIELD: FieldSpec = { key: 'seed', unit: '', ...LIMITS.seed, integer: true };
export const SPEED_FIELD: FieldSpec = { key: 'speed', unit: 'ns/s', ...SPEED_LIMITS, integer: true };
export const TIME_FIELD: FieldSpec = { key: 't', unit: 'ns', min: 0, max: LINK_MAX_TIME_NS, integer: true };
/** A message's number (from 0); no run in the app's time range sends more than the model's limit. */
export const MESSAGE_FIELD: FieldSpec = {
  key: 'msg',
  unit: '',
  min: 0,
  max: LIMITS.messages.max,
  integer: true,
};

/** A model constant as a field (`p.<name>`), or null for a name the schema does not know. */
export function paramField(name: string): FieldSpec | null {
  const spec = PARAM_BY_NAME.get(name);
  if (!spec) return null;
  return {
    key: `p.${name}`,
    unit: spec.unit,
    min: spec.min,
    max: spec.max,
    integer: !!spec.integer,
    param: name,
  };
}

/** A size field with the given range (the size control's, which switches with the workload). */
export function sizeFieldWithin(min: number, max: number): FieldSpec {
  return { ...SIZE_FIELD, min, max };
}

const BINARY = [
  ['GiB', 1024 ** 3],
  ['MiB', 1024 ** 2],
  ['KiB', 1024],
] as const;
const DECIMAL_TIME = [
  ['s', 1e9],
  ['ms', 1e6],
  ['µs', 1e3],
] as const;

/** A limit with its unit, exact: 4194304 B → "4 MiB", 9014 B → "9014 B", 100000000 ns → "100 ms". */
export function formatLimit(value: number, unit: string): string {
  const scale = (table: readonly (readonly [string, number])[], base: string) => {
    for (const [name, per] of table) if (value >= per && value % per === 0) return `${value / per} ${name}`;
    return `${value} ${base}`;
  };
  if (unit === 'B') return scale(BINARY, 'B');
  if (unit === 'ns') return scale(DECIMAL_TIME, 'ns');
  if (unit === 'ns/s') return `${scale(DECIMAL_TIME, 'ns')}/s`;
  return unit === '' ? String(value) : `${value} ${unit}`;
}

/** "1 B–4 MiB", "1–16 VMs", "0–4294967295". */
export function formatRange(spec: Pick<FieldSpec, 'min' | 'max' | 'unit'>): string {
  const lo = formatLimit(spec.min, spec.unit);
  const hi = formatLimit(spec.max, spec.unit);
  const unitOf = (s: string) => s.slice(s.lastIndexOf(' ') + 1);
  // One unit for both ends when they share it: 60–9014 B, 1–16 VMs.
  if (lo.includes(' ') && hi.includes(' ') && unitOf(lo) === unitOf(hi))
    return `${lo.slice(0, lo.lastIndexOf(' '))}–${hi}`;
  return `${lo}–${hi}`;
}

/** Why `value` does not fit the field, or null. No key in it: callers name the key. */
export function checkField(spec: FieldSpec, value: number): string | null {
  const shown = String(value);
  if (spec.param) return checkParam(spec.param, value);
  if (spec.integer && !Number.isInteger(value))
    return `${shown} is not a whole number (${formatRange(spec)})`;
  if (value < spec.min || value > spec.max) return `${shown} is outside ${formatRange(spec)}`;
  return null;
}

/** The most of any one input a message quotes: a 100 KB value is not repeated back whole. */
export const QUOTE_MAX_CHARS = 40;

/** A raw text short enough to quote in a message. */
export function clip(raw: string): string {
  return raw.length > QUOTE_MAX_CHARS ? `${raw.slice(0, QUOTE_MAX_CHARS)}…` : raw;
}

const NUMERIC_RE = /^\s*[+-]?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?/i;

/**
 * What a double hides in `text` (a number read as `value`): a non-zero number too small for a
 * double (`1e-400` reads as 0), or a fraction too fine for one (`4294967295.0000001` reads as a
 * whole number). Read from the decimal digits themselves, so neither is applied in silence.
 */
function hiddenByDouble(spec: FieldSpec, text: string, value: number): string | null {
  const m = NUMERIC_RE.exec(text);
  if (!m) return null;
  const fraction = m[2] ?? '';
  const digits = `${m[1]}${fraction}`.replace(/^0+/, '');
  if (digits === '') return null;
  const shown = `"${clip(text.trim())}"`;
  if (value === 0) return `${shown} is too close to 0 to be read as a number`;
  if (!spec.integer) return null;
  const scale = Number(m[3] ?? 0) - fraction.length;
  if (scale >= 0) return null;
  // value = digits × 10^scale × factor (the unit's, 1024 for K): whole when 10^-scale divides digits × factor.
  const factor = Math.round(value / Number(`${m[1] || '0'}.${fraction}e${m[3] ?? 0}`));
  if (!Number.isSafeInteger(factor) || factor < 1) return null;
  const whole =
    -scale <= digits.length + 16 && (BigInt(digits) * BigInt(factor)) % 10n ** BigInt(-scale) === 0n;
  if (whole) return null;
  return spec.param
    ? `${spec.param} must be a whole number of ${spec.unit}, got ${shown}`
    : `${shown} is not a whole number (${formatRange(spec)})`;
}

export type FieldParse = { ok: true; value: number } | { ok: false; error: string; reason: string };

/** Text → a value of the field, or why not: `reason` alone, `error` with the key in front. */
export function parseField(spec: FieldSpec, text: string): FieldParse {
  const parsed = parseQuantity(text, spec.unit);
  // The value as read (1.5e3 → 1500), so a link and a typed field say the same words.
  const reason = parsed.ok
    ? (checkField(spec, parsed.value) ?? hiddenByDouble(spec, text, parsed.value))
    : parsed.error;
  if (reason !== null) return { ok: false, reason, error: `${spec.key}: ${reason}` };
  return { ok: true, value: parsed.ok ? parsed.value : NaN };
}

/** A validator for a typed field: the same words as the link's, with the key in front. */
export function fieldValidator(spec: FieldSpec): (value: number) => string | null {
  return (value) => {
    const reason = checkField(spec, value);
    return reason === null ? null : `${spec.key}: ${reason}`;
  };
}
