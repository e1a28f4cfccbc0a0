/**
 * The running simulation over simulated time as a pure function: x in the unit that suits the span
 * (ns, µs, ms, s), one or two y axes (e.g. MiB/s on the left, % on the right), path strings built
 * in one pass over columnar arrays. Cheap enough to run at 10 Hz with thousands of points.
 */
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear } from 'd3-scale';
import { chooseTimeUnit, formatTimeNs, formatWithUnit, unitFromLabel } from './format.ts';
import type { TimeUnit } from './format.ts';
import type { Box, LegendLayout } from './layout.ts';
import { chartSize, drawable, estimateTextWidth, layoutLegend, px } from './layout.ts';
import { linearDomain, niceIfFinite } from './lineChartGeometry.ts';
import type { FontSizes, SeriesStyle } from './theme.ts';
import { fontSizes, seriesStyle } from './theme.ts';
import type { Tick } from './ticks.ts';
import { linearTicks } from './ticks.ts';
import type { TooltipContent } from './Tooltip.tsx';
import { nearestIndex } from './hover.ts';

/** A series as columns (typed arrays welcome): `tNs[i]` in ns of simulated time, `values[i]` in its axis' unit. */
export type TimeSeries = {
  key: string;
  label: string;
  tNs: ArrayLike<number>;
  values: ArrayLike<number>;
  /** The y axis the series is read on; 'left' unless given. */
  axis?: 'left' | 'right';
  /** Fixes the series' colour, dash and marker; without it the style follows its position. */
  style?: SeriesStyle;
};

export type TimeSeriesData = {
  title?: string;
  /** The x axis title without unit; the unit (ns, µs, ms or s) is appended. Defaults to "simulated time". */
  xLabel?: string;
  /** The left y axis title with its unit, e.g. "throughput (MiB/s)". */
  yLabel: string;
  /** The right y axis title with its unit, e.g. "CPU utilization (%)"; used when a series has `axis: 'right'`. */
  yRightLabel?: string;
  series: readonly TimeSeries[];
  /** A fixed time window in ns (e.g. [0, run length] or the last 5 ms); defaults to the data's extent. */
  xDomainNs?: readonly [number, number];
  /** Fixed y domains; default from 0 to the largest value. Use [0, 100] for utilization in %. */
  yDomain?: readonly [number, number];
  yRightDomain?: readonly [number, number];
  textScale?: number;
};

export type TimeSeriesGeometry = {
  width: number;
  height: number;
  fonts: FontSizes;
  plot: Box;
  titleY: number;
  legend: LegendLayout;
  legendY: number;
  timeUnit: TimeUnit;
  xDomainNs: [number, number];
  xLabel: string;
  yLabel: string;
  yRightLabel: string | null;
  yLabelX: number;
  yRightLabelX: number;
  xTicks: Tick[];
  yTicks: Tick[];
  yRightTicks: Tick[] | null;
  series: {
    key: string;
    label: string;
    axis: 'left' | 'right';
    style: SeriesStyle;
    path: string | null;
    /** Valid samples (finite, inside the window), ascending in time, and their px positions. */
    tNs: Float64Array;
    values: Float64Array;
    xs: Float64Array;
    ys: Float64Array;
    unit: string;
  }[];
};

