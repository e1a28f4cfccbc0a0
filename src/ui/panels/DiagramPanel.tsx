import { useMemo, useRef } from 'react';
import { useElementSize } from '../../charts/index.ts';
import {
  IoPathDiagram,
  TokenCanvas,
  layoutDiagram,
  nearestToken,
  type TokenCanvasHandle,
} from '../diagram/index.ts';
import { actions, useApp, type AppState } from '../../store/index.ts';
import { pairsOf, paramValue } from '../../store/settings.ts';
import { BoxCard, useBoxCard } from '../cards/BoxCard.tsx';
import { WhatIfNote } from '../whatIf/WhatIfNote.tsx';
import { DiagramExportMenu } from '../export/DiagramExportMenu.tsx';
import { usePresenter } from '../presenter/index.ts';
import { useReducedMotion } from '../a11y/reducedMotion.ts';
import { AbSideBySide } from '../ab/AbSideBySide.tsx';
import { useDiagramTokens } from './useDiagramTokens.ts';

const selectMode = (s: AppState) => s.settings.mode;
const selectWorkload = (s: AppState) => s.settings.workload;
const selectOp = (s: AppState) => s.settings.op;
const selectVms = (s: AppState) => pairsOf(s.settings);
const selectLink = (s: AppState) => paramValue(s.settings.params, 'linkGbps');
const selectComponents = (s: AppState) => s.components;

/**
 * The I/O path: the SVG diagram (React, a few updates a second) with the token canvas over it,
 * painted by the frame loop every frame from the spans the simulation wrote.
 */
export function DiagramPanel() {
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
  const card = useBoxCard();
  const reducedMotion = useReducedMotion();
  const layout = useMemo(
    () =>
      width > 0 && height > 0
        ? layoutDiagram({ width, height, mode, workload, op, vmsPerHost: vms, linkGbps, density })
        : null,
    [width, height, mode, workload, op, vms, linkGbps, density],
  );

  const drawn = useDiagramTokens(layout, canvas, stage, 'live', reducedMotion);

  /** Clicking a token opens its message's journey. */
  const pick = (e: React.MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const token = nearestToken(drawn.current, e.clientX - box.left, e.clientY - box.top);
    if (token) actions.selectMessage(token.messageId);
  };

  return (
    <div className="diagram-column">
      <WhatIfNote />
      {/* With A pinned, A's diagram is drawn beside this one (src/ui/ab). */}
      <AbSideBySide>
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
      </AbSideBySide>
      {card.target && <BoxCard target={card.target} onClose={card.close} layoutKey={layout} />}
    </div>
  );
}
