/**
 * Tick positions and labels, computed from d3 scales (visx's headless `useAxis`, as plain
 * functions): the components only draw what these return.
 */
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { formatBytesLabel, formatLogTick } from './format.ts';
import { estimateTextWidth, labelStep, px } from './layout.ts';

/** One tick: its value, its position in px along the axis, and its label ('' draws a bare tick). */
export type Tick = { value: number; pos: number; label: string; strong?: boolean };

/**
 * Ticks for a message-size axis on a log2 scale: one at every power of two inside the domain,
 * labelled in binary units (64 B, 1 KiB, 64 KiB, 1 MiB), every k-th one labelled so that labels of
 * `fontSize` px never overlap. Unlabelled powers of two stay as short minor ticks.
 */
export function byteTicks(scale: ScaleLogarithmic<number, number>, fontSize: number): Tick[] {
  const [lo, hi] = scale.domain();
  if (!(lo > 0 && hi >= lo && Number.isFinite(hi))) return [];
  const exponents: number[] = [];
  const first = Math.ceil(Math.log2(lo) - 1e-9);
  const last = Math.floor(Math.log2(hi) + 1e-9);
  // Absurd domains (1e-300 to 1e300 bytes) still get at most about 64 candidate ticks.
  const stride = Math.max(1, Math.ceil((last - first) / 64));
  for (let e = first; e <= last; e += stride) exponents.push(e);
  const values = exponents.length >= 2 ? exponents.map((e) => 2 ** e) : uniqueSorted([lo, hi]);
  const labels = values.map(formatBytesLabel);
  const positions = values.map((v) => scale(v));
  const step = labelStep(
    positions,
    labels.map((l) => estimateTextWidth(l, fontSize)),
    fontSize * 0.5,
  );
  return values.map((value, i) => ({ value, pos: px(positions[i]), label: i % step === 0 ? labels[i] : '' }));
}

/** Ticks of a linear scale, about one per `spacing` px, with d3's tick format (consistent precision). */
export function linearTicks(scale: ScaleLinear<number, number>, spacing: number): Tick[] {
  const [d0, d1] = scale.domain();
  // d3 would try to make billions of ticks for a span that is tiny next to the values (or denormal).
  const span = Math.abs(d1 - d0);
  if (!(span > 1e-280 && span > 1e-9 * Math.max(Math.abs(d0), Math.abs(d1)))) {
    return Number.isFinite(d0)
      ? [{ value: d0, pos: px(scale(d0)), label: String(Number(d0.toPrecision(4))) }]
      : [];
  }
  const [r0, r1] = scale.range();
  const count = Math.max(2, Math.floor(Math.abs(r1 - r0) / Math.max(1, spacing)));
  const format = scale.tickFormat(count);
  return scale.ticks(count).map((value) => ({ value, pos: px(scale(value)), label: format(value) }));
}

/**
 * Ticks of a base-10 log scale: the powers of ten, with 2× and 5× in between when the domain spans
 * fewer than three decades, thinned so labels of `fontSize` px stay apart.
 */
export function logTicks(scale: ScaleLogarithmic<number, number>, fontSize: number): Tick[] {
  const [lo, hi] = scale.domain();
  if (!(lo > 0 && hi >= lo && Number.isFinite(hi))) return [];
  const decades = Math.log10(hi / lo);
  const values: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of decades < 3 ? [1, 2, 5] : [1]) {
      const v = m * 10 ** e;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) values.push(v);
    }
  }
  const chosen = values.length >= 2 ? values : scale.ticks(4);
  const positions = chosen.map((v) => scale(v));
  const step = labelStep(
    positions,
    chosen.map(() => fontSize),
    fontSize * 0.6,
  );
  return chosen.map((value, i) => ({
    value,
    pos: px(positions[i]),
    label: i % step === 0 ? formatLogTick(value) : '',
  }));
}

function uniqueSorted(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
