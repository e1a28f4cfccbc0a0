import type { Token } from './tokens.ts';

/** A click within this distance of a token picks it, px. */
const PICK_RADIUS_PX = 24;

/** The token drawn nearest (x, y), within PICK_RADIUS_PX, or null: what a click on a diagram opens. */
export function nearestToken(tokens: readonly Token[], x: number, y: number): Token | null {
  let best: Token | null = null;
  let bestD = PICK_RADIUS_PX * PICK_RADIUS_PX;
  for (const t of tokens) {
    const d = (t.x - x) ** 2 + (t.y - y) ** 2;
    if (d < bestD) [best, bestD] = [t, d];
  }
  return best;
}
