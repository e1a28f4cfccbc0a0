// The layout's routing helpers: the switch's box, label fitting, free channels, hop paths and arrow-label pills.
import { centre, exitPoint, fitLabel, polylineHits, textWidth, type Point, type Rect } from '../geometry.ts';
import type { DiagramBox, DiagramConnector, LocalBox } from './types.ts';

export function switchRect(f: number, wireY: number): Rect {
  const w = Math.max(4.6 * f, textWidth('switch', f) + f);
  const h = 2.2 * f;
  return { x: 0, y: wireY - h / 2, w, h };
}

/** Like fitLabel, but prefers the long label wrapped over a terse abbreviation. */
export function fitLabelPreferLong(
  candidates: readonly string[],
  maxWidth: number,
  f: number,
  maxLines: number,
): string[] {
  const one = fitLabel(candidates.slice(0, 1), maxWidth, f, 1);
  if (textWidth(one[0], f) <= maxWidth) return one;
  if (maxLines >= 2) {
    const two = fitLabel(candidates.slice(0, 1), maxWidth, f, maxLines);
    if (two.length > 1 && two.every((l) => textWidth(l, f) <= maxWidth)) return two;
  }
  return fitLabel(candidates.slice(1).length ? candidates.slice(1) : candidates, maxWidth, f, maxLines);
}

/** The y of every free horizontal channel: between station rows and between layers. */
export function channelYs(local: LocalBox[], f: number): number[] {
  const rows = new Map<number, { top: number; bottom: number }>();
  for (const b of local) {
    if (b.kind !== 'station' && b.kind !== 'part') continue;
    if (b.station === 'wire' || b.part === 'toolstack') continue;
    const key = Math.round(b.r.y);
    const row = rows.get(key) ?? { top: b.r.y, bottom: b.r.y + b.r.h };
    row.bottom = Math.max(row.bottom, b.r.y + b.r.h);
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.top - b.top);
  const out: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const lo = sorted[i - 1].bottom;
    const hi = sorted[i].top;
    if (hi - lo > 0.6 * f) {
      // A layer gap holds two borders (and their pills): run in the middle of the free space between them.
      out.push((lo + hi) / 2);
    }
  }
  return out;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);

/**
 * A path from box a to box b that avoids the obstacles: straight if it can, else through a free
 * channel between rows, else an elbow, else down the lane on the inner side of the host.
 */
export function routeHop(
  a: Rect,
  b: Rect,
  obstacles: Rect[],
  channels: number[],
  laneX: number,
  f: number,
): Point[] {
  const ca = centre(a);
  const cb = centre(b);
  const candidates: Point[][] = [];
  const xo = overlap(a.x, a.x + a.w, b.x, b.x + b.w);
  const yo = overlap(a.y, a.y + a.h, b.y, b.y + b.h);
  const below = b.y >= a.y + a.h;
  const above = b.y + b.h <= a.y;
  if (xo > 0.6 * f && (below || above)) {
    // Vertical: at the narrower box's centre, or at other x within the overlap.
    const narrow = a.w <= b.w ? ca.x : cb.x;
    const lo = Math.max(a.x, b.x) + 0.3 * f;
    const hi = Math.min(a.x + a.w, b.x + b.w) - 0.3 * f;
    const xs = [narrow, ...Array.from({ length: 9 }, (_, k) => lo + ((hi - lo) * k) / 8)]
      .filter((x) => x >= lo - 1e-6 && x <= hi + 1e-6)
      .sort((p, q) => Math.abs(p - narrow) - Math.abs(q - narrow));
    for (const x of xs) {
      const y0 = below ? a.y + a.h : a.y;
      const y1 = below ? b.y : b.y + b.h;
      candidates.push([
        { x, y: y0 },
        { x, y: y1 },
      ]);
    }
  } else if (yo > 0.6 * f && (b.x >= a.x + a.w || b.x + b.w <= a.x)) {
    const y = a.h <= b.h ? ca.y : cb.y;
    const right = b.x >= a.x + a.w;
    candidates.push([
      { x: right ? a.x + a.w : a.x, y },
      { x: right ? b.x : b.x + b.w, y },
    ]);
  }
  // Orthogonal elbows through a free channel between rows. Ports sit toward the other end (0.35 / 0.65
  // of the width), so a box with a path in and a path out on one side keeps the two apart.
  const portX = (r: Rect, towardX: number) => {
    const c = r.x + r.w / 2;
    const k = towardX < c - 1 ? 0.35 : towardX > c + 1 ? 0.65 : 0.5;
    return r.w > 8 * f ? Math.min(Math.max(towardX, r.x + 0.5 * f), r.x + r.w - 0.5 * f) : r.x + k * r.w;
  };
  const xa = portX(a, cb.x);
  const xb = portX(b, ca.x);
  const between = channels
    .filter((y) => (below ? y > a.y + a.h && y < b.y : above ? y < a.y && y > b.y + b.h : true))
    .sort((p, q) => Math.abs(p - ca.y) - Math.abs(q - ca.y));
  for (const y of between) {
    const ya = y > ca.y ? a.y + a.h : a.y;
    const yb = y > cb.y ? b.y + b.h : b.y;
    candidates.push([
      { x: xa, y: ya },
      { x: xa, y },
      { x: xb, y },
      { x: xb, y: yb },
    ]);
  }
  // Straight (diagonal), then L-shaped elbows.
  candidates.push([exitPoint(a, cb), exitPoint(b, ca)]);
  candidates.push([
    exitPoint(a, { x: ca.x, y: cb.y }),
    { x: ca.x, y: cb.y },
    exitPoint(b, { x: ca.x, y: cb.y }),
  ]);
  candidates.push([
    exitPoint(a, { x: cb.x, y: ca.y }),
    { x: cb.x, y: ca.y },
    exitPoint(b, { x: cb.x, y: ca.y }),
  ]);
  // The lane, straight across or by way of channels next to each end.
  const ya = a.y + a.h * 0.3;
  const yb = b.y + b.h * 0.3;
  candidates.push([
    { x: a.x + a.w, y: ya },
    { x: laneX, y: ya },
    { x: laneX, y: yb },
    { x: b.x + b.w, y: yb },
  ]);
  // Channels next to each end, the one facing the other end first.
  const nearA = channels
    .filter((y) => Math.abs(y - ca.y) < a.h / 2 + 3 * f)
    .sort((p, q) => Math.abs(p - cb.y) - Math.abs(q - cb.y));
  const nearB = channels
    .filter((y) => Math.abs(y - cb.y) < b.h / 2 + 3 * f)
    .sort((p, q) => Math.abs(p - ca.y) - Math.abs(q - ca.y));
  for (const y1 of nearA) {
    for (const y2 of nearB) {
      candidates.push([
        { x: xa, y: y1 > ca.y ? a.y + a.h : a.y },
        { x: xa, y: y1 },
        { x: laneX, y: y1 },
        { x: laneX, y: y2 },
        { x: xb, y: y2 },
        { x: xb, y: y2 > cb.y ? b.y + b.h : b.y },
      ]);
    }
  }
  for (const c of candidates) if (!polylineHits(c, obstacles)) return c;
  return [exitPoint(a, cb), exitPoint(b, ca)];
}

