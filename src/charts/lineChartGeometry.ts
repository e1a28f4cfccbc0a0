/**
 * Everything a line chart over message sizes draws, as a pure function of its props and size:
 * scales, ticks, margins, the legend, path strings and marker positions. No DOM, so it is tested
 * in Node and every number it returns is finite.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { line } from 'd3-shape';
import { formatBytesLabel, formatWithUnit, unitFromLabel } from './format.ts';
import type { Box, LegendLayout } from './layout.ts';
import { chartSize, drawable, estimateTextWidth, layoutLegend, markerStrip, px } from './layout.ts';
import type { FontSizes, SeriesStyle } from './theme.ts';
import { fontSizes, seriesStyle } from './theme.ts';
import type { Tick } from './ticks.ts';
import { byteTicks, linearTicks, logTicks } from './ticks.ts';
import type { TooltipContent } from './Tooltip.tsx';

/** A point of a sweep: `x` a message size in bytes, `y` in the unit of the y label. */
export type XYPoint = { x: number; y: number };

/**
 * One line. `style` fixes its colour, dash and marker (so a series keeps its look in every chart,
 * whatever else is drawn); without it the style follows the series' position.
 */
export type LineSeries = { key: string; label: string; points: readonly XYPoint[]; style?: SeriesStyle };

/** A horizontal line at a known value, e.g. `{ y: 1192, label: '10 GbE wire 1192 MiB/s' }`. */
export type ReferenceLine = { y: number; label: string };

/** A value to compare against (e.g. the poster's), drawn as a hollow marker with a label. `series` borrows that series' colour and shape. */
export type ReferencePoint = { x: number; y: number; label: string; series?: string };

export type LineChartData = {
  title?: string;
  /** The x axis title; the tick labels carry the unit (64 B, 1 KiB, …). */
  xLabel?: string;
  /** The y axis title with its unit in parentheses, e.g. "throughput (MiB/s)". */
  yLabel: string;
  series: readonly LineSeries[];
  yLog?: boolean;
  referenceLines?: readonly ReferenceLine[];
  referencePoints?: readonly ReferencePoint[];
  /** The current message size in bytes: a labelled vertical marker. */
  markerX?: number;
  /** Fixes the x domain in bytes (e.g. the sweep's range) instead of fitting the data. */
  xDomain?: readonly [number, number];
  /** Fixes the top of the y axis, e.g. to compare two charts. */
  yMax?: number;
  /** Formats a y value for the tooltip; defaults to the number with the y label's unit. */
  formatY?: (y: number) => string;
  /** Multiplies every font size (presenter mode); never shrinks below the defaults. */
  textScale?: number;
};

export type PlacedPoint = { x: number; y: number; px: number; py: number };

export type LineGeometry = {
  width: number;
  height: number;
  fonts: FontSizes;
  plot: Box;
  titleY: number;
  legend: LegendLayout;
  legendY: number;
  xLabel: string;
  /** The y axis title as drawn: the given label, marked when the scale is logarithmic. */
  yLabel: string;
  yLabelX: number;
  /** The x domain in bytes and the y domain after rounding to nice values. */
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: Tick[];
  yTicks: Tick[];
  series: { key: string; label: string; style: SeriesStyle; path: string | null; points: PlacedPoint[] }[];
  referenceLines: { key: string; label: string; y: number; py: number }[];
  referencePoints: (PlacedPoint & {
    key: string;
    label: string;
    style: SeriesStyle;
    anchor: 'start' | 'end';
  })[];
  marker: { x: number; px: number; label: string } | null;
  /** The distinct x values of all series, ascending, with their px position: the hover columns. */
  columns: { x: number; px: number }[];
  formatY: (y: number) => string;
};

/** Fallback domain when no data is drawable: the poster's sweep, 64 B to 4 MiB. */
export const DEFAULT_SIZE_DOMAIN: readonly [number, number] = [64, 4 * 1024 * 1024];

/**
 * Lays out a line chart over message sizes (log2 x). Points with non-finite values, and x ≤ 0 (or y ≤ 0
 * on a log y axis), are dropped; series are sorted by x.
 */
