import { memo, useMemo, type ReactNode } from 'react';
import type { Mode } from '../../model/types.ts';
import { r1, textWidth, type Rect } from './geometry.ts';
import { layoutDiagram, type DiagramBox, type DiagramConnector, type DiagramLayout } from './layout.ts';
import {
  cpuGauges,
  dmaState,
  iotlbState,
  pendingEvents,
  ringGauges,
  type Gauge,
  type LiveState,
} from './live.ts';
import { modeRoute, type Place } from './routes.ts';
import { DOMAIN_COLOURS, FADED_OPACITY, THEME, type ColourKey } from './theme.ts';

export interface IoPathDiagramProps {
  width: number;
  height: number;
  mode: Mode;
  vmsPerHost: number;
  /** Hosts side by side (default 2). */
  hosts?: number;
  /** Link speed for the labels, Gbit/s (default 10). */
  linkGbps?: number;
  /** Live values drawn on the boxes. */
  live?: LiveState;
  /** A layout computed by the caller (e.g. shared with the token index); else computed from the props. */
  layout?: DiagramLayout;
}

/**
 * The I/O path as SVG: hosts, domains, stations, the path this mode takes (amber; the poster's b₁, c₁
 * dashed, d₁ in blue), and live gauges. Parts the mode does not use are faded. Pure rendering of
 * `layoutDiagram`; tokens go on a TokenCanvas laid over it.
 */
export function IoPathDiagram({
  width,
  height,
  mode,
  vmsPerHost,
  hosts,
  linkGbps,
  live,
  layout,
}: IoPathDiagramProps) {
  const computed = useMemo(
    () => layout ?? layoutDiagram({ width, height, mode, vmsPerHost, hosts, linkGbps }),
    [layout, width, height, mode, vmsPerHost, hosts, linkGbps],
  );
  const L = computed;
  const summary = modeRoute(L.mode).summary;
  return (
    <svg
      className="io-path-diagram"
      width={L.width}
      height={L.height}
      viewBox={`0 0 ${r1(L.width)} ${r1(L.height)}`}
      role="img"
      aria-label={`I/O path, mode ${L.mode}`}
      data-mode={L.mode}
      data-vms={L.vmsPerHost}
      data-hosts={L.hosts}
      fontFamily={THEME.font}
      style={{ display: 'block' }}
    >
      <title>{`I/O path: ${L.mode}`}</title>
      <desc>{summary}</desc>
      <StaticDiagram layout={L} />
      <LiveLayer layout={L} live={live} />
    </svg>
  );
}

const colourOf = (place: Place | null): (typeof DOMAIN_COLOURS)[ColourKey] =>
  DOMAIN_COLOURS[(place ?? 'nic') as ColourKey] ?? DOMAIN_COLOURS.nic;

/** Everything that changes only with the layout (memoised: live updates do not redraw it). */
const StaticDiagram = memo(function StaticDiagram({ layout: L }: { layout: DiagramLayout }) {
  const f = L.fontPx;
  const hosts = L.boxes.filter((b) => b.kind === 'host');
  const domains = L.boxes.filter((b) => b.kind === 'domain' || b.kind === 'placeholder');
  const leaves = L.boxes.filter((b) => b.kind === 'station' || b.kind === 'part');
  const sw = L.boxes.find((b) => b.kind === 'switch');
  return (
    <g>
      <defs>
        <Marker id="arrow-path" colour={THEME.accent} />
        <Marker id="arrow-data" colour={THEME.data} />
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
          <Connector key={c.id} con={c} f={f} />
        ))}
      {leaves.map((b) =>
        b.station === 'wire' ? <WireBox key={b.id} box={b} f={f} /> : <LeafBox key={b.id} box={b} f={f} />,
      )}
      {sw && <SwitchBox box={sw} f={f} small={L.smallFontPx} />}
      {L.connectors
        .filter((c) => c.kind === 'data')
        .map((c) => (
          <Connector key={c.id} con={c} f={f} />
        ))}
      {domains.map((b) => (
        <DomainTitle key={`${b.id}-title`} box={b} f={f} small={L.smallFontPx} />
      ))}
      {L.connectors.map((c) => c.label && <ArrowPill key={`${c.id}-label`} con={c} small={L.smallFontPx} />)}
      <Legend layout={L} />
    </g>
  );
});

