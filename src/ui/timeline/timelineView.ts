/**
 * The timeline's window on simulated time: a start and an end (ns), and whether it follows the
 * cursor (the live run's time) as the run plays. Pure functions: the component keeps one of these
 * in a ref and paints from it, never through React state.
 */
export interface TimelineView {
  readonly startNs: number;
  readonly endNs: number;
  /** Keep the cursor near the right edge as time moves (until the user zooms or pans away). */
  readonly follow: boolean;
}

/** Narrowest window: 200 ns across (a few events of the fastest stages). */
export const MIN_SPAN_NS = 200;
/** Widest window: 10 s of simulated time. */
export const MAX_SPAN_NS = 10_000_000_000;
/** The window a fresh timeline shows, ending at the cursor. */
export const DEFAULT_SPAN_NS = 200_000;
/** In follow mode, the cursor stands this far from the left, as a fraction of the width. */
const FOLLOW_AT = 0.92;
/** One W/S press zooms by this factor; one A/D press pans by this fraction of the window. */
export const KEY_ZOOM = 1.25;
export const KEY_PAN = 0.15;

const clampSpan = (ns: number) => Math.min(MAX_SPAN_NS, Math.max(MIN_SPAN_NS, ns));

export function initialView(nowNs: number, spanNs = DEFAULT_SPAN_NS): TimelineView {
  return followAt({ startNs: 0, endNs: spanNs, follow: true }, nowNs);
}

/** The view moved so the cursor stands at its follow position (the window's width kept). */
export function followAt(view: TimelineView, nowNs: number): TimelineView {
  const span = view.endNs - view.startNs;
  const startNs = Math.max(0, nowNs - FOLLOW_AT * span);
  return { startNs, endNs: startNs + span, follow: true };
}

/**
 * Zooms by `factor` (> 1 zooms in) keeping the time under `anchor` (0 = left edge, 1 = right)
 * in place. In follow mode, zooming keeps following (anchored on the cursor by the caller).
 */
export function zoom(view: TimelineView, factor: number, anchor: number): TimelineView {
  const span = view.endNs - view.startNs;
  const next = clampSpan(span / factor);
  const a = Math.min(1, Math.max(0, anchor));
  const at = view.startNs + a * span;
  const startNs = Math.max(0, at - a * next);
  return { startNs, endNs: startNs + next, follow: view.follow };
}

/** Pans by `fraction` of the window (positive: later), which stops following the cursor. */
export function pan(view: TimelineView, fraction: number): TimelineView {
  return panByNs(view, fraction * (view.endNs - view.startNs));
}

export function panByNs(view: TimelineView, deltaNs: number): TimelineView {
  const span = view.endNs - view.startNs;
  const startNs = Math.max(0, view.startNs + deltaNs);
  return { startNs, endNs: startNs + span, follow: false };
}

/** The window [fromNs, toNs] exactly (a zoom to a selection, or to the whole recording). */
export function fit(fromNs: number, toNs: number): TimelineView {
  const mid = (fromNs + toNs) / 2;
  const span = clampSpan(Math.max(toNs - fromNs, 0) * 1.04);
  const startNs = Math.max(0, mid - span / 2);
  return { startNs, endNs: startNs + span, follow: false };
}

/** Pixel ↔ time for a window drawn over `widthPx`. */
export function timeAtX(view: TimelineView, x: number, widthPx: number): number {
  return view.startNs + (x / Math.max(1, widthPx)) * (view.endNs - view.startNs);
}

export function xAtTime(view: TimelineView, tNs: number, widthPx: number): number {
  return ((tNs - view.startNs) / (view.endNs - view.startNs)) * widthPx;
}
