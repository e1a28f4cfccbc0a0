/**
 * The CPU-breakdown bars as a pure function of props and size: one band per message size, one
 * stacked segment per category, the y scale (linear from 0, optionally shared through `yMax`), ticks,
 * legend and total labels. No DOM; every number it returns is finite.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatBytesLabel, formatWithUnit, unitFromLabel } from './format.ts';
import type { Box, LegendLayout } from './layout.ts';
import { chartSize, drawable, estimateTextWidth, labelStep, layoutLegend, px } from './layout.ts';
import { niceIfFinite } from './lineChartGeometry.ts';
import type { FillStyle, FontSizes } from './theme.ts';
import { categoryStyles, fontSizes } from './theme.ts';
import type { Tick } from './ticks.ts';
import { linearTicks } from './ticks.ts';
import type { TooltipContent } from './Tooltip.tsx';

/** One category's values, one per entry of `sizes`, in the unit of the y label (µs per message). */
export type Stack = { key: string; label: string; values: readonly number[] };

export type StackedBarData = {
  title?: string;
  /** The x axis title; tick labels carry the unit (64 B … 4 MiB). */
  xLabel?: string;
  /** The y axis title with its unit in parentheses; defaults to "CPU time per message (µs)". */
  yLabel?: string;
  /** Message sizes in bytes, one bar each. */
  sizes: readonly number[];
  /** Categories, bottom of the stack first. */
  stacks: readonly Stack[];
  /** The current message size in bytes: its bar is highlighted and labelled. */
  markerX?: number;
  /**
   * The top of the y axis, so that panels can share a scale. The axis is always linear from 0: on a
   * log axis a stacked segment's height is not its value (the smallest would look the largest).
   */
  yMax?: number;
  /** A style per category key; categories not in it get one by position. See `categoryStyles`. */
  styles?: ReadonlyMap<string, FillStyle>;
  /** Draw the legend inside the chart (default true; panels draw one shared legend instead). */
  showLegend?: boolean;
  formatY?: (y: number) => string;
  textScale?: number;
};

export type BarSegment = {
  key: string;
  category: string;
  label: string;
  size: number;
  value: number;
  /** Cumulative values at the segment's bottom and top. */
  y0: number;
  y1: number;
  x: number;
  y: number;
  width: number;
  height: number;
  style: FillStyle;
};

export type BarColumn = {
  size: number;
  label: string;
  x: number;
  width: number;
  cx: number;
  total: number;
  totalY: number;
};

export type StackedBarGeometry = {
  width: number;
  height: number;
  fonts: FontSizes;
  plot: Box;
  titleY: number;
  legend: LegendLayout;
  legendY: number;
  xLabel: string;
  yLabel: string;
  yLabelX: number;
  /** The y domain after rounding to nice values, in the y label's unit. */
  yDomain: [number, number];
  xTicks: Tick[];
  yTicks: Tick[];
  columns: BarColumn[];
  segments: BarSegment[];
  styles: ReadonlyMap<string, FillStyle>;
  /** Whether total labels fit above the bars. */
  showTotals: boolean;
  marker: { x: number; index: number; label: string } | null;
  formatY: (y: number) => string;
};

export const DEFAULT_CPU_LABEL = 'CPU time per message (µs)';

