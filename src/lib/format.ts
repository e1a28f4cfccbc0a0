/** Human-readable numbers with units, for readouts, tables and axis labels. */

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${trim(bytes / 1024 ** 3)} GiB`;
  if (bytes >= 1024 ** 2) return `${trim(bytes / 1024 ** 2)} MiB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

/** A duration given in nanoseconds, in the largest unit that keeps it ≥ 1. */
export function formatDurationNs(durationNs: number): string {
  const abs = Math.abs(durationNs);
  if (abs >= 1e9) return `${trim(durationNs / 1e9)} s`;
  if (abs >= 1e6) return `${trim(durationNs / 1e6)} ms`;
  if (abs >= 1e3) return `${trim(durationNs / 1e3)} µs`;
  return `${Math.round(durationNs)} ns`;
}

/**
 * The simulated clock, in the largest unit that keeps it ≥ 1 (ns, µs, ms, s) with a fixed number of
 * decimals per unit, so its width changes only when the unit does: 830 ns, 242.854 µs,
 * 242.854 ms, 1.234567 s. Below a second the last digit is a nanosecond (µs) or a microsecond
 * (ms); in seconds it stays a microsecond, so stepping one event still moves it.
 */
export function formatClockNs(nowNs: number): string {
  if (!Number.isFinite(nowNs)) return '–';
  const abs = Math.abs(nowNs);
  if (abs < 1e3) return `${Math.round(nowNs)} ns`;
  const i = CLOCK_UNITS.findIndex((u) => abs >= u.nsPer);
  const text = (u: (typeof CLOCK_UNITS)[number]) => `${(nowNs / u.nsPer).toFixed(u.decimals)} ${u.unit}`;
  // Rounding can reach 1000 of a unit (999 999 999 ns): that reads 1.000000 s, never 1000.000 ms.
  if (i > 0 && Math.abs(Number((nowNs / CLOCK_UNITS[i].nsPer).toFixed(CLOCK_UNITS[i].decimals))) >= 1000)
    return text(CLOCK_UNITS[i - 1]);
  return text(CLOCK_UNITS[i]);
}

const CLOCK_UNITS = [
  { unit: 's', nsPer: 1e9, decimals: 6 },
  { unit: 'ms', nsPer: 1e6, decimals: 3 },
  { unit: 'µs', nsPer: 1e3, decimals: 3 },
] as const;

export function formatMiBps(value: number): string {
  return `${trim(value)} MiB/s`;
}

/** Three significant digits at most, no trailing zeros. */
export function trim(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

/**
 * A whole count with thousands separators, "1,234,567", as `toLocaleString('en')` writes it but
 * without Intl: the page's first number formatter costs tens of ms of ICU set-up on the load's
 * critical path, and each `toLocaleString` call after it a formatter look-up. Fractions round.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const digits = String(Math.abs(Math.round(n)));
  let out = digits.length > 3 ? digits.slice(0, digits.length % 3 || 3) : digits;
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 && out !== '0' ? `-${out}` : out;
}
