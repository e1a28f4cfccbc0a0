/**
 * Text → number in a field's unit: the one reader of typed values, used alike by the link, the scenario
 * file, the typed fields and the command line, so all of them accept and refuse the same texts with the
 * same words. A plain number is in the field's unit (`1.5e3` too); a unit may follow, converted to the
 * field's: sizes take B, K/KiB/KB, M/MiB/MB, G/GiB/GB (binary, as the poster's sizes are), times take
 * ns, us/µs, ms, s, and any other field takes its own unit's name. Hex, binary, `Infinity`, numbers too
 * large for a double (`1e309`) and thousands separators are refused, never read leniently.
 */

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const QUANTITY_RE = new RegExp(String.raw`^\s*(${NUMBER})\s*(\S.*?)?\s*$`, 'i');

/** Bytes per unit; K, M and G are binary. */
const BYTE_UNITS: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};
/** Nanoseconds per unit. */
const TIME_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9 };

/** The family a field's unit belongs to, and its size in that family's base (bytes, ns). */
function family(unit: string): { units: Record<string, number>; base: number; example: string } | null {
  const u = unit.toLowerCase();
  if (u in BYTE_UNITS) return { units: BYTE_UNITS, base: BYTE_UNITS[u], example: '64K, 1MiB' };
  if (u in TIME_UNITS) return { units: TIME_UNITS, base: TIME_UNITS[u], example: '10us, 1.5ms' };
  // Simulated time per second of wall time (the speed).
  const perSecond = /^(.+)\/s$/.exec(u);
  if (perSecond && perSecond[1] in TIME_UNITS) {
    const units = Object.fromEntries(Object.entries(TIME_UNITS).map(([k, v]) => [`${k}/s`, v]));
    return { units, base: TIME_UNITS[perSecond[1]], example: '10us/s, 1ms/s' };
  }
  return null;
}

export type QuantityParse = { ok: true; value: number } | { ok: false; error: string };

/** What a field takes, for messages: "a number of µs (e.g. 10, 1.5e3, 10us, 1.5ms)". */
export function describeUnit(unit: string): string {
  const f = family(unit);
  if (f?.units === BYTE_UNITS)
    return `a size${unit === 'B' ? '' : ` in ${unit}`} (e.g. 64, 1.5e3, ${f.example})`;
  if (f?.units === TIME_UNITS) return `a time in ${unit} (e.g. 10, 1.5e3, ${f.example})`;
  const of = unit === '' ? 'a number' : `a number of ${unit}`;
  return f ? `${of} (e.g. 1.5e3, ${f.example})` : `${of} (e.g. 12, 1.5e3)`;
}

/** Removes the noise of binary floating point left by a unit conversion (0.1 ms → 100 µs, not 100.00000000000001). */
function clean(x: number): number {
  return Number(x.toPrecision(15));
}

/**
 * Reads `text` as a value in `unit` (the field's unit: 'B', 'KiB', 'µs', 'ns', 'ns/s', 'VMs', '' …).
 * Only the text is checked here; ranges are the field's (see store/link/fields.ts).
 */
export function parseQuantity(text: string, unit: string): QuantityParse {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const refuse = (): QuantityParse => ({ ok: false, error: `"${shown}" is not ${describeUnit(unit)}` });
  const m = QUANTITY_RE.exec(text);
  if (!m) return refuse();
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return { ok: false, error: `"${shown}" is too large to be a number` };
  const suffix = m[2];
  if (suffix === undefined) return { ok: true, value: n };
  const f = family(unit);
  if (f) {
    const per = f.units[suffix.toLowerCase()];
    if (per === undefined) return refuse();
    const value = clean((n * per) / f.base);
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, error: `"${shown}" is too large` };
  }
  return unit !== '' && suffix.toLowerCase() === unit.toLowerCase() ? { ok: true, value: n } : refuse();
}