function Marker({ id, colour }: { id: string; colour: string }) {
  return (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX={8}
      refY={5}
      markerWidth={4}
      markerHeight={4}
      orient="auto-start-reverse"
    >
      <path d="M0,0 L10,5 L0,10 z" fill={colour} />
    </marker>
  );
}

function boxAttrs(b: DiagramBox) {
  return {
    'data-box': b.id,
    'data-kind': b.kind,
    'data-host': b.host ?? undefined,
    'data-place': b.place ?? undefined,
    'data-station': b.station ?? undefined,
    'data-part': b.part ?? undefined,
    'data-used': b.used ? 'true' : 'false',
  };
}

function Text({
  x,
  y,
  size,
  children,
  fill = THEME.ink,
  weight = 700,
  anchor = 'middle',
}: {
  x: number;
  y: number;
  size: number;
  children: ReactNode;
  fill?: string;
  weight?: number;
  anchor?: 'start' | 'middle' | 'end';
}) {
  return (
    <text
      x={r1(x)}
      y={r1(y)}
      fontSize={r1(size)}
      fontWeight={weight}
      fill={fill}
      textAnchor={anchor}
      dominantBaseline="central"
    >
      {children}
    </text>
  );
}

function Pill({
  rect,
  fill,
  stroke,
  children,
}: {
  rect: Rect;
  fill: string;
  stroke: string;
  children?: ReactNode;
}) {
  return (
    <g>
      <rect
        x={r1(rect.x)}
        y={r1(rect.y)}
        width={r1(rect.w)}
        height={r1(rect.h)}
        rx={r1(rect.h / 2)}
        fill={fill}
        stroke={stroke}
        strokeWidth={1.5}
      />
      {children}
    </g>
  );
}

function HostFrame({ box: b, f }: { box: DiagramBox; f: number }) {
  const tw = textWidth(b.lines[0], f) + 1.2 * f;
  const title: Rect = {
    x: b.mirrored ? b.x + b.w - 0.8 * f - tw : b.x + 0.8 * f,
    y: b.y - 0.62 * f,
    w: tw,
    h: 1.24 * f,
  };
  return (
    <g {...boxAttrs(b)}>
      <rect
        x={r1(b.x)}
        y={r1(b.y)}
        width={r1(b.w)}
        height={r1(b.h)}
        rx={r1(0.6 * f)}
        fill="#0f1c2b"
        stroke={THEME.line}
        strokeWidth={2}
      />
      <Pill rect={title} fill={THEME.panel} stroke={THEME.line}>
        <Text x={title.x + title.w / 2} y={title.y + title.h / 2} size={f}>
          {b.lines[0]}
        </Text>
      </Pill>
    </g>
  );
}

function DomainBox({ box: b, f }: { box: DiagramBox; f: number }) {
  const c = colourOf(b.place);
  if (b.kind === 'placeholder') {
    return (
      <g {...boxAttrs(b)} opacity={0.6}>
        <rect
          x={r1(b.x)}
          y={r1(b.y)}
          width={r1(b.w)}
          height={r1(b.h)}
          rx={r1(0.5 * f)}
          fill="none"
          stroke={THEME.faint}
          strokeWidth={2}
          strokeDasharray={`${r1(0.5 * f)} ${r1(0.35 * f)}`}
        />
        {b.lines.map((line, i) => (
          <Text
            key={i}
            x={b.x + b.w / 2}
            y={b.y + b.h / 2 + (i - (b.lines.length - 1) / 2) * 1.2 * f}
            size={f}
            fill={THEME.dim}
            weight={600}
          >
            {line}
          </Text>
        ))}
      </g>
    );
  }
  const stack = b.stack;
  const shadows = stack ? Array.from({ length: stack.shown }, (_, i) => stack.shown - i) : [];
  return (
    <g {...boxAttrs(b)} opacity={b.used ? 1 : FADED_OPACITY}>
      {shadows.map((k) => (
        <rect
          key={k}
          x={r1(b.x + k * stack!.dx)}
          y={r1(b.y - k * stack!.dy)}
          width={r1(b.w)}
          height={r1(b.h)}
          rx={r1(0.5 * f)}
          fill={c.fill}
          stroke={c.stroke}
          strokeOpacity={0.75 - 0.15 * k}
          strokeWidth={1.5}
        />
      ))}
      <rect
        x={r1(b.x)}
        y={r1(b.y)}
        width={r1(b.w)}
        height={r1(b.h)}
        rx={r1(0.5 * f)}
        fill={c.fill}
        stroke={c.stroke}
        strokeWidth={2.5}
      />
    </g>
  );
}

