/**
 * Horizontal stacked bars as a pure function of props and size: one bar per row (a domain of an I/O
 * path), grouped under headings, stacked left to right by category on ONE linear scale shared by
 * every bar, with each bar's total printed at its end. No log axis: a stacked segment's length must
 * be its value, or the smallest segment would look the largest. No DOM; every number is finite.
 */
import { scaleLinear } from 'd3-scale';
import { formatWithUnit, unitFromLabel } from './format.ts';
import type { Box, LegendLayout } from './layout.ts';
import {
  chartSize,
  drawable,
  estimateTextWidth,
  layoutLegend,
  px,
  staleNoteWidth,
  truncate,
  wrapText,
} from './layout.ts';
import { niceIfFinite } from './lineChartGeometry.ts';
import type { FillStyle, FontSizes, SeriesStyle } from './theme.ts';
import { categoryStyles, fontSizes } from './theme.ts';
import type { Tick } from './ticks.ts';
import { linearTicks } from './ticks.ts';
import type { TooltipContent } from './Tooltip.tsx';

/** One category's share of a bar, in the unit of the x label (µs per message). */
export type BarPart = { key: string; label: string; value: number };

/** One bar: `group` is its heading (e.g. the domain), `label` its name in the group (e.g. the I/O path). */
export type HBarRow = {
  key: string;
  group: string;
  label: string;
  parts: readonly BarPart[];
  /** A line-and-marker swatch beside the label (the I/O path's style on the other charts). */
  swatch?: SeriesStyle;
};

export type HBarData = {
  title?: string;
  /** The value axis title with its unit in parentheses, e.g. "CPU time per message (µs)". */
  xLabel: string;
  /** Bars, top to bottom; rows of a group are drawn together under its heading, groups in order of first appearance. */
  rows: readonly HBarRow[];
  /** Category keys in a fixed order (stacking order, left first, and style). */
  categoryOrder?: readonly string[];
  styles?: ReadonlyMap<string, FillStyle>;
  formatX?: (x: number) => string;
  textScale?: number;
};

export type PlacedPart = {
  key: string;
  category: string;
  label: string;
  row: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  style: FillStyle;
};

export type PlacedRow = {
  key: string;
  group: string;
  label: string;
  swatch?: SeriesStyle;
  total: number;
  /** Top and height of the bar, its vertical centre, and where it ends (px). */
  y: number;
  height: number;
  cy: number;
  end: number;
  totalLabel: string;
};

export type HBarGeometry = {
  width: number;
  height: number;
  fonts: FontSizes;
  titleLines: string[];
  titleY: number;
  legend: LegendLayout;
  legendY: number;
  plot: Box;
  groups: { key: string; text: string; y: number }[];
  rows: PlacedRow[];
  parts: PlacedPart[];
  xTicks: Tick[];
  xLabel: string;
  xDomain: [number, number];
  styles: ReadonlyMap<string, FillStyle>;
  /** The height at which every bar would be comfortably thick (the caller may give it this much). */
  preferredHeight: number;
  /** The least height at which bars stay thick enough to read (about a tick label's height). */
  minHeight: number;
  formatX: (x: number) => string;
};

const PAD = 8;

