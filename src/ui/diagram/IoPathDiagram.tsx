import { memo, useId, useMemo } from 'react';
import type { Mode, Op, Workload } from '../../model/types.ts';
import { r1 } from './geometry.ts';
import { layoutDiagram, type DiagramLayout } from './layout/layout.ts';
import type { LiveState } from './live.ts';
import { modeRoute } from './layout/route.ts';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import { THEME } from './theme.ts';
import { DomainBox, DomainTitle, HostFrame, LeafBox, Marker, SwitchBox, WireBox } from './boxes.tsx';
import { ArrowPill, Connector } from './connectors.tsx';
import { Legend } from './Legend.tsx';
import { LiveLayer } from './LiveLayer.tsx';
import { routeSentence } from '../a11y/routeSentence.ts';
import { DiagramScopeContext, scopedAttrs, scopedName, useDiagramScope, type DiagramScope } from './scope.ts';

export { LegendShape } from './Legend.tsx';

export interface IoPathDiagramProps {
  width: number;
  height: number;
  mode: Mode;
  /** What the mode is shown doing (boxes it does not charge then are faded); default: anything it can do. */
  workload?: Workload;
  op?: Op;
  vmsPerHost: number;
  /** Hosts side by side (default 2). */
  hosts?: number;
  /** Link speed for the labels, Gbit/s (default 10). */
  linkGbps?: number;
  /** Live values drawn on the boxes. */
  live?: LiveState;
  /** A layout computed by the caller (e.g. shared with the token index); else computed from the props. */
  layout?: DiagramLayout;
  /**
   * `main` (default): the page's diagram. `a`: the pinned scenario A's, drawn beside it, with its
   * attributes and ids under a `data-a-` / `a-` prefix (scope.ts) and its boxes no Tab stops.
   */
  scope?: DiagramScope;
  /** The accessible name's subject (default "I/O path"), e.g. "A: I/O path". */
  name?: string;
}

/**
 * The I/O path as SVG: hosts, domains, stations, the path this mode takes (in the mode's
 * own colour, as on the charts; the poster's b₁, c₁ dashed, d₁ in blue), and live gauges. Parts the mode does not use are faded. Pure rendering of
 * `layoutDiagram`; tokens go on a TokenCanvas laid over it.
 */
export function IoPathDiagram({
  width,
  height,
  mode,
  workload,
  op,
  vmsPerHost,
  hosts,
  linkGbps,
  live,
  layout,
  scope = 'main',
  name = 'I/O path',
}: IoPathDiagramProps) {
  const computed = useMemo(
    () => layout ?? layoutDiagram({ width, height, mode, workload, op, vmsPerHost, hosts, linkGbps }),
    [layout, width, height, mode, workload, op, vmsPerHost, hosts, linkGbps],
  );
  const L = computed;
  const summary = modeRoute(L.mode).summary;
  // Described by the route it draws, in order (the boxes keep their own labels).
  const descId = useId();
  return (
    <svg
      className="io-path-diagram"
      width={L.width}
      height={L.height}
      viewBox={`0 0 ${r1(L.width)} ${r1(L.height)}`}
      // A group, not an image: its boxes are buttons that open their cards, each with its own name.
      role="group"
      aria-label={`${name}, mode ${L.mode}`}
      aria-describedby={descId}
      {...scopedAttrs(scope, { 'data-mode': L.mode, 'data-vms': L.vmsPerHost, 'data-hosts': L.hosts })}
      fontFamily={THEME.font}
      style={{ display: 'block' }}
    >
      <title>{`${name}: ${L.mode}`}</title>
      <desc id={descId}>{`${summary} ${routeSentence(L.mode, op)}`}</desc>
      <DiagramScopeContext value={scope}>
        <StaticDiagram layout={L} />
        <LiveLayer layout={L} live={live} />
      </DiagramScopeContext>
    </svg>
  );
}

/** Everything that changes only with the layout (memoised: live updates do not redraw it). */
const StaticDiagram = memo(function StaticDiagram({ layout: L }: { layout: DiagramLayout }) {
  const scope = useDiagramScope();
  const f = L.fontPx;
  const hosts = L.boxes.filter((b) => b.kind === 'host');
  const domains = L.boxes.filter((b) => b.kind === 'domain' || b.kind === 'placeholder');
  const leaves = L.boxes.filter((b) => b.kind === 'station' || b.kind === 'part');
  const sw = L.boxes.find((b) => b.kind === 'switch');
  // The route is drawn in the mode's own colour, the one its series have on every chart.
  const route = MODE_DESCRIPTORS[L.mode].style.color;
  return (
    <g>
      <defs>
        <Marker id={scopedName(scope, 'arrow-path')} colour={route} />
        <Marker id={scopedName(scope, 'arrow-data')} colour={THEME.data} />
      </defs>
      <rect x={0} y={0} width={r1(L.width)} height={r1(L.height)} fill={THEME.panel} />
      {hosts.map((b) => (
        <HostFrame key={b.id} box={b} f={f} />
      ))}
      {domains.map((b) => (
        <DomainBox key={b.id} box={b} f={f} />
      ))}
      {L.connectors
        .filter((c) => c.kind !== 'data')
        .map((c) => (
          <Connector key={c.id} con={c} f={f} route={route} />
        ))}
      {leaves.map((b) =>
        b.station === 'wire' ? (
          <WireBox key={b.id} box={b} f={f} />
        ) : (
          <LeafBox key={b.id} box={b} f={f} route={route} />
        ),
      )}
      {sw && <SwitchBox box={sw} f={f} small={L.smallFontPx} route={route} />}
      {L.connectors
        .filter((c) => c.kind === 'data')
        .map((c) => (
          <Connector key={c.id} con={c} f={f} />
        ))}
      {domains.map((b) => (
        <DomainTitle key={`${b.id}-title`} box={b} f={f} small={L.smallFontPx} />
      ))}
      {L.connectors.map(
        (c) => c.label && <ArrowPill key={`${c.id}-label`} con={c} small={L.smallFontPx} route={route} />,
      )}
      <Legend layout={L} />
    </g>
  );
});