/** A domain's title pill and badge, drawn over the paths that cross its border. */
function DomainTitle({ box: b, f, small }: { box: DiagramBox; f: number; small: number }) {
  if (b.kind !== 'domain') return null;
  const c = colourOf(b.place);
  return (
    <g data-title-of={b.id} opacity={b.used ? 1 : FADED_OPACITY}>
      {b.title && (
        <Pill rect={b.title} fill={c.stroke} stroke={c.stroke}>
          <Text x={b.title.x + b.title.w / 2} y={b.title.y + b.title.h / 2} size={f} fill={THEME.bg}>
            {b.lines[0]}
          </Text>
        </Pill>
      )}
      {b.badge && (
        <Pill rect={b.badge.rect} fill={THEME.bg} stroke={THEME.accent}>
          <Text
            x={b.badge.rect.x + b.badge.rect.w / 2}
            y={b.badge.rect.y + b.badge.rect.h / 2}
            size={small}
            fill={THEME.accent}
          >
            {b.badge.text}
          </Text>
        </Pill>
      )}
    </g>
  );
}

/** A station or a NIC part. Unused ones are faded over an opaque backing, so nothing shows through. */
function LeafBox({ box: b, f }: { box: DiagramBox; f: number }) {
  const c = colourOf(b.place);
  const isPart = b.kind === 'part';
  const lineH = 1.05 * f;
  const top = b.readout ? b.y + (b.readout.y - b.y) / 2 : b.y + b.h / 2;
  const y0 = top - ((b.lines.length - 1) * lineH) / 2;
  return (
    <g {...boxAttrs(b)}>
      <title>{b.label}</title>
      <rect x={r1(b.x)} y={r1(b.y)} width={r1(b.w)} height={r1(b.h)} rx={r1(0.35 * f)} fill={THEME.panel} />
      <g opacity={b.used ? 1 : FADED_OPACITY}>
        <rect
          x={r1(b.x)}
          y={r1(b.y)}
          width={r1(b.w)}
          height={r1(b.h)}
          rx={r1(0.35 * f)}
          fill={isPart ? '#22303f' : mix(c.fill, '#ffffff', 0.07)}
          stroke={b.used && !isPart ? THEME.accent : c.stroke}
          strokeWidth={b.used && !isPart ? 2.5 : 1.5}
          strokeDasharray={isPart ? `${r1(0.3 * f)} ${r1(0.2 * f)}` : undefined}
        />
        {b.lines.map((line, i) => (
          <Text key={i} x={b.x + b.w / 2} y={y0 + i * lineH} size={f} weight={isPart ? 600 : 700}>
            {line}
          </Text>
        ))}
      </g>
    </g>
  );
}

function WireBox({ box: b, f }: { box: DiagramBox; f: number }) {
  return (
    <g {...boxAttrs(b)}>
      <title>{b.label}</title>
      <rect x={r1(b.x)} y={r1(b.y)} width={r1(b.w)} height={r1(b.h)} fill="none" />
      {!b.used && (
        <line
          x1={r1(b.x)}
          x2={r1(b.x + b.w)}
          y1={r1(b.y + b.h / 2)}
          y2={r1(b.y + b.h / 2)}
          stroke={THEME.line}
          strokeWidth={r1(0.2 * f)}
        />
      )}
    </g>
  );
}

