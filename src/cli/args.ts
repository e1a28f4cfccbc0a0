/**
 * A small, strict flag parser: every token must be understood. Unknown flags, stray words, empty
 * values and flags given twice are refused with a one-line message naming the flag or the word, so a
 * typo never runs something else than what was asked.
 */
import { parseQuantity } from '../lib/quantity.ts';

/** Bad input on the command line: the message is printed on one line and the exit status is 2. */
export class UsageError extends Error {}

export interface FlagSpec {
  /** Takes a value (`--size 64`) or is a switch (`--json`). */
  readonly value: boolean;
  /** May be given more than once (`--set a=1 --set b=2`), at most this many times. */
  readonly repeat?: number;
  readonly help: string;
}

export interface Parsed {
  readonly positional: string[];
  readonly values: Map<string, string[]>;
}

/** The longest text a message quotes: a 100 KB argument is not printed back whole. */
const QUOTE_MAX_CHARS = 40;

/** `raw` quoted for a message on one line: escaped (no newline or control character), shortened. */
export function quote(raw: string): string {
  const short = raw.length > QUOTE_MAX_CHARS ? `${raw.slice(0, QUOTE_MAX_CHARS)}…` : raw;
  return JSON.stringify(short);
}

export function parseFlags(argv: readonly string[], specs: Record<string, FlagSpec>): Parsed {
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      const allowed = Object.keys(specs).map((k) => `--${k}`);
      throw new UsageError(
        `unknown flag ${name === '' ? quote(arg) : `--${quote(name).slice(1, -1)}`}; allowed: ${allowed.join(', ')}`,
      );
    }
    let value = 'true';
    if (spec.value) {
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      else value = '';
      if (value.trim() === '') throw new UsageError(`--${name} needs a value: ${spec.help}`);
    } else if (eq > 0) {
      throw new UsageError(`--${name} takes no value`);
    }
    const list = values.get(name) ?? [];
    if (list.length > 0 && !spec.repeat) throw new UsageError(`--${name} given twice`);
    if (spec.repeat && list.length >= spec.repeat)
      throw new UsageError(`--${name} given more than ${spec.repeat} times`);
    list.push(value);
    values.set(name, list);
  }
  return { positional, values };
}

/** Refuses the first positional word past the `allowed` count, naming the command. */
export function noMorePositionals(p: Parsed, command: string, allowed = 0): void {
  const extra = p.positional[allowed];
  if (extra !== undefined) throw new UsageError(`${command}: unexpected argument ${quote(extra)}`);
}

/**
 * A whole-number flag within [min, max], or the fallback when absent. Read as the app's fields read a
 * count (`1.5e3` is 1500); a fraction, a unit or a number out of range is refused.
 */
export function intFlag(p: Parsed, name: string, fallback: number, min: number, max: number): number {
  const raw = p.values.get(name)?.[0];
  if (raw === undefined) return fallback;
  const parsed = parseQuantity(raw, '');
  if (!parsed.ok) throw new UsageError(`--${name}: ${parsed.error}`);
  if (!Number.isInteger(parsed.value))
    throw new UsageError(`--${name} must be a whole number, got ${quote(raw)}`);
  if (parsed.value < min || parsed.value > max)
    throw new UsageError(`--${name} ${quote(raw.trim()).slice(1, -1)} is outside ${min}–${max}`);
  return parsed.value;
}

/** One of `allowed`, or the fallback when absent. */
export function choiceFlag<T extends string>(p: Parsed, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = p.values.get(name)?.[0];
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} ${quote(raw)} is not one of: ${allowed.join(', ')}`);
  }
  return raw as T;
}

export function has(p: Parsed, name: string): boolean {
  return p.values.has(name);
}
