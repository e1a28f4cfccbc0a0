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

/** The handlers a chart spreads on its `<svg>`: pointer and keys set the read-out; leaving clears it. */
function svgHandlers(
  fromPointer: (e: PointerEvent<SVGSVGElement>) => void,
  onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => void,
  clear: () => void,
) {
  return {
    onPointerMove: fromPointer,
    onPointerDown: fromPointer,
    onPointerLeave: clear,
    onKeyDown,
    onBlur: clear,
  };
}

/** Pointer slack around the plot, px: a read-out still follows a pointer just outside it. */
const SLACK_PX = 12;

/** The pointer's position in the `<svg>`, and whether it is over the plot (with some slack). */
function pointerIn(e: PointerEvent<SVGSVGElement>, plot: Box): { x: number; y: number; inside: boolean } {
  const r = e.currentTarget.getBoundingClientRect();
  const x = e.clientX - r.left;
  const y = e.clientY - r.top;
  const inside =
    x >= plot.left - SLACK_PX &&
    x <= plot.left + plot.width + SLACK_PX &&
    y >= plot.top - SLACK_PX &&
    y <= plot.top + plot.height + SLACK_PX;
  return { x, y, inside };
}

/**
 * The index a key moves the read-out to among `n` (`next`/`prev` are the chart's arrow keys; Home,
 * End), null for Escape, undefined for a key the read-out does not use.
 */
function keyedIndex(
  key: string,
  at: number,
  n: number,
  next: string,
  prev: string,
): number | null | undefined {
  if (key === 'Escape') return null;
  if (key === next) return Math.min(n - 1, at + 1);
  if (key === prev) return at < 0 ? n - 1 : Math.max(0, at - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return undefined;
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
    const { x, y, inside } = pointerIn(e, plot);
    const index = inside ? nearestIndex(positions, x) : -1;
    const next = index < 0 ? null : { index, y: trackY ? y : null };
    setHover((prev) => (sameHover(prev, next) ? prev : next));
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (positions.length === 0) return;
    const to = keyedIndex(e.key, current?.index ?? -1, positions.length, 'ArrowRight', 'ArrowLeft');
    if (to === undefined) return;
    setHover(to === null ? null : { index: to, y: null });
    // The chart has focus: its keys move the read-out, not the app's global shortcuts.
    e.preventDefault();
    e.stopPropagation();
  };

  return { hover: current, handlers: svgHandlers(fromPointer, onKeyDown, () => setHover(null)) };
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
    const { x, y, inside } = pointerIn(e, plot);
    const index = inside ? nearestIndex(positions, y) : -1;
    const next = index < 0 ? null : { index, x };
    setHover((prev) => (prev?.index === next?.index && prev?.x === next?.x ? prev : next));
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (positions.length === 0) return;
    const to = keyedIndex(e.key, current?.index ?? -1, positions.length, 'ArrowDown', 'ArrowUp');
    if (to === undefined) return;
    setHover(to === null ? null : { index: to, x: null });
    e.preventDefault();
    e.stopPropagation();
  };

  return { hover: current, handlers: svgHandlers(fromPointer, onKeyDown, () => setHover(null)) };
}

function sameHover(a: Hover | null, b: Hover | null): boolean {
  return a === b || (a !== null && b !== null && a.index === b.index && a.y === b.y);
}