export function lineChartGeometry(data: LineChartData, width: number, height: number): LineGeometry {
  const fonts = fontSizes(data.textScale);
  const w = chartSize(width, 120);
  const h = chartSize(height, 100);
  const yLog = data.yLog === true;
  const valid = (p: { x: number; y: number }) => drawable(p.x, true) && drawable(p.y, yLog);

  const cleaned = data.series.map((s, i) => ({
    ...s,
    style: s.style ?? seriesStyle(i),
    points: s.points.filter(valid).sort((a, b) => a.x - b.x),
  }));
  const refPoints = (data.referencePoints ?? []).filter(valid);
  const refLines = (data.referenceLines ?? []).filter((r) => drawable(r.y, yLog));
  const markerX = data.markerX !== undefined && drawable(data.markerX, true) ? data.markerX : null;

  // Vertical layout: title, legend, plot, x tick labels, x axis title.
  const pad = 8;
  const titleY = pad + fonts.title;
  const legend = layoutLegend(
    cleaned.map((s) => ({ key: s.key, label: s.label })),
    w - 2 * pad,
    fonts.legend,
  );
  const legendY = (data.title ? titleY + fonts.title * 0.45 : pad) + 2;
  const top = legendY + legend.height + markerStrip(fonts.tick);
  const bottom = h - (pad + fonts.tick + fonts.axisLabel + 18);

  const xDomain = sizeDomain(data.xDomain, [
    ...cleaned.flatMap((s) => s.points.map((p) => p.x)),
    ...refPoints.map((p) => p.x),
    ...(markerX ? [markerX] : []),
  ]);
  const yValues = [
    ...cleaned.flatMap((s) => s.points.map((p) => p.y)),
    ...refPoints.map((p) => p.y),
    ...refLines.map((r) => r.y),
  ];
  const yScale: ScaleLinear<number, number> | ScaleLogarithmic<number, number> = yLog
    ? niceIfFinite(scaleLog().domain(logDomain(yValues, data.yMax)).range([bottom, top]).clamp(true))
    : niceIfFinite(scaleLinear().domain(linearDomain(yValues, data.yMax)).range([bottom, top]).clamp(true));
  const yTicks = yLog
    ? logTicks(yScale as ScaleLogarithmic<number, number>, fonts.tick)
    : linearTicks(yScale as ScaleLinear<number, number>, fonts.tick * 3.6);

  const maxTickWidth = Math.max(0, ...yTicks.map((t) => estimateTextWidth(t.label, fonts.tick)));
  const yLabelX = pad + fonts.axisLabel * 0.6;
  const left = yLabelX + fonts.axisLabel * 0.7 + maxTickWidth + 16;
  const lastLabel = estimateTextWidth(formatBytesLabel(xDomain[1]), fonts.tick);
  const right = w - Math.max(pad + 6, lastLabel / 2 + pad - 10);
  const plot: Box = {
    left: px(left),
    top: px(top),
    width: px(Math.max(10, right - left)),
    height: px(Math.max(10, bottom - top)),
  };

  // A little room inside the plot so that end points do not sit on the axes.
  const inset = Math.min(12, plot.width / 10);
  const xScale = scaleLog()
    .base(2)
    .domain(xDomain)
    .range([plot.left + inset, plot.left + plot.width - inset])
    .clamp(true);
  const xTicks = byteTicks(xScale, fonts.tick);

  const place = (p: XYPoint): PlacedPoint => ({ x: p.x, y: p.y, px: px(xScale(p.x)), py: px(yScale(p.y)) });
  const path = line<PlacedPoint>()
    .x((p) => p.px)
    .y((p) => p.py);
  const series = cleaned.map((s) => {
    const points = s.points.map(place);
    return {
      key: s.key,
      label: s.label,
      style: s.style,
      path: points.length > 0 ? path(points) : null,
      points,
    };
  });

  const styleByKey = new Map(series.map((s) => [s.key, s.style]));
  const neutral: SeriesStyle = { color: '#f4f7fb', dash: '', marker: 'circle' };
  const referencePoints = refPoints.map((p, i) => {
    const placed = place(p);
    const labelWidth = estimateTextWidth(p.label, fonts.tick);
    return {
      ...placed,
      key: `ref-${i}`,
      label: p.label,
      style: (p.series !== undefined ? styleByKey.get(p.series) : undefined) ?? neutral,
      anchor: placed.px + 12 + labelWidth > plot.left + plot.width ? ('end' as const) : ('start' as const),
    };
  });

  const [yLo, yHi] = yScale.domain();
  const referenceLines = refLines
    .filter((r) => r.y >= yLo && r.y <= yHi)
    .map((r, i) => ({ key: `refline-${i}`, label: r.label, y: r.y, py: px(yScale(r.y)) }));

  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const unit = unitFromLabel(data.yLabel);
  return {
    width: w,
    height: h,
    fonts,
    plot,
    titleY,
    legend,
    legendY,
    xLabel: data.xLabel ?? 'message size (bytes)',
    yLabel: yLog ? logLabel(data.yLabel) : data.yLabel,
    yLabelX,
    xDomain,
    yDomain: [yLo, yHi],
    xTicks,
    yTicks,
    series,
    referenceLines,
    referencePoints,
    marker:
      markerX === null ? null : { x: markerX, px: px(xScale(markerX)), label: formatBytesLabel(markerX) },
    columns: xs.map((x) => ({ x, px: px(xScale(x)) })),
    formatY: data.formatY ?? ((y) => formatWithUnit(y, unit)),
  };
}

