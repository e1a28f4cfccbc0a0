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
 * Places a card of `size` next to `anchor` (both in viewport pixels), `gapPx` away, at least
 * `marginPx` from the viewport's edges: to the right, else left, else below, else above (a card is
 * tall and narrow, so the sides come first). When no side has room, the side with the most room is
 * taken and the card clamped into the viewport.
 */
export function placeCard(
  anchor: Box,
  size: { w: number; h: number },
  viewport: { w: number; h: number },
  gapPx = 12,
  marginPx = 8,
): Placement {
  const { w, h } = size;
  const maxX = viewport.w - marginPx - w;
  const maxY = viewport.h - marginPx - h;
  const midY = clamp(anchor.y + anchor.h / 2 - h / 2, marginPx, Math.max(marginPx, maxY));
  const midX = clamp(anchor.x + anchor.w / 2 - w / 2, marginPx, Math.max(marginPx, maxX));
  const candidates: { side: Side; x: number; y: number; room: number }[] = [
    { side: 'right', x: anchor.x + anchor.w + gapPx, y: midY, room: viewport.w - (anchor.x + anchor.w) },
    { side: 'left', x: anchor.x - gapPx - w, y: midY, room: anchor.x },
    { side: 'below', x: midX, y: anchor.y + anchor.h + gapPx, room: viewport.h - (anchor.y + anchor.h) },
    { side: 'above', x: midX, y: anchor.y - gapPx - h, room: anchor.y },
  ];
  for (const c of candidates) {
    const inside = c.x >= marginPx && c.x <= maxX && c.y >= marginPx && c.y <= Math.max(marginPx, maxY);
    if (inside && !overlaps({ x: c.x, y: c.y, w, h }, anchor))
      return { side: c.side, x: c.x, y: c.y, clear: true };
  }
  const best = candidates.reduce((a, b) => (b.room > a.room ? b : a));
  return {
    side: best.side,
    x: clamp(best.x, marginPx, Math.max(marginPx, maxX)),
    y: clamp(best.y, marginPx, Math.max(marginPx, maxY)),
    clear: false,
  };
}