function SwitchBox({ box: b, f, small }: { box: DiagramBox; f: number; small: number }) {
  const c = DOMAIN_COLOURS.net;
  return (
    <g {...boxAttrs(b)}>
      <rect
        x={r1(b.x)}
        y={r1(b.y)}
        width={r1(b.w)}
        height={r1(b.h)}
        rx={r1(0.4 * f)}
        fill={c.fill}
        stroke={b.used ? THEME.accent : c.stroke}
        strokeWidth={2.5}
      />
      <Text x={b.x + b.w / 2} y={b.y + b.h / 2} size={f}>
        {b.lines[0]}
      </Text>
      {b.lines[1] && (
        <Text x={b.x + b.w / 2} y={b.y + b.h + 0.75 * small} size={small} fill={THEME.dim} weight={600}>
          {b.lines[1]}
        </Text>
      )}
    </g>
  );
}

function Connector({ con, f }: { con: DiagramConnector; f: number }) {
  const data = con.kind === 'data';
  const colour = data ? THEME.data : THEME.accent;
  const w = r1((con.kind === 'wire' ? 0.3 : 0.22) * f);
  const dash = con.dashed ? `${r1(0.55 * f)} ${r1(0.35 * f)}` : undefined;
  return (
    <g data-connector={con.id} data-arrow={con.arrow ?? undefined} data-kind={con.kind}>
      <path
        d={con.path}
        fill="none"
        stroke={THEME.bg}
        strokeWidth={r1(0.22 * f + 4)}
        strokeLinecap="round"
        strokeLinejoin="round"
        opacity={0.85}
      />
      <path
        d={con.path}
        fill="none"
        stroke={colour}
        strokeWidth={w}
        strokeLinecap={con.dashed ? 'butt' : 'round'}
        strokeLinejoin="round"
        strokeDasharray={dash}
        markerEnd={con.arrowEnd ? `url(#${data ? 'arrow-data' : 'arrow-path'})` : undefined}
        markerStart={con.arrowStart ? `url(#${data ? 'arrow-data' : 'arrow-path'})` : undefined}
      />
    </g>
  );
}

function ArrowPill({ con, small }: { con: DiagramConnector; small: number }) {
  const l = con.label!;
  const colour = con.arrow === 'd1' ? THEME.data : THEME.accent;
  const lineH = small * 1.2;
  const y0 = l.rect.y + l.rect.h / 2 - ((l.lines.length - 1) * lineH) / 2;
  return (
    <g data-arrow-label={con.arrow ?? undefined}>
      <title>{l.text}</title>
      <rect
        x={r1(l.rect.x)}
        y={r1(l.rect.y)}
        width={r1(l.rect.w)}
        height={r1(l.rect.h)}
        rx={r1(Math.min(l.rect.h / 2, small))}
        fill={THEME.bg}
        stroke={colour}
        strokeWidth={2}
      />
      {l.lines.map((line, i) => (
        <Text key={i} x={l.rect.x + l.rect.w / 2} y={y0 + i * lineH} size={small} fill={colour}>
          {line}
        </Text>
      ))}
    </g>
  );
}

type LegendItem = { key: string; w: number; priority: number; draw: (x: number, y: number) => ReactNode };