export function timeSeriesGeometry(data: TimeSeriesData, width: number, height: number): TimeSeriesGeometry {
  const fonts = fontSizes(data.textScale);
  const w = chartSize(width, 120);
  const h = chartSize(height, 100);
  const cleaned = data.series.map((s, i) => ({
    ...s,
    axis: s.axis ?? 'left',
    style: s.style ?? seriesStyle(i),
    ...validSamples(s),
  }));
  const hasRight = cleaned.some((s) => s.axis === 'right');

  const xDomainNs = timeDomain(data.xDomainNs, cleaned);
  const windowed = cleaned.map((s) => ({ ...s, ...inWindow(s.tNs, s.values, xDomainNs) }));
  const timeUnit = chooseTimeUnit(xDomainNs[1] - xDomainNs[0]);

  const pad = 8;
  const titleY = pad + fonts.title;
  const legend = layoutLegend(
    windowed.map((s) => ({
      key: s.key,
      label: hasRight && s.axis === 'right' ? `${s.label} (right axis)` : s.label,
    })),
    w - 2 * pad,
    fonts.legend,
  );
  const legendY = (data.title ? titleY + fonts.title * 0.45 : pad) + 2;
  const top = legendY + legend.height + fonts.tick * 0.6;
  const bottom = h - (pad + fonts.tick + fonts.axisLabel + 18);

  // The domain needs only the extremes: no copy of the values.
  const valuesOn = (axis: 'left' | 'right') => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of windowed) {
      if (s.axis !== axis) continue;
      for (let i = 0; i < s.values.length; i++) {
        if (s.values[i] < lo) lo = s.values[i];
        if (s.values[i] > hi) hi = s.values[i];
      }
    }
    return lo <= hi ? [lo, hi] : [];
  };
  const yScale = yScaleFor(data.yDomain, valuesOn('left'), bottom, top);
  const yRightScale = hasRight ? yScaleFor(data.yRightDomain, valuesOn('right'), bottom, top) : null;
  const yTicks = linearTicks(yScale, fonts.tick * 3.6);
  const yRightTicks = yRightScale ? linearTicks(yRightScale, fonts.tick * 3.6) : null;

  const tickWidth = (ticks: Tick[] | null) =>
    Math.max(0, ...(ticks ?? []).map((t) => estimateTextWidth(t.label, fonts.tick)));
  const yLabelX = pad + fonts.axisLabel * 0.6;
  const left = yLabelX + fonts.axisLabel * 0.7 + tickWidth(yTicks) + 16;
  const yRightLabelX = w - pad - fonts.axisLabel * 0.6;
  const right = yRightScale
    ? yRightLabelX - fonts.axisLabel * 0.7 - tickWidth(yRightTicks) - 16
    : w - pad - fonts.tick * 1.2;
  const plot: Box = {
    left: px(left),
    top: px(top),
    width: px(Math.max(10, right - left)),
    height: px(Math.max(10, bottom - top)),
  };

  const u = timeUnit.nsPerUnit;
  const xScale = scaleLinear()
    .domain([xDomainNs[0] / u, xDomainNs[1] / u])
    .range([plot.left, plot.left + plot.width]);
  const xTicks = linearTicks(
    xScale,
    estimateTextWidth(String(Math.round(xDomainNs[1] / u)), fonts.tick) + fonts.tick * 3,
  );

  const series = windowed.map((s) => {
    const scale = s.axis === 'right' && yRightScale ? yRightScale : yScale;
    const n = s.tNs.length;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = px(xScale(s.tNs[i] / u));
      ys[i] = px(scale(s.values[i]));
    }
    const label = s.axis === 'right' ? (data.yRightLabel ?? '') : data.yLabel;
    return {
      key: s.key,
      label: s.label,
      axis: s.axis,
      style: s.style,
      path: n > 0 ? polyline(xs, ys, decimate(xs, ys)) : null,
      tNs: s.tNs,
      values: s.values,
      xs,
      ys,
      unit: unitFromLabel(label),
    };
  });

  return {
    width: w,
    height: h,
    fonts,
    plot,
    titleY,
    legend,
    legendY,
    timeUnit,
    xDomainNs,
    xLabel: `${data.xLabel ?? 'simulated time'} (${timeUnit.unit})`,
    yLabel: data.yLabel,
    yRightLabel: hasRight ? (data.yRightLabel ?? '') : null,
    yLabelX,
    yRightLabelX,
    xTicks,
    yTicks,
    yRightTicks,
    series,
  };
}

/** Hover columns: the sample times of the series with the most samples, in px. */
export function timeColumns(g: TimeSeriesGeometry): Float64Array {
  let best: TimeSeriesGeometry['series'][number] | undefined;
  for (const s of g.series) if (!best || s.xs.length > best.xs.length) best = s;
  return best?.xs ?? new Float64Array(0);
}

/** The tooltip at hover column `index`: the time, then each series' nearest sample with its unit. */
export function timeTooltip(g: TimeSeriesGeometry, index: number): TooltipContent | null {
  const columns = timeColumns(g);
  const x = columns[index];
  if (x === undefined) return null;
  let heading = '';
  const rows: TooltipContent['rows'] = [];
  for (const s of g.series) {
    const i = nearestIndex(s.xs, x);
    if (i < 0) continue;
    if (heading === '') heading = `t = ${formatTimeNs(s.tNs[i], g.timeUnit)}`;
    rows.push({
      key: s.key,
      text: `${s.label}: ${formatWithUnit(s.values[i], s.unit)}`,
      swatch: { kind: 'line', style: s.style },
    });
  }
  return { heading, rows };
}

