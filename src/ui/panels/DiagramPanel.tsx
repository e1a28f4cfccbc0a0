import { useEffect, useMemo, useRef } from 'react';
import { useElementSize } from '../../charts/index.ts';
import {
  IoPathDiagram,
  TokenCanvas,
  buildTokenIndex,
  layoutDiagram,
  tokensAt,
  type Token,
  type TokenCanvasHandle,
  type TokenIndex,
} from '../diagram/index.ts';
import { actions, useApp, type AppState } from '../../store/index.ts';
import { pairsOf, paramValue } from '../../store/settings.ts';
import { useFrameLoop } from '../frameContext.ts';
import { BoxCard, useBoxCard } from '../cards/BoxCard.tsx';
import { WhatIfNote } from '../whatIf/WhatIfNote.tsx';
import { DiagramExportMenu } from '../export/DiagramExportMenu.tsx';
import { usePresenter } from '../presenter/index.ts';
import { useReducedMotion } from '../a11y/reducedMotion.ts';

const selectMode = (s: AppState) => s.settings.mode;
const selectWorkload = (s: AppState) => s.settings.workload;
const selectOp = (s: AppState) => s.settings.op;
const selectVms = (s: AppState) => pairsOf(s.settings);
const selectLink = (s: AppState) => paramValue(s.settings.params, 'linkGbps');
const selectComponents = (s: AppState) => s.components;

/** Spans further back than this cannot put a token on screen any more. */
const LOOKBACK_NS = 200_000;

/**
 * The I/O path: the SVG diagram (React, a few updates a second) with the token canvas over it,
 * painted by the frame loop every frame from the spans the simulation wrote.
 */
export function DiagramPanel() {
  const loop = useFrameLoop();
  const mode = useApp(selectMode);
  const workload = useApp(selectWorkload);
  const op = useApp(selectOp);
  const vms = useApp(selectVms);
  const linkGbps = useApp(selectLink);
  const components = useApp(selectComponents);
  // Presenter mode draws the projector's layout: tighter, with every label at least 24 px at 1366×768.
  const density = usePresenter((s) => (s.on ? 'projector' : 'desk'));
  const [ref, { width, height }] = useElementSize();
  const canvas = useRef<TokenCanvasHandle>(null);
  const stage = useRef<HTMLDivElement | null>(null);
  const drawn = useRef<readonly Token[]>([]);
  const card = useBoxCard();
  const reducedMotion = useReducedMotion();
  const layout = useMemo(
    () =>
      width > 0 && height > 0
        ? layoutDiagram({ width, height, mode, workload, op, vmsPerHost: vms, linkGbps, density })
        : null,
    [width, height, mode, workload, op, vms, linkGbps, density],
  );

  useEffect(() => {
    if (!layout) return;
    let index: TokenIndex | null = null;
    let indexKey = '';
    return loop.onDraw(({ live, nowNs }) => {
      const key = `${live.spansVersion}`;
      if (!index || key !== indexKey) {
        index = buildTokenIndex(live.recentSpans(nowNs, LOOKBACK_NS), layout);
        indexKey = key;
      }
      const tokens = tokensAt(index, nowNs, { reducedMotion });
      drawn.current = tokens;
      canvas.current?.draw(tokens);
      // What is on the canvas, for browser tests and assistive tools (a few tokens, rounded).
      if (stage.current) {
        stage.current.dataset.tokens = JSON.stringify(
          tokens.slice(0, 12).map((t) => [t.messageId, Math.round(t.x), Math.round(t.y)]),
        );
      }
    });
  }, [loop, layout, reducedMotion]);

  /** Clicking a token opens its message's journey. */
  const pick = (e: React.MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    let best: Token | null = null;
    let bestD = 24 * 24;
    for (const t of drawn.current) {
      const d = (t.x - x) ** 2 + (t.y - y) ** 2;
      if (d < bestD) [best, bestD] = [t, d];
    }
    if (best) actions.selectMessage(best.messageId);
  };

  return (
    <div className="diagram-column">
      <WhatIfNote />
      <div
        ref={(node) => {
          ref(node);
          stage.current = node;
        }}
        className="diagram-stage"
        onClick={(e) => {
          pick(e);
          card.onClick(e); // a box under the click opens its card (src/ui/cards)
        }}
        onKeyDown={card.onKeyDown}
        data-testid="diagram"
      >
        {layout && (
          <>
            <IoPathDiagram
              layout={layout}
              width={width}
              height={height}
              mode={mode}
              op={op}
              vmsPerHost={vms}
              linkGbps={linkGbps}
              live={components ?? undefined}
            />
            <TokenCanvas ref={canvas} width={width} height={height} />
            <DiagramExportMenu layout={layout} stage={stage} />
          </>
        )}
      </div>
      {card.target && <BoxCard target={card.target} onClose={card.close} layoutKey={layout} />}
    </div>
  );
}