export function stackedBarGeometry(data: StackedBarData, width: number, height: number): StackedBarGeometry {
  const fonts = fontSizes(data.textScale);
  const w = chartSize(width, 120);
  const h = chartSize(height, 100);
  const yLabel = data.yLabel ?? DEFAULT_CPU_LABEL;

  // Columns: valid sizes only, ascending, each once; a value that is not a finite non-negative number counts as 0.
  const order = data.sizes
    .map((size, i) => ({ size, i }))
    .filter((c, j, all) => drawable(c.size, true) && all.findIndex((d) => d.size === c.size) === j)
    .sort((a, b) => a.size - b.size);
  const valueAt = (s: Stack, i: number) => {
    const v = s.values[i];
    return v !== undefined && drawable(v) && v > 0 ? v : 0;
  };
  const styles = new Map(data.styles ?? []);
  const fallback = categoryStyles(data.stacks.map((s) => s.key));
  for (const s of data.stacks)
    if (!styles.has(s.key)) styles.set(s.key, fallback.get(s.key) ?? { color: '#BBBBBB', hatch: 'solid' });

  const pad = 8;
  const titleY = pad + fonts.title;
  const present = data.stacks.filter((s) => order.some((c) => valueAt(s, c.i) > 0));
  const legend =
    data.showLegend === false
      ? layoutLegend([], 0, fonts.legend)
      : layoutLegend(
          present.map((s) => ({ key: s.key, label: s.label })),
          w - 2 * pad,
          fonts.legend,
        );
  const legendY = (data.title ? titleY + fonts.title * 0.45 : pad) + 2;
  // Room above the plot for the current-size pointer (its size is the bold tick label).
  const top = legendY + legend.height + MARKER_POINTER + fonts.tick * 0.4;
  const bottom = h - (pad + fonts.tick + fonts.axisLabel + 18);

  const totals = order.map((c) => data.stacks.reduce((sum, s) => sum + valueAt(s, c.i), 0));
  const yMax = data.yMax !== undefined && drawable(data.yMax, true) ? data.yMax : undefined;
  const yScale = niceIfFinite(
    scaleLinear()
      .domain([0, yMax ?? linearTop(totals)])
      .range([bottom, top])
      .clamp(true),
  );
  const yTicks = linearTicks(yScale, fonts.tick * 3.6);

  const maxTickWidth = Math.max(0, ...yTicks.map((t) => estimateTextWidth(t.label, fonts.tick)));
  const yLabelX = pad + fonts.axisLabel * 0.6;
  const left = yLabelX + fonts.axisLabel * 0.7 + maxTickWidth + 16;
  const right = w - pad - 6;
  const plot: Box = {
    left: px(left),
    top: px(top),
    width: px(Math.max(10, right - left)),
    height: px(Math.max(10, bottom - top)),
  };

  const band = scaleBand<number>()
    .domain(order.map((_, j) => j))
    .range([plot.left, plot.left + plot.width])
    .paddingInner(0.22)
    .paddingOuter(0.12);
  const bw = band.bandwidth();
  const base = yScale.domain()[0];
  const columns: BarColumn[] = order.map((c, j) => {
    const x = band(j) ?? plot.left;
    return {
      size: c.size,
      label: formatBytesLabel(c.size),
      x: px(x),
      width: px(bw),
      cx: px(x + bw / 2),
      total: totals[j],
      totalY: px(yScale(Math.max(base, totals[j]))),
    };
  });

  const segments: BarSegment[] = [];
  order.forEach((c, j) => {
    let acc = 0;
    for (const s of data.stacks) {
      const value = valueAt(s, c.i);
      const y0 = acc;
      acc += value;
      if (value <= 0) continue;
      const top = yScale(Math.max(base, acc));
      const bottomPx = yScale(Math.max(base, y0));
      if (bottomPx - top < 0.01) continue;
      segments.push({
        key: `${s.key}@${c.size}`,
        category: s.key,
        label: s.label,
        size: c.size,
        value,
        y0,
        y1: acc,
        x: columns[j].x,
        y: px(top),
        width: columns[j].width,
        height: px(bottomPx - top),
        style: styles.get(s.key) ?? { color: '#BBBBBB', hatch: 'solid' },
      });
    }
  });

  const labels = columns.map((c) => c.label);
  const step = labelStep(
    columns.map((c) => c.cx),
    labels.map((l) => estimateTextWidth(l, fonts.tick)),
    fonts.tick * 0.6,
  );
  const xTicks = markTick(
    columns.map((c, j) => ({ value: c.size, pos: c.cx, label: j % step === 0 ? c.label : '' })),
    labels,
    markerColumn(columns, data.markerX),
    fonts.tick,
  );

  const unit = unitFromLabel(yLabel);
  const formatY = data.formatY ?? ((y: number) => formatWithUnit(y, unit));
  const widestTotal = Math.max(0, ...totals.map((t) => estimateTextWidth(totalLabel(t), fonts.tick)));
  const markerIndex = markerColumn(columns, data.markerX);

  return {
    width: w,
    height: h,
    fonts,
    plot,
    titleY,
    legend,
    legendY,
    xLabel: data.xLabel ?? 'message size (bytes)',
    yLabel,
    yLabelX,
    yDomain: [yScale.domain()[0], yScale.domain()[1]],
    xTicks,
    yTicks,
    columns,
    segments,
    styles,
    showTotals: columns.length > 0 && bw >= widestTotal + 2,
    marker:
      markerIndex < 0 || data.markerX === undefined
        ? null
        : { x: data.markerX, index: markerIndex, label: formatBytesLabel(data.markerX) },
    formatY,
  };
}

