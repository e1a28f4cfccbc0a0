import { useCallback, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { drawTokens } from './drawTokens.ts';
import type { Token } from './tokens.ts';

/** What the frame loop calls, once per frame, without going through React. */
export interface TokenCanvasHandle {
  draw(tokens: readonly Token[]): void;
  clear(): void;
}

export interface TokenCanvasProps {
  width: number;
  height: number;
  /** Tokens to paint when they change (for static pictures); a frame loop uses the ref's `draw` instead. */
  tokens?: readonly Token[];
  /** Token radius in CSS px; by default scaled with the diagram (about half the label size). */
  radius?: number;
  ref?: Ref<TokenCanvasHandle>;
  /** Default `token-canvas` (the main diagram's; a second diagram on the page gets its own). */
  testId?: string;
}

const dprNow = () =>
  typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;

/**
 * A canvas laid over the diagram's SVG (absolutely positioned at its top-left, no pointer events),
 * painted by `drawTokens`. No React state per frame: the parent draws through the ref, or passes
 * `tokens` for a still picture.
 */
export function TokenCanvas({
  width,
  height,
  tokens,
  radius,
  ref,
  testId = 'token-canvas',
}: TokenCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<readonly Token[]>([]);
  const r = radius ?? Math.max(6, Math.min(12, Math.min(width / 130, height / 70)));

  const paint = useCallback(
    (list: readonly Token[]) => {
      last.current = list;
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      drawTokens(ctx, list, dprNow(), { radius: r });
    },
    [r],
  );

  useImperativeHandle(ref, () => ({ draw: paint, clear: () => paint([]) }), [paint]);

  // Resizing a canvas clears it: size the backing store, then repaint what was last drawn.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = dprNow();
    canvas.width = Math.max(1, Math.round(width * dpr));
    canvas.height = Math.max(1, Math.round(height * dpr));
    paint(tokens ?? last.current);
  }, [width, height, tokens, paint]);

  return (
    <canvas
      ref={canvasRef}
      className="token-canvas"
      data-testid={testId}
      aria-hidden="true"
      style={{ position: 'absolute', left: 0, top: 0, width, height, pointerEvents: 'none' }}
    />
  );
}
