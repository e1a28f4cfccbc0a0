import { DOMAIN_COLOURS } from '../diagram/theme.ts';
import type { PaintInput } from './paintTimeline.ts';
import { TIMELINE_THEME as T } from './timelineColours.ts';
import type { TimelineRow } from './timelineRows.ts';
import { xAtTime } from './timelineView.ts';

/** A group's colour on the label column: its box's colour on the diagram. */
function groupColour(group: string): string {
  if (group === 'dom0') return DOMAIN_COLOURS.dom0.stroke;
  if (group === 'stubdom') return DOMAIN_COLOURS.stubdom.stroke;
  if (/^vm\d+$/.test(group)) return DOMAIN_COLOURS.vm.stroke;
  return DOMAIN_COLOURS.nic.stroke;
}

/**
 * Counters as small area charts: a ring's occupancy against its slots, an event channel's pending
 * flag as blocks. Each value holds until the next sample; nothing is drawn after the cursor.
 */
export function paintCounters(ctx: CanvasRenderingContext2D, p: PaintInput, plotW: number): void {
  const { layout: L, view, recording: rec } = p;
  const endNs = Math.min(view.endNs, p.nowNs);
  if (endNs <= view.startNs) return;
  for (const row of p.rows) {
    if (row.kind !== 'counter') continue;
    const y0 = L.axisPx + row.y - L.scrollY;
    if (y0 > L.height || y0 + row.height < L.axisPx) continue;
    const c = rec.counters[row.index];
    if (!c || c.series.size === 0) continue;
    const series = c.series;
    const base = y0 + row.height - 2;
    const h = row.height - 5;
    const max = Math.max(1, c.max);
    const evtchn = row.place.kind === 'evtchn';
    ctx.beginPath();
    ctx.moveTo(Math.max(0, xAtTime(view, view.startNs, plotW)), base);
    let i = Math.max(0, series.indexAtOrBefore(view.startNs));
    let first = true;
    for (; i < series.size; i++) {
      const t0 = Math.max(view.startNs, series.timeAt(i));
      if (t0 > endNs) break;
      const t1 = i + 1 < series.size ? Math.min(series.timeAt(i + 1), endNs) : endNs;
      if (t1 < view.startNs) continue;
      const y = base - (h * Math.min(max, series.valueAt(i))) / max;
      // A step: up or down at the sample's time, never a slope from the baseline.
      if (first) ctx.lineTo(xAtTime(view, t0, plotW), base);
      first = false;
      ctx.lineTo(xAtTime(view, t0, plotW), y);
      ctx.lineTo(xAtTime(view, t1, plotW), y);
    }
    ctx.lineTo(xAtTime(view, endNs, plotW), base);
    ctx.closePath();
    ctx.fillStyle = evtchn ? T.evtchn : 'rgba(86, 180, 233, 0.55)';
    ctx.fill();
    ctx.fillStyle = 'rgba(58, 80, 104, 0.7)';
    ctx.fillRect(0, base, plotW, 1);
  }
}

/**
 * One message across the tracks: its spans outlined, and an arrow from the end of each to the start
 * of the next where the next is on another row (the message moving on).
 */
export function paintFlow(
  ctx: CanvasRenderingContext2D,
  p: PaintInput,
  plotW: number,
  rowOfTrack: readonly (TimelineRow | undefined)[],
): void {
  if (p.message < 0 || p.messageSpans.length === 0) return;
  const { layout: L, view, recording: rec, nowNs } = p;
  const s = rec.spans;
  const at = (i: number) => {
    const row = rowOfTrack[s.track[i]];
    if (!row) return null;
    const y = L.axisPx + row.y - L.scrollY;
    const x0 = xAtTime(view, s.start[i], plotW);
    const x1 = Math.max(x0 + 2, xAtTime(view, Math.min(s.end[i], nowNs), plotW));
    return { row, y, x0, x1 };
  };
  ctx.lineWidth = 2;
  ctx.strokeStyle = T.accent;
  ctx.fillStyle = T.accent;
  let prev: ReturnType<typeof at> = null;
  for (const i of p.messageSpans) {
    if (s.start[i] > nowNs) break;
    const cur = at(i);
    if (!cur) continue;
    ctx.strokeRect(cur.x0, cur.y + 1, cur.x1 - cur.x0, cur.row.height - 2);
    if (prev && prev.row !== cur.row) {
      const ax = prev.x1;
      const ay = prev.y + prev.row.height / 2;
      const bx = cur.x0;
      const by = cur.y + cur.row.height / 2;
      const dx = Math.max(14, Math.abs(bx - ax) / 2);
      ctx.beginPath();
      ctx.moveTo(ax, ay);
      ctx.bezierCurveTo(ax + dx, ay, bx - dx, by, bx, by);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(bx, by);
      ctx.lineTo(bx - 8, by - 5);
      ctx.lineTo(bx - 8, by + 5);
      ctx.closePath();
      ctx.fill();
    }
    prev = cur;
  }
  ctx.lineWidth = 1;
}

/** The label column: hosts in bold, each group in its diagram colour, each row's own name. */
export function paintLabels(ctx: CanvasRenderingContext2D, p: PaintInput): void {
  const L = p.layout;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, L.axisPx, L.labelPx, L.height - L.axisPx);
  ctx.clip();
  ctx.fillStyle = T.panel;
  ctx.fillRect(0, L.axisPx, L.labelPx, L.height - L.axisPx);
  ctx.fillStyle = T.line;
  ctx.fillRect(L.labelPx - 1, L.axisPx, 1, L.height - L.axisPx);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const leafX = Math.round(L.labelPx * 0.48);
  for (const r of p.rows) {
    const y = L.axisPx + r.y - L.scrollY;
    if (y > L.height || y + r.height < L.axisPx) continue;
    const mid = y + r.height / 2 + 1;
    if (r.kind === 'host') {
      ctx.font = `bold ${L.fontPx}px ${T.font}`;
      ctx.fillStyle = T.ink;
      ctx.fillText(r.groupLabel, 8, mid);
      continue;
    }
    ctx.font = `${L.fontPx}px ${T.font}`;
    const same = r.groupLabel !== '' && r.groupLabel.toLowerCase() === r.label.toLowerCase();
    if (r.groupLabel) {
      ctx.fillStyle = groupColour(r.place.group);
      ctx.fillText(r.groupLabel, 14, mid);
    }
    if (!same) {
      ctx.fillStyle = T.dim;
      ctx.fillText(r.label, leafX, mid);
    }
  }
  ctx.restore();
}