/** The label above a bar: its total, two or three significant digits. */
export function totalLabel(total: number): string {
  return formatWithUnit(total, '');
}

/**
 * The tooltip for bar `index`: the size and total, then the hovered segment (the one under `y`, in px)
 * with its share of the bar, or, with no segment under the pointer, the largest categories.
 */
export function barTooltip(g: StackedBarGeometry, index: number, y: number | null): TooltipContent | null {
  const column = g.columns[index];
  if (!column) return null;
  const mine = g.segments.filter((s) => s.size === column.size);
  const heading = `${column.label} · total ${g.formatY(column.total)}`;
  const share = (v: number) => (column.total > 0 ? ` (${Math.round((100 * v) / column.total)}%)` : '');
  const row = (s: BarSegment, emphasis: boolean) => ({
    key: s.key,
    text: `${s.label}: ${g.formatY(s.value)}${share(s.value)}`,
    swatch: { kind: 'fill' as const, style: s.style },
    emphasis,
  });
  const hit = y === null ? undefined : mine.find((s) => y >= s.y - 1 && y <= s.y + s.height + 1);
  if (hit) return { heading, rows: [row(hit, true)] };
  const largest = [...mine].sort((a, b) => b.value - a.value);
  const rows: TooltipContent['rows'] = largest.slice(0, 5).map((s) => row(s, false));
  if (largest.length > 5) rows.push({ key: 'more', text: `+ ${largest.length - 5} more` });
  return { heading, rows };
}

/** Height in px of the pointer above the marked bar. */
export const MARKER_POINTER = 12;

/**
 * Shows the marked bar's size as a bold tick label, hiding the labels it would overlap, so the
 * current size can be read even where labels are thinned.
 */
function markTick(ticks: Tick[], labels: readonly string[], index: number, fontSize: number): Tick[] {
  const marked = ticks[index];
  if (!marked) return ticks;
  const half = (i: number) => estimateTextWidth(labels[i], fontSize, true) / 2;
  return ticks.map((t, i) => {
    if (i === index) return { ...t, label: labels[i], strong: true };
    const clash = t.label !== '' && Math.abs(t.pos - marked.pos) < half(i) + half(index) + fontSize * 0.5;
    return clash ? { ...t, label: '' } : t;
  });
}

/** The bar for message size `markerX`: the one with that size, else the nearest on a log scale; -1 if none. */
export function markerColumn(columns: readonly { size: number }[], markerX: number | undefined): number {
  if (markerX === undefined || !drawable(markerX, true) || columns.length === 0) return -1;
  let best = 0;
  for (let j = 1; j < columns.length; j++) {
    if (Math.abs(Math.log2(columns[j].size / markerX)) < Math.abs(Math.log2(columns[best].size / markerX)))
      best = j;
  }
  return best;
}

/** 5% above the largest finite total (1 when there is none), without overflowing. */
function linearTop(totals: readonly number[]): number {
  const max = Math.max(0, ...totals.filter(Number.isFinite));
  if (max <= 0) return 1;
  return Number.isFinite(max * 1.05) ? max * 1.05 : max;
}
