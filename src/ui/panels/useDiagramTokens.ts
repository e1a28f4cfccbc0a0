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
/**
 * While playing, the token index is rebuilt at most this often (it costs ~10 ms at 16 VMs per host):
 * in between, the tokens it holds move on with the clock and a new message shows up to 0.1 s late.
 */
const REBUILD_WHILE_PLAYING_MS = 100;

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
    let indexKey = '';
    let indexRun: DrawContext['live'] | null = null;
    /** The earliest cursor the index serves (spans ending before it may be missing). */
    let indexFromNs = 0;
    let builtAtMs = -Infinity;
    return loop.onDraw((c) => {
      const live = source === 'live' ? c.live : c.pinned;
      if (!live) return;
      const nowNs = live.nowNs;
      // At the head the index holds what may still be on screen and everything scheduled ahead, and
      // serves until a span is recorded. Behind it (a step back, a scrub) it holds only what had been
      // written by the cursor's event, so it is built for that event.
      const head = live.atHead;
      const key = head ? `${live.spansVersion}` : `${live.spansVersion}@${live.events}@${nowNs}`;
      const fresh = c.playing && head && performance.now() - builtAtMs < REBUILD_WHILE_PLAYING_MS;
      const stale = key !== indexKey && !fresh;
      if (!index || stale || live !== indexRun || (head && nowNs < indexFromNs)) {
        const toNs = head ? Infinity : nowNs + LOOKBACK_NS;
        index = buildTokenIndex(live.tokenSpans(nowNs - LOOKBACK_NS, toNs), layout);
        indexKey = key;
        indexRun = live;
        indexFromNs = nowNs;
        builtAtMs = performance.now();
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
