import type { FieldSpec } from './fields.ts';

/**
 * Seeded generation of the texts a link or a scenario file may carry, for the fuzz tests (Node:
 * fuzzLinks.test.ts, fuzzScenarios.test.ts; Chromium: e2e/fuzz.spec.ts). Each text comes with what
 * a correct reader makes of it: the value, or null when it must be refused and named. Seeded, so
 * every failure reproduces from its seed and case number; no Math.random.
 */

/** A seeded generator (mulberry32): the same seed gives the same cases on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const chance = (r: Rand, p: number) => r() < p;

/** Texts no reader may accept for any field, whatever its range. */
export const HOSTILE_TEXTS: readonly string[] = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '0x10',
  '0b11',
  '0o17',
  'abc',
  '1,000',
  '1_000',
  '+',
  '.',
  'e5',
  '1e',
  '--1',
  '1..2',
  '8 parsecs',
  '١٢',
  '１２',
  '8\u200b',
  '💥',
  'null',
  'undefined',
  'true',
  '[1]',
  '{"a":1}',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '%3Cscript%3E',
  '9'.repeat(400),
];

/** 100 KB texts: rarer than the rest, since each costs a reader (and a URL) real work. */
export const HUGE_TEXTS: readonly string[] = [
  'a'.repeat(100_000),
  '1'.repeat(100_000),
  `1${'0'.repeat(100_000)}`,
  `0.${'0'.repeat(100_000)}1`,
  `1.${'1'.repeat(100_000)}`,
];

/** A hostile text: one of the above, or a random string of printable, unicode and markup characters. */
export function hostileText(r: Rand): string {
  if (chance(r, 0.02)) return pick(r, HUGE_TEXTS);
  if (chance(r, 0.7)) return pick(r, HOSTILE_TEXTS);
  const alphabet = 'abcxyzé大💥<>"\'&=;/\\%#?+ \t';
  let s = pick(r, ['x', '<', 'é', '&', '%']);
  for (let i = int(r, 0, 12); i > 0; i--) s += pick(r, [...alphabet]);
  return s;
}

/**
 * Whether the decimal `text` (no unit) is exactly a whole number, read digit by digit rather than as
 * a double: `4294967295.0000001` is not, though the nearest double is.
 */
export function isWholeDecimal(text: string): boolean {
  const m = /^\s*[+-]?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?\s*$/i.exec(text);
  if (!m) return false;
  const digits = `${m[1]}${m[2] ?? ''}`.replace(/^0+/, '');
  if (digits === '') return true;
  const exp = Number(m[3] ?? 0) - (m[2] ?? '').length;
  if (exp >= 0) return true;
  return /^0*$/.test(digits.slice(exp));
}

/** What a field must make of a plain decimal text: its value, or null when it must be refused. */
export function expectedPlain(spec: FieldSpec, text: string): number | null {
  if (!/^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i.test(text)) return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  if (spec.integer && !isWholeDecimal(text)) return null;
  if (!spec.integer && n === 0 && /[1-9]/.test(text.replace(/e.*$/i, ''))) return null; // underflow
  return n >= spec.min && n <= spec.max ? n : null;
}

/** A value the field accepts, as a plain decimal, with a unit, or in exponent form, and its value. */
export function validText(r: Rand, spec: FieldSpec): { text: string; value: number } {
  const hi = Math.min(spec.max, spec.min + pick(r, [10, 1000, 1e6, Infinity]));
  let value = spec.integer
    ? int(r, spec.min, Math.floor(hi))
    : Number((spec.min + r() * (hi - spec.min)).toFixed(3));
  if (value > spec.max || value < spec.min) value = spec.max;
  if (chance(r, 0.1)) value = pick(r, [spec.min, spec.max]);
  const forms: string[] = [String(value)];
  if (spec.unit === 'B' && value % 1024 === 0 && value > 0)
    forms.push(`${value / 1024}K`, `${value / 1024}KiB`);
  if (spec.unit === 'B' && value % 1048576 === 0 && value > 0) forms.push(`${value / 1048576}MiB`);
  if (spec.unit === 'ns' && value % 1000 === 0) forms.push(`${value / 1000}us`, `${value / 1000}µs`);
  if (spec.unit === 'ns/s' && value % 1e6 === 0) forms.push(`${value / 1e6}ms/s`);
  if (
    spec.unit !== '' &&
    !/\s/.test(spec.unit) &&
    spec.unit !== 'B' &&
    spec.unit !== 'ns' &&
    spec.unit !== 'ns/s'
  )
    forms.push(`${value} ${spec.unit}`, `${value}${spec.unit}`);
  if (value >= 1000 && value % 100 === 0) forms.push(`${value / 1000}e3`);
  return { text: pick(r, forms), value };
}

/** A text the field must refuse: out of range, not whole, too large, hostile, or a plain number it checks. */
export function badText(r: Rand, spec: FieldSpec): { text: string; value: number | null } {
  const plain = (t: string) => ({ text: t, value: expectedPlain(spec, t) });
  switch (int(r, 0, 7)) {
    case 0:
      return plain(String(spec.max + pick(r, [1, 1000, spec.max * 10, 1e21])));
    case 1:
      return plain(String(spec.min - pick(r, [1, 5, 1e6])));
    case 2:
      return plain(
        pick(r, [
          '2.5',
          '1e9',
          '4294967296',
          '1e-400',
          '0.5',
          '64.000000000000001',
          '4294967295.0000001',
          '-0',
          '1e21',
          '100000',
        ]),
      );
    case 3: {
      // pktgen's trap: `64K` is 64 KiB, past a frame's 9014 B; units that are not sizes refuse K.
      const bytes = pick(r, [65536, 1048576, 4194305]);
      const text = bytes % 1024 === 0 ? `${bytes / 1024}K` : `${bytes}B`;
      const per = spec.unit === 'B' ? 1 : spec.unit === 'KiB' ? 1024 : 0;
      const v = per > 0 ? bytes / per : NaN;
      return {
        text,
        value: per > 0 && v >= spec.min && v <= spec.max && (!spec.integer || Number.isInteger(v)) ? v : null,
      };
    }
    default:
      // A long plain decimal (`1.111…`, 100 KB) is still a number a field of fractions reads.
      return plain(hostileText(r));
  }
}
