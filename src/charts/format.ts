/**
 * Labels with units for axes, legends and tooltips. Binary units for sizes (64 B, 1 KiB, 4 MiB),
 * the largest readable unit for simulated time, and never "NaN" or "Infinity" on screen.
 */
import { formatBytes, formatCount, trim } from '../lib/format.ts';

/** A byte count in binary units: 64 → "64 B", 65536 → "64 KiB", 4194304 → "4 MiB". */
export function formatBytesLabel(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  return formatBytes(bytes);
}

/**
 * The unit inside the last parentheses of an axis label, which is where every label puts it.
 *
 * @example unitFromLabel('throughput (MiB/s)') // 'MiB/s'
 */
export function unitFromLabel(label: string): string {
  const match = /\(([^()]+)\)\s*$/.exec(label);
  return match ? match[1].trim() : '';
}

/** A value with its unit, three significant digits at most: (398.25, 'MiB/s') → "398 MiB/s". */
export function formatWithUnit(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  const text = trim(value);
  if (unit === '') return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

export function formatMiBps(value: number): string {
  return formatWithUnit(value, 'MiB/s');
}

export function formatMicros(valueUs: number): string {
  return formatWithUnit(valueUs, 'µs');
}

export function formatPercent(value: number): string {
  return formatWithUnit(value, '%');
}

export type TimeUnit = { unit: 'ns' | 'µs' | 'ms' | 's'; nsPerUnit: number };

const TIME_UNITS: readonly TimeUnit[] = [
  { unit: 's', nsPerUnit: 1e9 },
  { unit: 'ms', nsPerUnit: 1e6 },
  { unit: 'µs', nsPerUnit: 1e3 },
  { unit: 'ns', nsPerUnit: 1 },
];

/**
 * The unit for a time axis spanning `spanNs`: the largest in which the span is at least 2, so tick
 * labels stay short whole numbers (a 5 ms run reads 0–5 ms, a 900 µs run 0–900 µs).
 */
export function chooseTimeUnit(spanNs: number): TimeUnit {
  const span = Number.isFinite(spanNs) ? Math.abs(spanNs) : 0;
  return TIME_UNITS.find((u) => span >= 2 * u.nsPerUnit) ?? TIME_UNITS[3];
}

/** A point in simulated time given in ns, in the unit chosen for its axis: "12.5 ms". */
export function formatTimeNs(valueNs: number, unit: TimeUnit): string {
  return formatWithUnit(valueNs / unit.nsPerUnit, unit.unit);
}

/** Tick labels for log-scale values: plain decimals with thousands separators, no exponent. */
export function formatLogTick(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 1) return formatCount(value);
  return String(Number(value.toPrecision(3)));
}
