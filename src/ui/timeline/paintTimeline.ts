import { timeTicks } from './timelineAxis.ts';
import { isLight, spanColour, TIMELINE_THEME as T } from './timelineColours.ts';
import type { Recording, TimelineRow } from './timelineRows.ts';
import { xAtTime, type TimelineView } from './timelineView.ts';
import { paintCounters, paintFlow, paintLabels } from './paintParts.ts';

/** Where things are on the canvas, CSS px. */
export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  /** The label column's width (the plot starts here). */
  readonly labelPx: number;
  /** The time axis' height (the rows start here). */
  readonly axisPx: number;
  readonly fontPx: number;
  /** How far the rows are scrolled up. */
  readonly scrollY: number;
}

export interface PaintInput {
  readonly recording: Recording;
  readonly rows: readonly TimelineRow[];
  readonly view: TimelineView;
  readonly nowNs: number;
  readonly layout: TimelineLayout;
  /** The message whose spans are outlined and linked by arrows, or −1. */
  readonly message: number;
  /** Its spans' array indices in the recording, in start order. */
  readonly messageSpans: readonly number[];
  readonly selection: { fromNs: number; toNs: number } | null;
}

export interface PaintResult {
  /** Spans in view that were painted (a run of sub-pixel spans merged into one rectangle counts each). */
  readonly spansDrawn: number;
  /** Rectangles filled for them. */
  readonly rects: number;
  /** Indices (in the recording's categories) of the spans painted. */
  readonly categories: number[];
  /** The widest span of a message in view, centre in CSS px (something to click), or null. */
  readonly probe: { x: number; y: number; message: number } | null;
}

/** Labels are drawn inside spans at least this wide (px), at most this many per frame. */
const LABEL_MIN_PX = 48;
const MAX_LABELS = 400;

/**
 * Paints the timeline: rows of spans coloured by category, counters as small area charts, the
 * highlighted message's flow, the selection, the time axis and the cursor at the live run's time.
 * Time after the cursor has not been simulated: spans are cut at it. Sub-pixel spans on one row
 * merge into one rectangle per pixel run, so 10^5 spans in view cost about one rectangle per pixel
 * column per row.
 */
