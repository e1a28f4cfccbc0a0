import { memo, useMemo, useRef, type ReactNode } from 'react';
import { useElementSize } from '../../charts/index.ts';
import { actions, useApp, type AppState } from '../../store/index.ts';
import { pairsOf, paramValue, type Settings } from '../../store/settings.ts';
import { useReducedMotion } from '../a11y/reducedMotion.ts';
import {
  IoPathDiagram,
  TokenCanvas,
  layoutDiagram,
  nearestToken,
  type TokenCanvasHandle,
} from '../diagram/index.ts';
import { usePresenter } from '../presenter/index.ts';
import { useDiagramTokens } from '../panels/useDiagramTokens.ts';
import { abDiagramLabel, type AbDiagramLabel } from './abDiagramLabel.ts';
import './abSideBySide.css';

const selectPinned = (s: AppState) => s.ab.pinned;
const selectSideBySide = (s: AppState) => s.ab.sideBySide;
const selectSettings = (s: AppState) => s.settings;
const selectAComponents = (s: AppState) => s.ab.aComponents;

/**
 * The diagram area: B's diagram (`children`, the page's main diagram) alone, or, while A is pinned
 * and "Side by side" is on, A's diagram on the left and B's on the right, each under a label naming
 * its scenario. B's keeps its place in the tree either way, so pinning never rebuilds it.
 */
export function AbSideBySide({ children }: { children: ReactNode }) {
  const pinned = useApp(selectPinned);
  const sideBySide = useApp(selectSideBySide);
  const settings = useApp(selectSettings);
  const on = pinned !== null && sideBySide;
  // A projector's labels are large: there each names only what differs from the other side.
  const brief = usePresenter((s) => s.on);
  return (
    <div className="ab-split" data-side-by-side={on ? 'true' : 'false'}>
      {on && (
        <div className="ab-figure" data-testid="ab-diagram-a">
          <SideLabel label={abDiagramLabel('A', pinned, settings)} brief={brief} />
          <PinnedDiagram pinned={pinned} />
        </div>
      )}
      <div className="ab-figure" data-testid={on ? 'ab-diagram-b' : undefined}>
        {on && <SideLabel label={abDiagramLabel('B', settings, pinned)} brief={brief} />}
        {children}
      </div>
    </div>
  );
}

/** "A · VM · TCP (pv-tcp), RDMA WRITE, …", the parts that differ from the other side in bold. */
function SideLabel({ label, brief }: { label: AbDiagramLabel; brief: boolean }) {
  return (
    <p
      className="ab-figure-label"
      data-testid={`ab-diagram-${label.side.toLowerCase()}-label`}
      data-side={label.side}
      title={label.text}
    >
      <span className="ab-figure-side">{label.side}</span>
      <span className="ab-figure-sep" aria-hidden="true">
        {' · '}
      </span>
      {(brief ? label.brief : label.parts).map((p, i) => (
        <span key={i}>
          {i > 0 && ', '}
          {p.changed ? <b className="ab-figure-changed">{p.text}</b> : p.text}
        </span>
      ))}
    </p>
  );
}

/**
 * A's diagram: the same components as B's, laid out for A's settings, its gauges from A's live run
 * (published beside B's) and its tokens painted from A's spans at A's time, which is B's once A has
 * caught up. Its attributes are scoped (`data-a-box`, …) and it opens no cards: B's is the one to
 * explore, A's is there to compare. A click on one of its tokens opens that message's journey in
 * A's run (src/ui/ab/abJourney.tsx).
 */
// Memoised: B's readouts re-render the diagram area a few times a second, A's own come through the store.
const PinnedDiagram = memo(function PinnedDiagram({ pinned }: { pinned: Settings }) {
  const components = useApp(selectAComponents);
  const density = usePresenter((s) => (s.on ? 'projector' : 'desk'));
  const reducedMotion = useReducedMotion();
  const [ref, { width, height }] = useElementSize();
  const canvas = useRef<TokenCanvasHandle>(null);
  const stage = useRef<HTMLDivElement | null>(null);
  const { mode, workload, op } = pinned;
  const vms = pairsOf(pinned);
  const linkGbps = paramValue(pinned.params, 'linkGbps');
  const layout = useMemo(
    () =>
      width > 0 && height > 0
        ? layoutDiagram({ width, height, mode, workload, op, vmsPerHost: vms, linkGbps, density })
        : null,
    [width, height, mode, workload, op, vms, linkGbps, density],
  );
  const drawn = useDiagramTokens(layout, canvas, stage, 'pinned', reducedMotion);
  /** Clicking a token opens its message's journey, A's. */
  const pick = (e: React.MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const token = nearestToken(drawn.current, e.clientX - box.left, e.clientY - box.top);
    if (token) actions.openJourneyOfA(token.messageId);
  };
  return (
    <div
      ref={(node) => {
        ref(node);
        stage.current = node;
      }}
      className="diagram-stage"
      data-testid="ab-diagram-a-stage"
      // A pointer's shortcut to a journey: the keyboard opens one from the journey tab's message field.
      onClick={pick}
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
            scope="a"
            name="A: I/O path"
          />
          <TokenCanvas ref={canvas} width={width} height={height} testId="ab-token-canvas-a" />
        </>
      )}
    </div>
  );
});
