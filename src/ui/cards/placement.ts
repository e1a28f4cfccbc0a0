/** Where a card goes: beside the box it explains, never over it, inside the viewport. Pure geometry. */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type Side = 'right' | 'left' | 'below' | 'above';

export interface Placement {
  readonly x: number;
  readonly y: number;
  readonly side: Side;
  /** False when no side had room and the card had to be squeezed over part of the box. */
  readonly clear: boolean;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** True when two rectangles share any area. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Places a card of `size` next to `anchor`, `gapPx` away, at least `marginPx` inside `bounds` (all
 * in viewport pixels; the bounds are the part of the page a card may cover): to the right, else
 * left, else below, else above (a card is tall and narrow, so the sides come first). When no side
 * has room, the side with the most room is taken and the card clamped into the bounds.
 */
export function placeCard(
  anchor: Box,
  size: { w: number; h: number },
  bounds: Box,
  gapPx = 12,
  marginPx = 8,
): Placement {
  const { w, h } = size;
  const minX = bounds.x + marginPx;
  const minY = bounds.y + marginPx;
  const maxX = Math.max(minX, bounds.x + bounds.w - marginPx - w);
  const maxY = Math.max(minY, bounds.y + bounds.h - marginPx - h);
  const midY = clamp(anchor.y + anchor.h / 2 - h / 2, minY, maxY);
  const midX = clamp(anchor.x + anchor.w / 2 - w / 2, minX, maxX);
  const right = bounds.x + bounds.w;
  const bottom = bounds.y + bounds.h;
  const candidates: { side: Side; x: number; y: number; room: number }[] = [
    { side: 'right', x: anchor.x + anchor.w + gapPx, y: midY, room: right - (anchor.x + anchor.w) },
    { side: 'left', x: anchor.x - gapPx - w, y: midY, room: anchor.x - bounds.x },
    { side: 'below', x: midX, y: anchor.y + anchor.h + gapPx, room: bottom - (anchor.y + anchor.h) },
    { side: 'above', x: midX, y: anchor.y - gapPx - h, room: anchor.y - bounds.y },
  ];
  for (const c of candidates) {
    const inside = c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY;
    if (inside && !overlaps({ x: c.x, y: c.y, w, h }, anchor))
      return { side: c.side, x: c.x, y: c.y, clear: true };
  }
  const best = candidates.reduce((a, b) => (b.room > a.room ? b : a));
  return { side: best.side, x: clamp(best.x, minX, maxX), y: clamp(best.y, minY, maxY), clear: false };
}
