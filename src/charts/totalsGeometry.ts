/**
 * Small multiples of lines over message size (log2 x), one panel per group (e.g. per domain), side
 * by side when they fit, sharing one y scale so that panels compare, one legend and one y title.
 * A pure function of props and size; every number is finite.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { line } from 'd3-shape';
import { formatBytesLabel, formatWithUnit, unitFromLabel } from './format.ts';
import type { Box, LegendLayout } from './layout.ts';
import {
  chartSize,
  drawable,
  estimateTextWidth,
  layoutLegend,
  markerStrip,
  px,
  truncate,
  staleNoteWidth,
  wrapText,
} from './layout.ts';
import type { LineSeries, PlacedPoint } from './lineChartGeometry.ts';
import { linearDomain, logDomain, niceIfFinite, sizeDomain } from './lineChartGeometry.ts';
import type { FontSizes, SeriesStyle } from './theme.ts';
import { fontSizes, seriesStyle } from './theme.ts';
import type { Tick } from './ticks.ts';
import { byteTicks, linearTicks, logTicks } from './ticks.ts';
import type { TooltipContent } from './Tooltip.tsx';

/** One panel: its title (a short one is used when the full one does not fit) and its lines. */
export type LinesPanel = { key: string; title: string; shortTitle?: string; series: readonly LineSeries[] };

export type SmallMultiplesData = {
  title?: string;
  /** The x axis title; tick labels carry the unit. */
  xLabel?: string;
  /** The shared y axis title with its unit, e.g. "total (µs)"; keep it short, it is never cut. */
  yLabel: string;
  panels: readonly LinesPanel[];
  yLog?: boolean;
  /** The current message size: a dashed line in every panel. */
  markerX?: number;
  textScale?: number;
};

export type PlacedPanel = {
  key: string;
  /** The title as drawn, and the full one. */
  title: string;
  fullTitle: string;
  plot: Box;
  xTicks: Tick[];
  /** Only the first panel of a row draws y tick labels. */
  yTicks: Tick[];
  /** Where the horizontal grid lines go (the labelled ticks of the shared scale). */
  gridTicks: Tick[];
  series: { key: string; label: string; style: SeriesStyle; path: string | null; points: PlacedPoint[] }[];
  columns: { x: number; px: number }[];
  markerPx: number | null;
};

export type SmallMultiplesGeometry = {
  width: number;
  height: number;
  fonts: FontSizes;
  titleLines: string[];
  titleY: number;
  legend: LegendLayout;
  legendY: number;
  styles: Map<string, SeriesStyle>;
  yLabel: string;
  yDomain: [number, number];
  panels: PlacedPanel[];
  xLabel: string;
  xLabelY: number;
  formatY: (y: number) => string;
};

const PAD = 8;
/** Below this height the title and the x axis title are left out (the ticks say "64 B … 4 MiB"). */
const COMPACT_HEIGHT = 300;

