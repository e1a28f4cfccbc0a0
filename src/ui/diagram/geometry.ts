/** Plain 2-D geometry for the diagram: rectangles, polylines, SVG paths, a text-width estimate. */

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const centre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

export const inflate = (r: Rect, by: number): Rect => ({
  x: r.x - by,
  y: r.y - by,
  w: r.w + 2 * by,
  h: r.h + 2 * by,
});

/** True when the interiors of two rectangles meet (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function contains(outer: Rect, inner: Rect, slack = 0): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.w <= outer.x + outer.w + slack &&
    inner.y + inner.h <= outer.y + outer.h + slack
  );
}

/** Does the segment p→q pass through the interior of r? (Liang–Barsky clipping.) */
export function segmentHitsRect(p: Point, q: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const clip = (num: number, den: number): boolean => {
    // Keeps the part of the segment where den·t <= num.
    if (den === 0) return num > 0;
    const t = num / den;
    if (den > 0) {
      if (t < t1) t1 = t;
    } else if (t > t0) t0 = t;
    return t0 < t1;
  };
  return (
    clip(r.x + r.w - p.x, dx) &&
    clip(p.x - r.x, -dx) &&
    clip(r.y + r.h - p.y, dy) &&
    clip(p.y - r.y, -dy) &&
    t1 - t0 > 1e-9
  );
}

export function polylineHits(points: readonly Point[], obstacles: readonly Rect[]): boolean {
  for (let i = 1; i < points.length; i++) {
    for (const r of obstacles) if (segmentHitsRect(points[i - 1], points[i], r)) return true;
  }
  return false;
}

/** Where the ray from the centre of r toward `toward` leaves r. */
export function exitPoint(r: Rect, toward: Point): Point {
  const c = centre(r);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : r.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : r.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** A polyline with its cumulative lengths, for walking along it at a fraction of its length. */
export interface Walk {
  points: Point[];
  /** cum[i] = length from points[0] to points[i]. */
  cum: number[];
  length: number;
}

export function walkOf(points: readonly Point[]): Walk {
  const pts = dedupe(points);
  const cum = [0];
  for (let i = 1; i < pts.length; i++)
    cum.push(cum[i - 1] + Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y));
  return { points: pts, cum, length: cum[cum.length - 1] };
}

/** The point at fraction f (clamped to 0..1) of the walk's length. */
export function pointAlong(walk: Walk, f: number): Point {
  const { points, cum, length } = walk;
  if (points.length === 1 || length === 0) return points[0];
  const d = Math.min(1, Math.max(0, f)) * length;
  let lo = 1;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  const seg = cum[lo] - cum[lo - 1];
  const u = seg === 0 ? 0 : (d - cum[lo - 1]) / seg;
  const a = points[lo - 1];
  const b = points[lo];
  return { x: a.x + (b.x - a.x) * u, y: a.y + (b.y - a.y) * u };
}

export function dedupe(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last.x - p.x) > 1e-6 || Math.abs(last.y - p.y) > 1e-6) out.push(p);
  }
  if (out.length === 0 && points.length > 0) out.push(points[0]);
  return out;
}

/** Rounds to 0.1 px for compact, stable SVG attributes. */
export const r1 = (v: number): number => Math.round(v * 10) / 10;

/** An SVG path through the points, corners rounded with radius `radius` (xyflow's smooth-step look). */
export function roundedPath(points: readonly Point[], radius: number): string {
  const pts = dedupe(points);
  if (pts.length === 0) return '';
  let d = `M${r1(pts[0].x)},${r1(pts[0].y)}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    const c = pts[i + 1];
    const lin = Math.hypot(b.x - a.x, b.y - a.y);
    const lout = Math.hypot(c.x - b.x, c.y - b.y);
    const rr = Math.min(radius, lin / 2, lout / 2);
    if (rr <= 0.5) {
      d += ` L${r1(b.x)},${r1(b.y)}`;
      continue;
    }
    const p = { x: b.x - ((b.x - a.x) / lin) * rr, y: b.y - ((b.y - a.y) / lin) * rr };
    const q = { x: b.x + ((c.x - b.x) / lout) * rr, y: b.y + ((c.y - b.y) / lout) * rr };
    d += ` L${r1(p.x)},${r1(p.y)} Q${r1(b.x)},${r1(b.y)} ${r1(q.x)},${r1(q.y)}`;
  }
  const last = pts[pts.length - 1];
  if (pts.length > 1) d += ` L${r1(last.x)},${r1(last.y)}`;
  return d;
}

/**
 * Estimated width of a line of text in px (no DOM in the layout): per-character widths of a bold
 * sans-serif, on the generous side so labels that "fit" do fit.
 */
export function textWidth(text: string, fontPx: number, bold = true): number {
  // Calibrated on DejaVu Sans Bold (a wide face, the Linux default): narrower faces only gain room.
  let em = 0;
  for (const ch of text) {
    if ("iljtf.,:;|!'’ ()[]/".includes(ch)) em += 0.4;
    else if ('mwMW%@'.includes(ch)) em += 1.01;
    else if (ch >= 'A' && ch <= 'Z') em += 0.76;
    else if (ch >= '0' && ch <= '9') em += 0.7;
    else if (ch === '₁' || ch === '×' || ch === '·') em += 0.56;
    else em += 0.64;
  }
  return em * fontPx * (bold ? 1 : 0.93);
}

/**
 * Fits a label into `maxWidth`: the first candidate that fits on one line, else the last candidate
 * broken into at most `maxLines` lines at spaces (the last line may still overflow).
 */
export function fitLabel(
  candidates: readonly string[],
  maxWidth: number,
  fontPx: number,
  maxLines = 2,
): string[] {
  for (const c of candidates) if (textWidth(c, fontPx) <= maxWidth) return [c];
  for (const c of candidates) {
    const lines = wrap(c, maxWidth, fontPx);
    if (lines.length <= maxLines && lines.every((l) => textWidth(l, fontPx) <= maxWidth)) return lines;
  }
  return [candidates[candidates.length - 1]];
}

function wrap(text: string, maxWidth: number, fontPx: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && textWidth(next, fontPx) > maxWidth) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