function Legend({ layout: L }: { layout: DiagramLayout }) {
  const f = L.fontPx;
  const s = L.smallFontPx;
  const rect = L.legend;
  const cy = rect.y + rect.h / 2;
  const r = Math.max(5, Math.min(9, s * 0.42));
  const route = modeRoute(L.mode);
  const hasControl = route.arrows.some((a) => a.name !== 'd1');
  const hasData = route.arrows.some((a) => a.name === 'd1');
  const label = (x: number, text: string) => (
    <Text x={x} y={cy} size={s} fill={THEME.dim} weight={600} anchor="start">
      {text}
    </Text>
  );
  const tokenItem = (
    kind: 'message' | 'packet' | 'notification' | 'completion',
    text: string,
    priority: number,
  ): LegendItem => ({
    key: kind,
    w: 2.4 * r + 0.3 * s + textWidth(text, s),
    priority,
    draw: (x) => (
      <g key={kind}>
        <LegendShape kind={kind} x={x + r + 1} y={cy} r={r} />
        {label(x + 2.4 * r + 0.3 * s, text)}
      </g>
    ),
  });
  const lineItem = (
    key: string,
    text: string,
    colour: string,
    dashed: boolean,
    priority: number,
  ): LegendItem => ({
    key,
    w: 2.2 * f + 0.3 * s + textWidth(text, s),
    priority,
    draw: (x) => (
      <g key={key}>
        <line
          x1={r1(x)}
          x2={r1(x + 2.2 * f)}
          y1={r1(cy)}
          y2={r1(cy)}
          stroke={colour}
          strokeWidth={r1(0.22 * f)}
          strokeDasharray={dashed ? `${r1(0.45 * f)} ${r1(0.3 * f)}` : undefined}
        />
        {label(x + 2.2 * f + 0.3 * s, text)}
      </g>
    ),
  });
  const items: LegendItem[] = [
    lineItem('path', 'path of this mode', THEME.accent, false, 0),
    ...(hasControl ? [lineItem('control', 'b₁ c₁ request (poster)', THEME.accent, true, 5)] : []),
    ...(hasData ? [lineItem('data', 'd₁ data by DMA', THEME.data, true, 4)] : []),
    tokenItem('message', 'message', 1),
    tokenItem('packet', 'packet', 1),
    tokenItem('notification', 'notification', 2),
    tokenItem('completion', 'completion', 3),
    {
      key: 'faded',
      w: 1.6 * f + 0.3 * s + textWidth('not used', s),
      priority: 6,
      draw: (x) => (
        <g key="faded">
          <rect
            x={r1(x)}
            y={r1(cy - 0.5 * f)}
            width={r1(1.6 * f)}
            height={r1(f)}
            rx={r1(0.25 * f)}
            fill={DOMAIN_COLOURS.vm.fill}
            stroke={DOMAIN_COLOURS.vm.stroke}
            opacity={FADED_OPACITY}
          />
          {label(x + 1.6 * f + 0.3 * s, 'not used')}
        </g>
      ),
    },
  ];
  const gap = 1.5 * s;
  const kept = new Set<string>();
  let total = 0;
  for (const it of [...items].sort((a, b) => a.priority - b.priority)) {
    if (total + it.w + (kept.size ? gap : 0) > rect.w) continue;
    total += it.w + (kept.size ? gap : 0);
    kept.add(it.key);
  }
  let x = rect.x + (rect.w - total) / 2;
  const out: ReactNode[] = [];
  for (const it of items) {
    if (!kept.has(it.key)) continue;
    out.push(it.draw(x, cy));
    x += it.w + gap;
  }
  return <g data-legend="">{out}</g>;
}

/** The token shapes of drawTokens, in SVG, for the legend. */
export function LegendShape({
  kind,
  x,
  y,
  r,
}: {
  kind: 'message' | 'packet' | 'notification' | 'completion';
  x: number;
  y: number;
  r: number;
}) {
  const colour = THEME.data;
  switch (kind) {
    case 'message':
      return <circle cx={r1(x)} cy={r1(y)} r={r1(r)} fill={colour} stroke={THEME.ink} strokeWidth={1.5} />;
    case 'packet':
      return (
        <rect
          x={r1(x - 0.9 * r)}
          y={r1(y - 0.9 * r)}
          width={r1(1.8 * r)}
          height={r1(1.8 * r)}
          fill={colour}
          stroke={THEME.ink}
          strokeWidth={1.5}
        />
      );
    case 'notification': {
      const s = 1.3 * r;
      return (
        <path
          d={`M${r1(x)},${r1(y - s)} L${r1(x + s)},${r1(y)} L${r1(x)},${r1(y + s)} L${r1(x - s)},${r1(y)} Z`}
          fill={colour}
          stroke={THEME.ink}
          strokeWidth={1.5}
        />
      );
    }
    case 'completion':
      return (
        <circle
          cx={r1(x)}
          cy={r1(y)}
          r={r1(r)}
          fill={THEME.bg}
          stroke={colour}
          strokeWidth={r1(Math.max(2.5, r * 0.5))}
        />
      );
  }
}