export function paintTimeline(ctx: CanvasRenderingContext2D, dpr: number, p: PaintInput): PaintResult {
  const { layout: L, view, recording: rec, rows, nowNs } = p;
  const plotW = Math.max(1, L.width - L.labelPx);
  const top = L.axisPx;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = T.bg;
  ctx.fillRect(0, 0, L.width, L.height);

  // Row bands: host headings on the panel colour, a hairline between groups.
  const rowOfTrack: (TimelineRow | undefined)[] = [];
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, top, L.width, L.height - top);
  ctx.clip();
  for (const r of rows) {
    const y = top + r.y - L.scrollY;
    if (r.kind === 'span') rowOfTrack[r.index] = r;
    if (y > L.height || y + r.height < top) continue;
    if (r.kind === 'host') {
      ctx.fillStyle = T.panel;
      ctx.fillRect(0, y, L.width, r.height);
    } else if (r.groupLabel) {
      ctx.fillStyle = T.line;
      ctx.fillRect(0, y, L.width, 1);
    }
  }
  ctx.restore();

  // The plot: grid, spans, counters, flow, selection, the future shaded.
  ctx.save();
  ctx.beginPath();
  ctx.rect(L.labelPx, top, plotW, L.height - top);
  ctx.clip();
  ctx.translate(L.labelPx, 0);
  const ticks = timeTicks(view.startNs, view.endNs, plotW, L.fontPx * 7);
  ctx.fillStyle = 'rgba(58, 80, 104, 0.45)';
  for (const t of ticks) ctx.fillRect(Math.round(xAtTime(view, t.tNs, plotW)), top, 1, L.height - top);

  const colours = rec.categories.names.map(spanColour);
  const k = plotW / (view.endNs - view.startNs);
  const s = rec.spans;
  // A pending run of sub-pixel spans per track: [x0, x1) and its colour (the first span's).
  const runX0 = new Float64Array(rec.tracks.names.length).fill(-1);
  const runX1 = new Float64Array(rec.tracks.names.length);
  const runColour: string[] = [];
  const labels: { x0: number; x1: number; y: number; h: number; text: string; colour: string }[] = [];
  let spansDrawn = 0;
  let rects = 0;
  let probe: PaintResult['probe'] = null;
  let probeW = 3;
  const seen = new Uint8Array(256);
  const flush = (track: number) => {
    const row = rowOfTrack[track];
    if (runX0[track] < 0 || !row) return;
    ctx.fillStyle = runColour[track];
    ctx.fillRect(runX0[track], top + row.y - L.scrollY + 2, runX1[track] - runX0[track], row.height - 4);
    rects++;
    runX0[track] = -1;
  };
  const endNs = Math.min(view.endNs, nowNs);
  if (endNs >= view.startNs)
    s.visit(view.startNs, endNs, -1, (i) => {
      const track = s.track[i];
      const row = rowOfTrack[track];
      if (!row || s.start[i] > nowNs) return;
      const y = top + row.y - L.scrollY;
      if (y > L.height || y + row.height < top) return;
      spansDrawn++;
      seen[s.category[i]] = 1;
      const x0 = Math.max(-1, (s.start[i] - view.startNs) * k);
      const x1 = Math.min(plotW + 1, (Math.min(s.end[i], nowNs) - view.startNs) * k);
      if (x1 - x0 < 1) {
        const px = Math.floor(x0);
        if (runX0[track] >= 0 && px <= runX1[track]) {
          runX1[track] = Math.max(runX1[track], px + 1);
          return;
        }
        flush(track);
        runX0[track] = px;
        runX1[track] = px + 1;
        runColour[track] = colours[s.category[i]];
        return;
      }
      flush(track);
      const colour = colours[s.category[i]];
      ctx.fillStyle = colour;
      ctx.fillRect(x0, y + 2, x1 - x0, row.height - 4);
      rects++;
      const visible = Math.min(x1, plotW) - Math.max(x0, 0);
      if (s.message[i] >= 0 && visible > probeW) {
        probeW = visible;
        const cx = L.labelPx + (Math.max(x0, 0) + Math.min(x1, plotW)) / 2;
        probe = { x: Math.round(cx), y: Math.round(y + row.height / 2), message: s.message[i] };
      }
      if (x1 - x0 >= LABEL_MIN_PX && labels.length < MAX_LABELS)
        labels.push({ x0, x1, y, h: row.height, text: rec.labels.names[s.label[i]], colour });
    });
  for (let t = 0; t < runX0.length; t++) flush(t);

  // Text inside the wide spans, in ink that reads on their colour.
  ctx.font = `${Math.round(L.fontPx * 0.85)}px ${T.font}`;
  ctx.textBaseline = 'middle';
  for (const l of labels) {
    const x = Math.max(l.x0, 0) + 4;
    const room = Math.min(l.x1, plotW) - x - 4;
    if (room < L.fontPx * 2) continue;
    ctx.fillStyle = isLight(l.colour) ? '#0b1420' : T.ink;
    ctx.fillText(fitText(ctx, l.text, room), x, l.y + l.h / 2 + 1);
  }

  paintCounters(ctx, p, plotW);
  paintFlow(ctx, p, plotW, rowOfTrack);

  if (p.selection) {
    const a = xAtTime(view, Math.min(p.selection.fromNs, p.selection.toNs), plotW);
    const b = xAtTime(view, Math.max(p.selection.fromNs, p.selection.toNs), plotW);
    ctx.fillStyle = 'rgba(242, 169, 0, 0.16)';
    ctx.fillRect(a, top, b - a, L.height - top);
    ctx.fillStyle = T.accent;
    ctx.fillRect(a - 1, top, 2, L.height - top);
    ctx.fillRect(b - 1, top, 2, L.height - top);
  }
  const nowX = xAtTime(view, nowNs, plotW);
  if (nowX < plotW) {
    // Not simulated yet: the run has not reached this time.
    ctx.fillStyle = 'rgba(11, 20, 32, 0.55)';
    ctx.fillRect(Math.max(0, nowX), top, plotW - Math.max(0, nowX), L.height - top);
  }
  ctx.restore();

  paintLabels(ctx, p);
  paintAxis(ctx, p, plotW, ticks, nowX);
  const categories: number[] = [];
  seen.forEach((v, c) => v && categories.push(c));
  return { spansDrawn, rects, probe, categories };
}

