import { chooseTimeUnit } from '../../charts/index.ts';

export interface TimeTick {
  readonly tNs: number;
  readonly label: string;
}

/** Tick steps: 1, 2, 5 × 10^k ns. */
function niceStepNs(rawNs: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(1, rawNs)));
  for (const m of [1, 2, 5, 10]) if (m * p >= rawNs) return m * p;
  return 10 * p;
}

/**
 * Ticks for a window of simulated time drawn over `widthPx`, at least `minSpacingPx` apart. The unit
 * follows the window's end (ns, µs, ms, s, as the charts choose it), with as many decimals as the
 * step needs, so a window deep into a run reads "12.302 ms", "12.304 ms", not nanosecond counts.
 */
export function timeTicks(startNs: number, endNs: number, widthPx: number, minSpacingPx: number): TimeTick[] {
  const span = endNs - startNs;
  if (!(span > 0) || !(widthPx > 0)) return [];
  const step = niceStepNs((span * minSpacingPx) / widthPx);
  const unit = chooseTimeUnit(Math.max(Math.abs(endNs), step));
  const decimals = Math.max(0, Math.ceil(Math.log10(unit.nsPerUnit / step) - 1e-9));
  const ticks: TimeTick[] = [];
  for (let t = Math.ceil(startNs / step) * step; t <= endNs; t += step)
    ticks.push({ tNs: t, label: `${(t / unit.nsPerUnit).toFixed(decimals)} ${unit.unit}` });
  return ticks;
}

/** A duration for the summary and the hover: "12.3 µs", "850 ns", "1.25 ms". */
export function formatSpanNs(ns: number): string {
  const unit = chooseTimeUnit(ns * 2); // the largest unit in which it is at least 1
  const v = ns / unit.nsPerUnit;
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${unit.unit}`;
}
