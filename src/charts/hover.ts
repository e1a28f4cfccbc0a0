/**
 * Hover and keyboard read-outs shared by the charts: the pointer (or the arrow keys) picks the
 * nearest column (an x value of a line chart, a bar of a bar chart); the chart draws the tooltip.
 */
import { useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { Box } from './layout.ts';

/** The hovered column, and the pointer's y in px when a pointer (not a key) chose it. */
export type Hover = { index: number; y: number | null };

/**
 * The index of the value in `sorted` (ascending) nearest to `value`; -1 when `sorted` is empty.
 * Ties go to the lower index.
 */
export function nearestIndex(sorted: ArrayLike<number>, value: number): number {
  const n = sorted.length;
  if (n === 0 || !Number.isFinite(value)) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(sorted[lo - 1] - value) <= Math.abs(sorted[lo] - value)) return lo - 1;
  return lo;
}

/**
 * Hover state and the handlers to spread on the chart's `<svg>`. `positions` are the columns' x in
 * px, ascending. With `trackY` the state also follows the pointer's y (bar charts pick a segment);
 * without it a chart re-renders only when the hovered column changes.
 */
export function useColumnHover(positions: readonly number[], plot: Box, trackY = false) {
  const [hover, setHover] = useState<Hover | null>(null);
  const current = hover && hover.index < positions.length ? hover : null;

  const fromPointer = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const slack = 12;
    const inside =
      x >= plot.left - slack &&
      x <= plot.left + plot.width + slack &&
      y >= plot.top - slack &&
      y <= plot.top + plot.height + slack;
    const index = inside ? nearestIndex(positions, x) : -1;
    const next = index < 0 ? null : { index, y: trackY ? y : null };
    setHover((prev) => (sameHover(prev, next) ? prev : next));
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const n = positions.length;
    if (n === 0) return;
    const at = current?.index ?? -1;
    const moves: Record<string, number> = {
      ArrowRight: Math.min(n - 1, at + 1),
      ArrowLeft: at < 0 ? n - 1 : Math.max(0, at - 1),
      Home: 0,
      End: n - 1,
    };
    if (e.key === 'Escape') setHover(null);
    else if (e.key in moves) setHover({ index: moves[e.key], y: null });
    else return;
    // The chart has focus: its keys move the read-out, not the app's global shortcuts.
    e.preventDefault();
    e.stopPropagation();
  };

  const clear = () => setHover(null);
  return {
    hover: current,
    handlers: {
      onPointerMove: fromPointer,
      onPointerDown: fromPointer,
      onPointerLeave: clear,
      onKeyDown,
      onBlur: clear,
    },
  };
}

/** The hovered row of a horizontal bar chart, and the pointer's x in px when a pointer chose it. */
export type RowHover = { index: number; x: number | null };

/**
 * Hover state for charts whose rows run across (horizontal bars): `positions` are the rows' centres
 * in px, top to bottom; the pointer's y picks the row, its x a segment. Up/Down keys move the read-out.
 */
export function useRowHover(positions: readonly number[], plot: Box) {
  const [hover, setHover] = useState<RowHover | null>(null);
  const current = hover && hover.index < positions.length ? hover : null;

  const fromPointer = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const slack = 12;
    const inside =
      x >= plot.left - slack &&
      x <= plot.left + plot.width + slack &&
      y >= plot.top - slack &&
      y <= plot.top + plot.height + slack;
    const index = inside ? nearestIndex(positions, y) : -1;
    const next = index < 0 ? null : { index, x };
    setHover((prev) => (prev?.index === next?.index && prev?.x === next?.x ? prev : next));
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const n = positions.length;
    if (n === 0) return;
    const at = current?.index ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(n - 1, at + 1),
      ArrowUp: at < 0 ? n - 1 : Math.max(0, at - 1),
      Home: 0,
      End: n - 1,
    };
    if (e.key === 'Escape') setHover(null);
    else if (e.key in moves) setHover({ index: moves[e.key], x: null });
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const clear = () => setHover(null);
  return {
    hover: current,
    handlers: {
      onPointerMove: fromPointer,
      onPointerDown: fromPointer,
      onPointerLeave: clear,
      onKeyDown,
      onBlur: clear,
    },
  };
}

function sameHover(a: Hover | null, b: Hover | null): boolean {
  return a === b || (a !== null && b !== null && a.index === b.index && a.y === b.y);
}
