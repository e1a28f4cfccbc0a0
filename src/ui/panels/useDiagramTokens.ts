import { useEffect, useRef, type RefObject } from 'react';
import type { DrawContext } from '../../frame/frameLoop.ts';
import {
  buildTokenIndex,
  tokensAt,
  type DiagramLayout,
  type Token,
  type TokenCanvasHandle,
  type TokenIndex,
} from '../diagram/index.ts';
import { useFrameLoop } from '../frameContext.ts';

/** Spans further back than this cannot put a token on screen any more. */
const LOOKBACK_NS = 200_000;

/** Which live run a diagram's tokens come from: the current scenario's (B) or the pinned A's. */
export type TokenSource = 'live' | 'pinned';

/**
 * Paints a diagram's tokens every frame from the spans its live run recorded, at that run's cursor
 * (A's equals B's once it has caught up). The stage element gets what is on the canvas for browser
 * tests and assistive tools: `data-tokens` (a few tokens, rounded) and `data-now-ns` (the run's time).
 * Returns the tokens last drawn, for picking one under a click.
 */
export function useDiagramTokens(
  layout: DiagramLayout | null,
  canvas: RefObject<TokenCanvasHandle | null>,
  stage: RefObject<HTMLElement | null>,
  source: TokenSource,
  reducedMotion: boolean,
): RefObject<readonly Token[]> {
  const loop = useFrameLoop();
  const drawn = useRef<readonly Token[]>([]);
  useEffect(() => {
    if (!layout) return;
    let index: TokenIndex | null = null;
    let indexVersion = -1;
    let indexRun: DrawContext['live'] | null = null;
    /** The cursor times the index holds every span for (behind the head it is kept while stepping). */
    let validFromNs = 0;
    let validToNs = -1;
    return loop.onDraw((c) => {
      const live = source === 'live' ? c.live : c.pinned;
      if (!live) return;
      const nowNs = live.nowNs;
      const version = live.spansVersion;
      if (
        !index ||
        version !== indexVersion ||
        live !== indexRun ||
        nowNs < validFromNs ||
        nowNs > validToNs
      ) {
        // At the head: what may still be on screen, and everything scheduled ahead. Behind it (a step
        // back, a scrub): a margin either side, so stepping through the recording reuses the index.
        const head = live.atHead;
        const fromNs = nowNs - (head ? 1 : 2) * LOOKBACK_NS;
        const toNs = head ? Infinity : nowNs + 2 * LOOKBACK_NS;
        index = buildTokenIndex(live.tokenSpans(fromNs, toNs), layout);
        indexVersion = version;
        indexRun = live;
        validFromNs = head ? nowNs : nowNs - LOOKBACK_NS;
        validToNs = head ? Infinity : nowNs + LOOKBACK_NS;
      }
      const tokens = tokensAt(index, nowNs, { reducedMotion });
      drawn.current = tokens;
      canvas.current?.draw(tokens);
      if (stage.current) {
        stage.current.dataset.tokens = JSON.stringify(
          tokens.slice(0, 12).map((t) => [t.messageId, Math.round(t.x), Math.round(t.y)]),
        );
        stage.current.dataset.nowNs = String(nowNs);
      }
    });
  }, [loop, layout, canvas, stage, source, reducedMotion]);
  return drawn;
}