/** Samples with finite time and value, ascending in time (sorted only when they are not already). */
export function validSamples(s: Pick<TimeSeries, 'tNs' | 'values'>): {
  tNs: Float64Array;
  values: Float64Array;
} {
  const n = Math.min(s.tNs.length, s.values.length);
  const tNs = new Float64Array(n);
  const values = new Float64Array(n);
  let count = 0;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const t = s.tNs[i];
    const v = s.values[i];
    if (!drawable(t) || !drawable(v)) continue;
    if (count > 0 && t < tNs[count - 1]) sorted = false;
    tNs[count] = t;
    values[count] = v;
    count++;
  }
  if (sorted) return { tNs: tNs.subarray(0, count), values: values.subarray(0, count) };
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => tNs[a] - tNs[b]);
  return { tNs: Float64Array.from(order, (i) => tNs[i]), values: Float64Array.from(order, (i) => values[i]) };
}

/**
 * The SVG path through the points at `indices`: what d3-shape's `line()` makes, built directly
 * because this runs for every series at every live update.
 */
export function polyline(xs: Float64Array, ys: Float64Array, indices: readonly number[]): string {
  const parts = new Array<string>(indices.length);
  for (let k = 0; k < indices.length; k++)
    parts[k] = `${k === 0 ? 'M' : 'L'}${xs[indices[k]]},${ys[indices[k]]}`;
  return parts.join('');
}

function inWindow(tNs: Float64Array, values: Float64Array, [lo, hi]: [number, number]) {
  let a = 0;
  while (a < tNs.length && tNs[a] < lo) a++;
  let b = tNs.length;
  while (b > a && tNs[b - 1] > hi) b--;
  return { tNs: tNs.subarray(a, b), values: values.subarray(a, b) };
}

function timeDomain(
  fixed: readonly [number, number] | undefined,
  series: readonly { tNs: Float64Array }[],
): [number, number] {
  if (fixed && fixed.every((v) => drawable(v)) && fixed[0] !== fixed[1])
    return [Math.min(...fixed), Math.max(...fixed)];
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    if (s.tNs.length === 0) continue;
    lo = Math.min(lo, s.tNs[0]);
    hi = Math.max(hi, s.tNs[s.tNs.length - 1]);
  }
  if (!Number.isFinite(lo)) return [0, 1e6];
  // Times are whole ns: less than 1 ns between first and last is a single instant; show 1 ms from it.
  return hi - lo >= 1 ? [lo, hi] : [lo, lo + 1e6];
}

function yScaleFor(
  fixed: readonly [number, number] | undefined,
  values: number[],
  bottom: number,
  top: number,
) {
  const domain: [number, number] =
    fixed && fixed.every((v) => drawable(v)) && fixed[0] !== fixed[1]
      ? [Math.min(...fixed), Math.max(...fixed)]
      : linearDomain(values);
  const scale: ScaleLinear<number, number> = scaleLinear().domain(domain).range([bottom, top]).clamp(true);
  return fixed ? scale : niceIfFinite(scale);
}

/**
 * Indices of the samples worth drawing: all of them when there are fewer than four per pixel column,
 * else the first, lowest, highest and last sample of each column, which keeps every peak visible.
 */
export function decimate(xs: Float64Array, ys: Float64Array): number[] {
  const n = xs.length;
  if (n === 0) return [];
  const columns = Math.abs(xs[n - 1] - xs[0]) + 1;
  if (n <= 4 * columns) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  let start = 0;
  while (start < n) {
    const col = Math.floor(xs[start]);
    let end = start;
    let lo = start;
    let hi = start;
    while (end + 1 < n && Math.floor(xs[end + 1]) === col) {
      end++;
      if (ys[end] < ys[lo]) lo = end;
      if (ys[end] > ys[hi]) hi = end;
    }
    for (const i of [...new Set([start, lo, hi, end])].sort((a, b) => a - b)) out.push(i);
    start = end + 1;
  }
  return out;
}