export function smallMultiplesGeometry(
  data: SmallMultiplesData,
  width: number,
  height: number,
): SmallMultiplesGeometry {
  const fonts = fontSizes(data.textScale);
  const w = chartSize(width, 200);
  const h = chartSize(height, 140);
  const yLog = data.yLog === true;
  const valid = (p: { x: number; y: number }) => drawable(p.x, true) && drawable(p.y, yLog);

  // Series keep one style across panels: their own, or the one of their first appearance.
  const styles = new Map<string, SeriesStyle>();
  const labels = new Map<string, string>();
  for (const panel of data.panels)
    for (const s of panel.series) {
      if (!styles.has(s.key)) styles.set(s.key, s.style ?? seriesStyle(styles.size));
      if (!labels.has(s.key)) labels.set(s.key, s.label);
    }
  const cleaned = data.panels.map((p) => ({
    ...p,
    series: p.series.map((s) => ({ ...s, points: s.points.filter(valid).sort((a, b) => a.x - b.x) })),
  }));
  const allPoints = cleaned.flatMap((p) => p.series.flatMap((s) => s.points));

  const compact = h < COMPACT_HEIGHT;
  const titleLines =
    data.title && !compact
      ? wrapText(data.title, w - 2 * PAD, fonts.title, true, 2, w - 2 * PAD - staleNoteWidth(fonts.tick))
      : [];
  const titleY = PAD + fonts.title;
  const legend = layoutLegend(
    [...labels].map(([key, label]) => ({ key, label })),
    w - 2 * PAD,
    fonts.legend,
  );
  const legendY = titleLines.length > 0 ? titleY + (titleLines.length - 1) * fonts.title * 1.2 + 8 : PAD;
  const headTop = legendY + legend.height + 4;
  const headH = fonts.axisLabel * 1.3;
  const xLabelH = compact ? PAD : PAD + fonts.axisLabel + 4;
  const tickH = fonts.tick + 14;

  const yScaleRange = (bottom: number, top: number) =>
    yLog
      ? niceIfFinite(
          scaleLog()
            .domain(logDomain(allPoints.map((p) => p.y)))
            .range([bottom, top])
            .clamp(true),
        )
      : niceIfFinite(
          scaleLinear()
            .domain(linearDomain(allPoints.map((p) => p.y)))
            .range([bottom, top])
            .clamp(true),
        );

  // Panels side by side when each keeps a readable width, else one under another.
  const n = Math.max(1, cleaned.length);
  const probe = yScaleRange(100, 0);
  const probeTicks = yLog
    ? logTicks(probe as ScaleLogarithmic<number, number>, fonts.tick)
    : linearTicks(probe as ScaleLinear<number, number>, 30);
  const tickW = Math.max(0, ...probeTicks.map((t) => estimateTextWidth(t.label, fonts.tick)));
  const yTitleW = fonts.axisLabel * 1.4;
  const leftOf = PAD + yTitleW + tickW + 14;
  // Room for half the widest size label at each end of a panel, so neighbours' labels never touch.
  const edgeLabel = estimateTextWidth('4 MiB', fonts.tick);
  const gap = edgeLabel + 12;
  const rightPad = PAD + edgeLabel / 2;
  const cols = (w - leftOf - rightPad - (n - 1) * gap) / n >= 150 ? n : 1;
  const rowsN = Math.ceil(n / cols);
  const rowH = (h - headTop - xLabelH) / rowsN;
  const plotH = Math.max(30, rowH - headH - markerStrip(fonts.tick) * 0.5 - tickH);
  const plotW = Math.max(40, (w - leftOf - rightPad - (cols - 1) * gap) / cols);

  const xDomain = sizeDomain(undefined, [
    ...allPoints.map((p) => p.x),
    ...(data.markerX !== undefined && drawable(data.markerX, true) ? [data.markerX] : []),
  ]);
  const unit = unitFromLabel(data.yLabel);
  const path = line<PlacedPoint>()
    .x((p) => p.px)
    .y((p) => p.py);

  let yDomain: [number, number] = [0, 1];
  const panels: PlacedPanel[] = cleaned.map((p, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const top = headTop + row * rowH + headH + markerStrip(fonts.tick) * 0.5;
    const left = leftOf + col * (plotW + gap);
    const plot: Box = { left: px(left), top: px(top), width: px(plotW), height: px(plotH) };
    const yScale = yScaleRange(top + plotH, top);
    yDomain = [yScale.domain()[0], yScale.domain()[1]];
    const inset = Math.min(10, plotW / 10);
    const xScale = scaleLog()
      .base(2)
      .domain(xDomain)
      .range([left + inset, left + plotW - inset])
      .clamp(true);
    const yTicks = yLog
      ? logTicks(yScale as ScaleLogarithmic<number, number>, fonts.tick)
      : linearTicks(yScale as ScaleLinear<number, number>, fonts.tick * 3.2);
    const place = (q: { x: number; y: number }): PlacedPoint => ({
      x: q.x,
      y: q.y,
      px: px(xScale(q.x)),
      py: px(yScale(q.y)),
    });
    const series = p.series.map((s) => {
      const points = s.points.map(place);
      return {
        key: s.key,
        label: s.label,
        style: styles.get(s.key)!,
        path: points.length > 0 ? path(points) : null,
        points,
      };
    });
    const xs = [...new Set(series.flatMap((s) => s.points.map((q) => q.x)))].sort((a, b) => a - b);
    const titleRoom = plotW + (col === 0 ? leftOf - PAD : 0);
    const fits = (t: string) => estimateTextWidth(t, fonts.axisLabel, true) <= titleRoom;
    const title = fits(p.title)
      ? p.title
      : truncate(p.shortTitle ?? p.title, titleRoom, fonts.axisLabel, true);
    return {
      key: p.key,
      title,
      fullTitle: p.title,
      plot,
      xTicks: byteTicks(xScale, fonts.tick),
      yTicks: col === 0 ? yTicks : yTicks.map((t) => ({ ...t, label: '' })),
      gridTicks: yTicks,
      series,
      columns: xs.map((x) => ({ x, px: px(xScale(x)) })),
      markerPx: data.markerX !== undefined && drawable(data.markerX, true) ? px(xScale(data.markerX)) : null,
    };
  });

  return {
    width: w,
    height: h,
    fonts,
    titleLines,
    titleY,
    legend,
    legendY,
    styles,
    yLabel: data.yLabel,
    yDomain,
    panels,
    xLabel: compact ? '' : (data.xLabel ?? 'message size'),
    xLabelY: h - PAD,
    formatY: (y) => formatWithUnit(y, unit),
  };
}

/** The read-out for column `index` of panel `panelIndex`: the panel and size, then each line's value. */
export function smallMultiplesTooltip(
  g: SmallMultiplesGeometry,
  panelIndex: number,
  index: number,
): TooltipContent | null {
  const panel = g.panels[panelIndex];
  const column = panel?.columns[index];
  if (!panel || !column) return null;
  const rows: TooltipContent['rows'] = [];
  for (const s of panel.series) {
    const p = s.points.find((q) => q.x === column.x);
    if (p)
      rows.push({
        key: s.key,
        text: `${s.label}: ${g.formatY(p.y)}`,
        swatch: { kind: 'line', style: s.style },
      });
  }
  return { heading: `${panel.fullTitle} · ${formatBytesLabel(column.x)}`, rows };
}