/** Live readouts: gauges on the domains' borders, lamps and bars in the stations. */
function LiveLayer({ layout: L, live }: { layout: DiagramLayout; live?: LiveState }) {
  if (!live) return null;
  const s = L.smallFontPx;
  const out: ReactNode[] = [];
  for (const b of L.boxes) {
    if (b.host === null) continue;
    const opacity = b.used ? 1 : FADED_OPACITY;
    if (b.kind === 'domain' && b.place && b.meters) {
      const c = colourOf(b.place);
      for (const m of b.meters) {
        const gauges =
          m.kind === 'cpu'
            ? cpuGauges(live, b.host, b.place)
            : m.kind === 'rings'
              ? ringGauges(live, b.host, b.place)
              : [...cpuGauges(live, b.host, b.place), ...ringGauges(live, b.host, b.place)];
        out.push(
          <GaugeRow
            key={`${b.id}-${m.kind}-${m.rect.y}`}
            rect={m.rect}
            gauges={gauges}
            small={s}
            stroke={c.stroke}
            opacity={opacity}
            align={m.align}
          />,
        );
      }
    }
    if (!b.readout) continue;
    const ro = b.readout;
    const cy = ro.y + ro.h / 2;
    const lamp = Math.max(4, s * 0.32);
    if (b.station === 'evtchn') {
      const ev = pendingEvents(live, b.host);
      if (!ev.known) continue;
      out.push(
        <g key={`${b.id}-ro`} opacity={opacity} data-readout="evtchn" data-host={b.host}>
          <LampText
            cx={b.x + b.w / 2}
            cy={cy}
            lamp={lamp}
            on={ev.count > 0}
            colour={THEME.accent}
            text={`${ev.count} pending`}
            size={s}
          />
        </g>,
      );
    } else if (b.station === 'iotlb') {
      const st = iotlbState(live, b.host);
      if (!st) continue;
      out.push(
        <g key={`${b.id}-ro`} opacity={opacity} data-readout="iotlb" data-host={b.host}>
          <LampText
            cx={b.x + b.w / 2}
            cy={cy}
            lamp={lamp}
            on={st === 'hit'}
            colour={st === 'hit' ? THEME.data : THEME.warn}
            text={st === 'hit' ? 'hit' : 'miss: map'}
            size={s}
          />
        </g>,
      );
    } else if (b.station === 'dma') {
      const d = dmaState(live, b.host);
      if (!d.known) continue;
      const half = b.w / 4;
      out.push(
        <g key={`${b.id}-ro`} opacity={opacity} data-readout="dma" data-host={b.host}>
          <LampText
            cx={b.x + half}
            cy={cy}
            lamp={lamp}
            on={d.tx}
            colour={THEME.accent}
            text="TX"
            size={s}
            square
          />
          <LampText
            cx={b.x + 3 * half}
            cy={cy}
            lamp={lamp}
            on={d.rx}
            colour={THEME.accent}
            text="RX"
            size={s}
            square
          />
        </g>,
      );
    } else if (b.part === 'rings' || b.part === 'vf') {
      const g = ringGauges(live, b.host, 'nic');
      if (g.length === 0) continue;
      out.push(
        <GaugeRow
          key={`${b.id}-ro`}
          rect={ro}
          gauges={g.map((x) => ({ ...x, name: x.name.replace(' ring', '') }))}
          small={s}
          stroke={DOMAIN_COLOURS.nic.stroke}
          opacity={opacity}
          align="middle"
          plain
        />,
      );
    }
  }
  return (
    <g data-live="" style={{ pointerEvents: 'none' }}>
      {out}
    </g>
  );
}

