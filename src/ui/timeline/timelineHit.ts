import type { TimelineLayout } from './paintTimeline.ts';
import type { Recording, TimelineRow } from './timelineRows.ts';
import { timeAtX, type TimelineView } from './timelineView.ts';

/** The row under a point of the canvas (CSS px), or null above the rows or past the last. */
export function rowAt(rows: readonly TimelineRow[], layout: TimelineLayout, y: number): TimelineRow | null {
  const ry = y - layout.axisPx + layout.scrollY;
  if (y < layout.axisPx) return null;
  for (const r of rows) if (ry >= r.y && ry < r.y + r.height) return r;
  return null;
}

/**
 * The span under a point (its array index in the recording), or −1: on the row under the point, the
 * span covering its time, else the nearest within `slopPx` (a narrow span is hard to hit exactly).
 * Spans after the cursor (not simulated yet) are not there to hit.
 */
export function spanAt(
  rec: Recording,
  rows: readonly TimelineRow[],
  view: TimelineView,
  layout: TimelineLayout,
  nowNs: number,
  x: number,
  y: number,
  slopPx = 4,
): number {
  const row = rowAt(rows, layout, y);
  if (!row || row.kind !== 'span' || x < layout.labelPx) return -1;
  const plotW = Math.max(1, layout.width - layout.labelPx);
  const t = timeAtX(view, x - layout.labelPx, plotW);
  if (t > nowNs) return -1;
  const slop = (slopPx * (view.endNs - view.startNs)) / plotW;
  const s = rec.spans;
  let best = -1;
  let bestDistance = Infinity;
  s.visit(t - slop, t + slop, row.index, (i) => {
    if (s.start[i] > nowNs) return;
    const d = t < s.start[i] ? s.start[i] - t : t > s.end[i] ? t - s.end[i] : 0;
    // Prefer a span of a message among equals: it has a journey to open.
    const score = d - (s.message[i] >= 0 ? 0.5 : 0);
    if (score < bestDistance) {
      bestDistance = score;
      best = i;
    }
  });
  return best;
}
