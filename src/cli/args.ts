/**
 * A small, strict flag parser: every flag must be known, every value well-formed; errors name the
 * flag and what it accepts.
 */
export class UsageError extends Error {}

export interface FlagSpec {
  /** Takes a value (`--size 64`) or is a switch (`--json`). */
  readonly value: boolean;
  /** May be given more than once (`--set a=1 --set b=2`). */
  readonly repeat?: boolean;
  readonly help: string;
}

export interface Parsed {
  readonly positional: string[];
  readonly values: Map<string, string[]>;
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
    const spec = specs[name];
    if (!spec) {
      throw new UsageError(
        `unknown flag --${name}; allowed: ${Object.keys(specs)
          .map((k) => `--${k}`)
          .join(', ')}`,
      );
    }
    let value = 'true';
    if (spec.value) {
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      else throw new UsageError(`--${name} needs a value: ${spec.help}`);
    } else if (eq > 0) {
      throw new UsageError(`--${name} takes no value`);
    }
    const list = values.get(name) ?? [];
    if (list.length > 0 && !spec.repeat) throw new UsageError(`--${name} given twice`);
    list.push(value);
    values.set(name, list);
  }
  return { positional, values };
}

/** An integer flag within [min, max], or the fallback when absent. */
export function intFlag(p: Parsed, name: string, fallback: number, min: number, max: number): number {
  const raw = p.values.get(name)?.[0];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n))
    throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  if (n < min || n > max) throw new UsageError(`--${name} = ${n} is outside the allowed range ${min}–${max}`);
  return n;
}

/** One of `allowed`, or the fallback when absent. */
export function choiceFlag<T extends string>(p: Parsed, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = p.values.get(name)?.[0];
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} "${raw}" is not one of: ${allowed.join(', ')}`);
  }
  return raw as T;
}

export function has(p: Parsed, name: string): boolean {
  return p.values.has(name);
}