/** The axis across the top, and the cursor (the live run's time) with its handle. */
function paintAxis(
  ctx: CanvasRenderingContext2D,
  p: PaintInput,
  plotW: number,
  ticks: ReturnType<typeof timeTicks>,
  nowX: number,
): void {
  const L = p.layout;
  ctx.fillStyle = T.panel;
  ctx.fillRect(0, 0, L.width, L.axisPx);
  ctx.fillStyle = T.line;
  ctx.fillRect(0, L.axisPx - 1, L.width, 1);
  ctx.font = `${L.fontPx}px ${T.font}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.fillStyle = T.dim;
  for (const t of ticks) {
    const x = L.labelPx + xAtTime(p.view, t.tNs, plotW);
    ctx.fillRect(Math.round(x), L.axisPx - 6, 1, 6);
    const w = textWidth(ctx, t.label);
    if (x - w / 2 < L.labelPx + 2 || x + w / 2 > L.width - 2) continue;
    ctx.fillText(t.label, x, L.axisPx / 2);
  }
  ctx.textAlign = 'left';
  ctx.fillStyle = T.dim;
  ctx.fillText('time ▸', 8, L.axisPx / 2);
  if (nowX >= 0 && nowX <= plotW) {
    const x = L.labelPx + nowX;
    ctx.fillStyle = T.accent;
    ctx.fillRect(x - 1, 0, 2, L.height);
    const hw = Math.max(6, L.fontPx * 0.45);
    ctx.beginPath();
    ctx.moveTo(x - hw, 0);
    ctx.lineTo(x + hw, 0);
    ctx.lineTo(x, hw * 1.4);
    ctx.closePath();
    ctx.fill();
  }
}

/** Widths of the axis' labels by font and text: the same labels recur while the view follows the cursor. */
const widths = new Map<string, number>();

function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  const key = `${ctx.font}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size >= FITTED_MAX) widths.clear();
    w = ctx.measureText(text).width;
    widths.set(key, w);
  }
  return w;
}

/** Fitted labels by font, text and whole px of room: the same few labels recur in every frame. */
const fitted = new Map<string, string>();
const FITTED_MAX = 4096;

/**
 * `text` cut with an ellipsis to fit `room` px: the longest prefix that fits, found by bisection
 * (widths grow with the prefix), remembered for the next frames.
 */
export function fitText(ctx: CanvasRenderingContext2D, text: string, room: number): string {
  const key = `${ctx.font}|${Math.floor(room)}|${text}`;
  const known = fitted.get(key);
  if (known !== undefined) return known;
  let out = text;
  if (ctx.measureText(text).width > room) {
    let lo = 1; // a prefix length that is kept even when it does not fit (one letter and the ellipsis)
    let hi = text.length - 1; // the longest prefix that might fit
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(`${text.slice(0, mid)}…`).width <= room) lo = mid;
      else hi = mid - 1;
    }
    out = `${text.slice(0, lo)}…`;
  }
  if (fitted.size >= FITTED_MAX) fitted.clear();
  fitted.set(key, out);
  return out;
}