export function hBarGeometry(data: HBarData, width: number, height: number): HBarGeometry {
  const fonts = fontSizes(data.textScale);
  const w = chartSize(width, 200);
  const h = chartSize(height, 120);
  const value = (v: number) => (drawable(v) && v > 0 ? v : 0);

  const order = [
    ...(data.categoryOrder ?? []),
    ...data.rows.flatMap((r) => r.parts.map((p) => p.key)),
  ].filter((k, i, all) => all.indexOf(k) === i);
  const rank = new Map(order.map((k, i) => [k, i]));
  const styles = categoryStyles(order);
  for (const [k, v] of data.styles ?? []) styles.set(k, v);

  const groupKeys = [...new Set(data.rows.map((r) => r.group))];
  const rowsInOrder = groupKeys.flatMap((g) => data.rows.filter((r) => r.group === g));
  const totals = rowsInOrder.map((r) => r.parts.reduce((s, p) => s + value(p.value), 0));

  // Title (wrapped, never cut mid-way), then the legend of the categories that occur.
  const titleLines = data.title
    ? wrapText(data.title, w - 2 * PAD, fonts.title, true, 2, w - 2 * PAD - staleNoteWidth(fonts.tick))
    : [];
  const titleY = PAD + fonts.title;
  const labels = new Map<string, string>();
  for (const r of rowsInOrder) for (const p of r.parts) if (value(p.value) > 0) labels.set(p.key, p.label);
  const present = [...labels.keys()].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const legend = layoutLegend(
    present.map((k) => ({ key: k, label: labels.get(k)! })),
    w - 2 * PAD,
    fonts.legend,
  );
  const legendY = titleLines.length > 0 ? titleY + (titleLines.length - 1) * fonts.title * 1.2 + 8 : PAD;
  const top = legendY + legend.height + 4;
  const axisRoom = PAD + fonts.tick + fonts.axisLabel + 18;
  const bottom = h - axisRoom;

  // Rows: a heading per group, then its bars; thick bars when there is room, never thinner than 8 px.
  const headingH = fonts.axisLabel * 1.6;
  const comfortablePitch = fonts.tick * 2.4;
  const free = bottom - top - groupKeys.length * headingH - 4;
  const pitch = Math.max(10, Math.min(comfortablePitch, free / Math.max(1, rowsInOrder.length)));
  const barH = Math.max(8, pitch * 0.72);
  const heightFor = (rowPitch: number) =>
    Math.ceil(top + groupKeys.length * headingH + 4 + rowsInOrder.length * rowPitch + axisRoom);
  const preferredHeight = heightFor(comfortablePitch);
  const minHeight = heightFor(fonts.tick * 1.5);

  // Left: the row labels (with a swatch); right: room for the widest total.
  const formatX = data.formatX ?? ((x: number) => formatWithUnit(x, unitFromLabel(data.xLabel)));
  const swatchW = rowsInOrder.some((r) => r.swatch) ? fonts.tick * 2.4 : 0;
  const labelW = Math.max(0, ...rowsInOrder.map((r) => estimateTextWidth(r.label, fonts.tick)));
  const left = Math.min(PAD + swatchW + labelW + 12, w * 0.45);
  const widestTotal = Math.max(0, ...totals.map((t) => estimateTextWidth(formatX(t), fonts.tick)));
  const right = Math.max(left + 40, w - PAD - widestTotal - 10);
  const usedRowsBottom = top + groupKeys.length * headingH + 4 + rowsInOrder.length * pitch;
  const plot: Box = {
    left: px(left),
    top: px(top),
    width: px(right - left),
    height: px(Math.max(10, Math.min(bottom, usedRowsBottom) - top)),
  };

  const max = Math.max(0, ...totals);
  const scale = niceIfFinite(
    scaleLinear()
      .domain([0, max > 0 ? max : 1])
      .range([plot.left, plot.left + plot.width])
      .clamp(true),
  );
  const xTicks = linearTicks(scale, fonts.tick * 4.5);

  const groups: HBarGeometry['groups'] = [];
  const rows: PlacedRow[] = [];
  const parts: PlacedPart[] = [];
  let y = top;
  let i = 0;
  for (const g of groupKeys) {
    groups.push({
      key: g,
      text: truncate(g, w - 2 * PAD, fonts.axisLabel, true),
      y: px(y + fonts.axisLabel * 1.1),
    });
    y += headingH;
    for (const r of rowsInOrder.filter((row) => row.group === g)) {
      const barTop = y + (pitch - barH) / 2;
      const total = totals[i++];
      let acc = 0;
      const sorted = [...r.parts].sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0));
      for (const p of sorted) {
        const v = value(p.value);
        if (v <= 0) continue;
        const x0 = scale(acc);
        acc += v;
        const x1 = scale(acc);
        parts.push({
          key: `${r.key}:${p.key}`,
          category: p.key,
          label: p.label,
          row: r.key,
          value: v,
          x: px(x0),
          y: px(barTop),
          width: px(x1 - x0),
          height: px(barH),
          style: styles.get(p.key) ?? { color: '#BBBBBB', hatch: 'solid' },
        });
      }
      rows.push({
        key: r.key,
        group: r.group,
        label: truncate(r.label, left - PAD - swatchW - 12, fonts.tick),
        swatch: r.swatch,
        total,
        y: px(barTop),
        height: px(barH),
        cy: px(barTop + barH / 2),
        end: px(scale(total)),
        totalLabel: formatX(total),
      });
      y += pitch;
    }
  }

  const [d0, d1] = scale.domain();
  return {
    width: w,
    height: h,
    fonts,
    titleLines,
    titleY,
    legend,
    legendY,
    plot,
    groups,
    rows,
    parts,
    xTicks,
    xLabel: data.xLabel,
    xDomain: [d0, d1],
    styles,
    preferredHeight,
    minHeight,
    formatX,
  };
}

/**
 * The read-out for bar `index`: its group, name and total, then the part under the pointer's `x`
 * (with its share of the bar) or, with none under it, the largest parts.
 */
export function hBarTooltip(g: HBarGeometry, index: number, x: number | null): TooltipContent | null {
  const row = g.rows[index];
  if (!row) return null;
  const mine = g.parts.filter((p) => p.row === row.key);
  const heading = `${row.group} · ${row.label}: ${g.formatX(row.total)}`;
  const share = (v: number) => (row.total > 0 ? ` (${Math.round((100 * v) / row.total)}%)` : '');
  const line = (p: PlacedPart, emphasis: boolean) => ({
    key: p.key,
    text: `${p.label}: ${g.formatX(p.value)}${share(p.value)}`,
    swatch: { kind: 'fill' as const, style: p.style },
    emphasis,
  });
  const hit = x === null ? undefined : mine.find((p) => x >= p.x - 1 && x <= p.x + p.width + 1);
  if (hit) return { heading, rows: [line(hit, true)] };
  const largest = [...mine].sort((a, b) => b.value - a.value);
  const rows: TooltipContent['rows'] = largest.slice(0, 5).map((p) => line(p, false));
  if (largest.length > 5) rows.push({ key: 'more', text: `+ ${largest.length - 5} more` });
  return { heading, rows };
}