/** A pill for a named arrow: on its longest segment, or for d₁ in the gap beside the lane. */
export function arrowLabel(
  con: DiagramConnector,
  text: string,
  short: string,
  f: number,
  small: number,
  boxes: DiagramBox[],
  width: number,
): { text: string; lines: string[]; rect: Rect } {
  const pad = 0.45 * small;
  const lineH = small * 1.2;
  if (con.arrow === 'd1') {
    // Beside the vertical lane segment, in the space between the hosts (or inside the lane when there is none).
    const [, p1, p2] = con.points;
    const host = boxes.find((b) => b.id === `h${con.host}`)!;
    const inward = host.mirrored ? -1 : 1;
    const neighbours = boxes.filter((b) => b.kind === 'host' && b.id !== host.id);
    const edge = host.mirrored
      ? Math.max(0, ...neighbours.map((b) => b.x + b.w).filter((x) => x <= host.x))
      : Math.min(width, ...neighbours.map((b) => b.x).filter((x) => x >= host.x + host.w));
    const room = Math.abs(edge - p1.x) - 0.6 * f;
    const words = ['d₁', 'DMA from', 'app pages'];
    const wMax = Math.max(...words.map((w) => textWidth(w, small))) + 2 * pad;
    const lines = wMax <= room * 0.95 ? words : [short];
    const w = Math.max(...lines.map((l) => textWidth(l, small))) + 2 * pad;
    const h = lines.length * lineH + pad;
    const midY = (p1.y + p2.y) / 2;
    const x = inward > 0 ? p1.x + 0.35 * f : p1.x - 0.35 * f - w;
    return { text, lines, rect: { x, y: midY - h / 2, w, h } };
  }
  let best = 0;
  let bestLen = -1;
  for (let i = 1; i < con.points.length; i++) {
    const len = Math.hypot(con.points[i].x - con.points[i - 1].x, con.points[i].y - con.points[i - 1].y);
    if (len > bestLen) {
      bestLen = len;
      best = i;
    }
  }
  const a = con.points[best - 1];
  const b = con.points[best];
  const horizontal = Math.abs(b.y - a.y) < Math.abs(b.x - a.x);
  const full = textWidth(text, small) + 2 * pad;
  const lines = horizontal && full <= bestLen - 0.4 * f ? [text] : !horizontal ? [text] : [short];
  const w = textWidth(lines[0], small) + 2 * pad;
  const h = lineH + pad;
  const m = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  // Vertical segments: the pill sits beside the line, toward the host's inner side.
  const host = boxes.find((x) => x.id === `h${con.host}`);
  const side = host?.mirrored ? -1 : 1;
  const rect = horizontal
    ? { x: m.x - w / 2, y: m.y - h / 2, w, h }
    : { x: side > 0 ? m.x + 0.3 * f : m.x - 0.3 * f - w, y: m.y - h / 2, w, h };
  return { text, lines, rect };
}
