import { THEME } from '../theme.ts';
import type { Token, TokenKind } from './tokens.ts';

/** The subset of CanvasRenderingContext2D the painter uses (so tests can pass a recorder). */
export type TokenContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'arc'
  | 'rect'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'fill'
  | 'stroke'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
> & { canvas: { width: number; height: number } };

export interface DrawOptions {
  /** Token size in CSS px (the radius of a message circle). Default 7. */
  radius?: number;
}

/** Draws one token's outline path: a circle, a square, a diamond or a ring. */
function shape(ctx: TokenContext, kind: TokenKind, x: number, y: number, r: number): void {
  ctx.beginPath();
  switch (kind) {
    case 'message':
    case 'completion':
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'packet': {
      const s = r * 0.9;
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
      break;
    }
    case 'notification': {
      const s = r * 1.3;
      ctx.moveTo(x, y - s);
      ctx.lineTo(x + s, y);
      ctx.lineTo(x, y + s);
      ctx.lineTo(x - s, y);
      ctx.closePath();
      break;
    }
  }
}

/**
 * Paints the tokens of one frame on a canvas sized width·dpr × height·dpr (the excalidraw way: a plain
 * function, no React). Clears first. Shapes tell the kind even in grayscale: circle message, square
 * packet, diamond notification, ring completion; every token has a dark outline and a light rim so it
 * reads on the dark panel and on the amber path alike.
 */
export function drawTokens(
  ctx: TokenContext,
  tokens: readonly Token[],
  dpr: number,
  options: DrawOptions = {},
): void {
  const scale = dpr > 0 && Number.isFinite(dpr) ? dpr : 1;
  const r = options.radius ?? 7;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  for (const t of tokens) {
    if (!Number.isFinite(t.x) || !Number.isFinite(t.y)) continue;
    ctx.globalAlpha = t.waiting ? 0.75 : 1;
    // Dark halo.
    shape(ctx, t.kind, t.x, t.y, r + 2);
    ctx.fillStyle = THEME.bg;
    ctx.fill();
    shape(ctx, t.kind, t.x, t.y, r);
    if (t.kind === 'completion') {
      ctx.lineWidth = Math.max(2.5, r * 0.5);
      ctx.strokeStyle = t.color;
      ctx.stroke();
    } else {
      ctx.fillStyle = t.color;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = THEME.ink;
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}