/** The tooltip for hover column `index`: the message size, then each series' value there. */
export function lineTooltip(g: LineGeometry, index: number): TooltipContent | null {
  const column = g.columns[index];
  if (!column) return null;
  const rows: TooltipContent['rows'] = [];
  for (const s of g.series) {
    const p = s.points.find((q) => q.x === column.x);
    if (p)
      rows.push({
        key: s.key,
        text: `${s.label}: ${g.formatY(p.y)}`,
        swatch: { kind: 'line', style: s.style },
      });
  }
  for (const r of g.referencePoints) {
    if (r.x === column.x)
      rows.push({
        key: r.key,
        text: `${r.label}: ${g.formatY(r.y)}`,
        swatch: { kind: 'line', style: r.style },
      });
  }
  return { heading: formatBytesLabel(column.x), rows };
}

/** The x domain in bytes: the given one if usable, else the data's extent (one octave each side of a lone value). */
export function sizeDomain(
  fixed: readonly [number, number] | undefined,
  xs: readonly number[],
): [number, number] {
  if (fixed && fixed.every((v) => drawable(v, true)) && fixed[0] !== fixed[1]) {
    return [Math.min(fixed[0], fixed[1]), Math.max(fixed[0], fixed[1])];
  }
  const positive = xs.filter((x) => drawable(x, true));
  if (positive.length === 0) return [...DEFAULT_SIZE_DOMAIN];
  const lo = Math.min(...positive);
  const hi = Math.max(...positive);
  return lo === hi ? [lo / 2, hi * 2] : [lo, hi];
}

/** A linear domain from 0 (or a negative minimum) to the maximum, or to `yMax` when given. */
export function linearDomain(values: readonly number[], yMax?: number): [number, number] {
  const finite = values.filter((v) => drawable(v));
  const lo = Math.min(0, ...finite);
  const fixedTop = yMax !== undefined && drawable(yMax) && yMax > lo ? yMax : undefined;
  const max = Math.max(0, ...finite);
  const hi = fixedTop ?? (Number.isFinite(max * 1.05) ? max * 1.05 : max);
  // A span of denormals (all values about 1e-320) draws as a flat line at the bottom.
  return hi - lo > 1e-280 ? [lo, hi] : [lo, lo + 1];
}

/** A log domain over the positive values (a decade around a lone value), topped at `yMax` when given. */
export function logDomain(values: readonly number[], yMax?: number): [number, number] {
  const positive = values.filter((v) => drawable(v, true));
  let lo = positive.length > 0 ? Math.min(...positive) : 1;
  let hi = positive.length > 0 ? Math.max(...positive) : 10;
  if (yMax !== undefined && drawable(yMax, true)) hi = yMax;
  if (lo >= hi) lo = hi / 10;
  if (hi / lo < 10) [lo, hi] = [lo / Math.sqrt(10 / (hi / lo)), hi * Math.sqrt(10 / (hi / lo))];
  return [lo, hi];
}

/** Marks an axis title as logarithmic inside its unit's parentheses: "latency (µs)" → "latency (µs, log scale)". */
export function logLabel(label: string): string {
  return /\)\s*$/.test(label) ? label.replace(/\)\s*$/, ', log scale)') : `${label} (log scale)`;
}

/** Rounds the domain to nice values unless that would overflow (values near 1e308). */
export function niceIfFinite<S extends ScaleLinear<number, number> | ScaleLogarithmic<number, number>>(
  scale: S,
): S {
  const before = scale.domain();
  scale.nice();
  if (!scale.domain().every(Number.isFinite)) scale.domain(before);
  return scale;
}
