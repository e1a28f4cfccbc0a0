/**
 * The grid of CPU-breakdown panels as a pure function: rows (domains) × columns (I/O paths), a
 * shared y scale per row, one style and one stacking order per category across every panel, and a
 * shared legend of the categories that occur anywhere.
 */
import type { Box, LegendLayout } from './layout.ts';
import { chartSize, drawable, layoutLegend, px } from './layout.ts';
import type { Stack } from './stackedBarGeometry.ts';
import { barLogDomain } from './stackedBarGeometry.ts';
import type { FillStyle, FontSizes } from './theme.ts';
import { categoryStyles, fontSizes } from './theme.ts';

/** One panel: a domain (row) of an I/O path (column), with its stacks per message size. */
export type CpuPanel = { row: string; column: string; sizes: readonly number[]; stacks: readonly Stack[] };

export type CpuPanelsInput = {
  panels: readonly CpuPanel[];
  title?: string;
  /** Category keys in a fixed order (stacking order and style); defaults to order of first appearance. */
  categoryOrder?: readonly string[];
  /** Explicit styles per category; overrides the ones derived from `categoryOrder`. */
  styles?: ReadonlyMap<string, FillStyle>;
  rowOrder?: readonly string[];
  columnOrder?: readonly string[];
  yLog?: boolean;
  textScale?: number;
};

export type PanelCell = {
  row: string;
  column: string;
  /** The panel's title: its domain and its I/O path. */
  title: string;
  box: Box;
  /** The panel with its stacks in the shared category order; undefined for an empty cell. */
  panel: CpuPanel | undefined;
};

export type CpuPanelsLayout = {
  fonts: FontSizes;
  titleY: number;
  legend: LegendLayout;
  legendY: number;
  cells: PanelCell[];
  /** Per row: the y axis top (and bottom, on a log scale) every panel of the row shares. */
  rowScale: Map<string, { yMax: number; yMin?: number }>;
  styles: Map<string, FillStyle>;
  /** Category keys in stacking order, with their labels. */
  categories: { key: string; label: string }[];
};

export function cpuPanelsLayout(input: CpuPanelsInput, width: number, height: number): CpuPanelsLayout {
  const fonts = fontSizes(input.textScale);
  const w = chartSize(width, 160);
  const h = chartSize(height, 160);
  const pad = 8;
  const gap = 10;

  const labels = new Map<string, string>();
  for (const p of input.panels) for (const s of p.stacks) if (!labels.has(s.key)) labels.set(s.key, s.label);
  const order = [...(input.categoryOrder ?? []), ...labels.keys()].filter(
    (k, i, all) => all.indexOf(k) === i,
  );
  const rank = new Map(order.map((k, i) => [k, i]));
  const styles = categoryStyles(order);
  for (const [k, v] of input.styles ?? []) styles.set(k, v);

  const rows = orderOf(
    input.rowOrder,
    input.panels.map((p) => p.row),
  );
  const columns = orderOf(
    input.columnOrder,
    input.panels.map((p) => p.column),
  );
  const panelAt = (row: string, column: string) =>
    input.panels.find((p) => p.row === row && p.column === column);

  const occurs = (key: string) =>
    input.panels.some((p) =>
      p.stacks.some((s) => s.key === key && s.values.some((v) => drawable(v) && v > 0)),
    );
  const categories = order
    .filter((k) => labels.has(k) && occurs(k))
    .map((key) => ({ key, label: labels.get(key) ?? key }));

  const titleY = pad + fonts.title;
  const legendY = (input.title ? titleY + fonts.title * 0.5 : pad) + 2;
  const legend = layoutLegend(categories, w - 2 * pad, fonts.legend);
  const gridTop = legendY + legend.height + 4;
  const rowCount = Math.max(1, rows.length);
  const colCount = Math.max(1, columns.length);
  const cellHeight = Math.max(80, (h - gridTop - pad - (rowCount - 1) * gap) / rowCount);
  const cellWidth = Math.max(100, (w - 2 * pad - (colCount - 1) * gap) / colCount);

  const rowScale = new Map<string, { yMax: number; yMin?: number }>();
  const cells: PanelCell[] = [];
  rows.forEach((row, r) => {
    const top = gridTop + r * (cellHeight + gap);
    const rowPanels = columns.map((c) => panelAt(row, c)).filter((p): p is CpuPanel => p !== undefined);
    const tops = rowPanels.flatMap(stackTops);
    const totals = rowPanels.flatMap(columnTotals);
    const yMax = Math.max(0, ...totals) > 0 ? Math.max(...totals) * 1.05 : 1;
    rowScale.set(
      row,
      input.yLog ? logScaleOf(tops) : { yMax: Number.isFinite(yMax) ? yMax : Math.max(...totals) },
    );
    columns.forEach((column, c) => {
      const panel = panelAt(row, column);
      cells.push({
        row,
        column,
        title: `${row} · ${column}`,
        box: {
          left: px(pad + c * (cellWidth + gap)),
          top: px(top),
          width: px(cellWidth),
          height: px(cellHeight),
        },
        panel: panel && {
          ...panel,
          stacks: [...panel.stacks].sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0)),
        },
      });
    });
  });
  return { fonts, titleY, legend, legendY, cells, rowScale, styles, categories };
}

/** `given` first, then the rest in order of first appearance; only names that occur in `seen`. */
function orderOf(given: readonly string[] | undefined, seen: readonly string[]): string[] {
  return [...(given ?? []), ...seen].filter((k, i, all) => all.indexOf(k) === i && seen.includes(k));
}

function validValue(v: number | undefined): number {
  return v !== undefined && drawable(v) && v > 0 ? v : 0;
}

function columnTotals(p: CpuPanel): number[] {
  return p.sizes
    .map((_, i) => p.stacks.reduce((sum, s) => sum + validValue(s.values[i]), 0))
    .filter(Number.isFinite);
}

function stackTops(p: CpuPanel): number[] {
  return p.sizes.flatMap((_, i) => {
    let acc = 0;
    return p.stacks.map((s) => (acc += validValue(s.values[i])));
  });
}

function logScaleOf(tops: readonly number[]): { yMax: number; yMin: number } {
  const [yMin, yMax] = barLogDomain(tops);
  return { yMax, yMin };
}