function LampText({
  cx,
  cy,
  lamp,
  on,
  colour,
  text,
  size,
  square,
}: {
  cx: number;
  cy: number;
  lamp: number;
  on: boolean;
  colour: string;
  text: string;
  size: number;
  square?: boolean;
}) {
  const tw = textWidth(text, size);
  const total = 2 * lamp + 0.3 * size + tw;
  const x0 = cx - total / 2;
  return (
    <g data-on={on ? 'true' : 'false'}>
      {square ? (
        <rect
          x={r1(x0)}
          y={r1(cy - lamp)}
          width={r1(2 * lamp)}
          height={r1(2 * lamp)}
          fill={on ? colour : 'none'}
          stroke={on ? colour : THEME.dim}
          strokeWidth={1.5}
        />
      ) : (
        <circle
          cx={r1(x0 + lamp)}
          cy={r1(cy)}
          r={r1(lamp)}
          fill={on ? colour : 'none'}
          stroke={on ? colour : THEME.dim}
          strokeWidth={1.5}
        />
      )}
      <Text x={x0 + 2 * lamp + 0.3 * size} y={cy} size={size} fill={THEME.ink} weight={600} anchor="start">
        {text}
      </Text>
    </g>
  );
}

/**
 * Gauges in a row: each a pill with "name value" and a fill bar along its bottom. What does not fit is
 * counted ("+2") rather than squeezed.
 */
function GaugeRow({
  rect,
  gauges,
  small,
  stroke,
  opacity,
  align,
  plain,
}: {
  rect: Rect;
  gauges: Gauge[];
  small: number;
  stroke: string;
  opacity: number;
  align: 'left' | 'right' | 'middle';
  plain?: boolean;
}) {
  if (gauges.length === 0 || rect.w <= 0) return null;
  const pad = (plain ? 0.3 : 0.45) * small;
  const gap = (plain ? 0.25 : 0.35) * small;
  // Long names first; if they do not all fit, short ones ("TX 37/256").
  let names = gauges.map((g) => `${g.name} ${g.value}`);
  let widths = names.map((t) => textWidth(t, small) + 2 * pad);
  const fullWidth = widths.reduce((a, w) => a + w, 0) + (gauges.length - 1) * gap;
  if (fullWidth > rect.w) {
    names = gauges.map((g) => `${g.name.replace(' ring', '')} ${g.value}`);
    widths = names.map((t) => textWidth(t, small) + 2 * pad);
  }
  let n = gauges.length;
  const more = (k: number) => (k < gauges.length ? textWidth(`+${gauges.length - k}`, small) + gap : 0);
  const total = (k: number) =>
    widths.slice(0, k).reduce((a, w) => a + w, 0) + Math.max(0, k - 1) * gap + more(k);
  while (n > 0 && total(n) > rect.w) n--;
  const used = total(n);
  let x =
    align === 'right' ? rect.x + rect.w - used : align === 'left' ? rect.x : rect.x + (rect.w - used) / 2;
  const h = rect.h;
  const nodes: ReactNode[] = [];
  for (let i = 0; i < n; i++) {
    const g = gauges[i];
    const w = widths[i];
    const barH = Math.max(3, h * 0.16);
    nodes.push(
      <g key={g.key} data-gauge={g.key}>
        <rect
          x={r1(x)}
          y={r1(rect.y)}
          width={r1(w)}
          height={r1(h)}
          rx={r1(plain ? 3 : h / 2)}
          fill={THEME.bg}
          stroke={stroke}
          strokeWidth={1.5}
        />
        <Text x={x + w / 2} y={rect.y + h / 2 - barH * 0.45} size={small} weight={600}>
          {names[i]}
        </Text>
        {g.fraction !== null && (
          <>
            <rect
              x={r1(x + pad)}
              y={r1(rect.y + h - barH - 2)}
              width={r1(w - 2 * pad)}
              height={r1(barH)}
              fill={THEME.line}
              rx={1}
            />
            <rect
              x={r1(x + pad)}
              y={r1(rect.y + h - barH - 2)}
              width={r1((w - 2 * pad) * g.fraction)}
              height={r1(barH)}
              fill={THEME.accent}
              rx={1}
            />
          </>
        )}
      </g>,
    );
    x += w + gap;
  }
  if (n < gauges.length) {
    nodes.push(
      <Text key="more" x={x} y={rect.y + h / 2} size={small} fill={THEME.dim} anchor="start" weight={600}>
        {`+${gauges.length - n}`}
      </Text>,
    );
  }
  return <g opacity={opacity}>{nodes}</g>;
}

/** Mixes two #rrggbb colours. */
function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa
    .map((v, i) =>
      Math.round(v + (pb[i] - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
