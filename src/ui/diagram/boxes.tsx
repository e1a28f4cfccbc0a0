// The diagram's boxes as SVG: host frames, domains and their titles, stations, parts, the wire and the switch.
import type { ReactNode } from 'react';
import { r1, textWidth, type Rect } from './geometry.ts';
import type { Place } from '../../model/routes.ts';
import type { DiagramBox } from './layout/layout.ts';
import { DOMAIN_COLOURS, FADED_OPACITY, THEME, type ColourKey } from './theme.ts';
import { scopedAttrs, useDiagramScope, type DiagramScope } from './scope.ts';

export const colourOf = (place: Place | null): (typeof DOMAIN_COLOURS)[ColourKey] =>
  DOMAIN_COLOURS[(place ?? 'nic') as ColourKey] ?? DOMAIN_COLOURS.nic;

export function Marker({ id, colour }: { id: string; colour: string }) {
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

function boxAttrs(b: DiagramBox, scope: DiagramScope) {
  return scopedAttrs(scope, {
    'data-box': b.id,
    'data-kind': b.kind,
    'data-host': b.host ?? undefined,
    'data-place': b.place ?? undefined,
    'data-station': b.station ?? undefined,
    'data-part': b.part ?? undefined,
    'data-used': b.used ? 'true' : 'false',
  });
}

/** Stations and parts open a card that explains them (src/ui/cards): focusable, named as a button. */
function learnAttrs(b: DiagramBox, scope: DiagramScope) {
  // A's diagram beside B's is a picture to compare: its boxes are no Tab stops (B's open the cards).
  if (scope !== 'main') return {};
  return { tabIndex: 0, role: 'button', 'aria-label': `${b.label}: what it does` };
}

export function Text({
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

export function HostFrame({ box: b, f }: { box: DiagramBox; f: number }) {
  const scope = useDiagramScope();
  const tw = textWidth(b.lines[0], f) + 1.2 * f;
  const title: Rect = {
    x: b.mirrored ? b.x + b.w - 0.8 * f - tw : b.x + 0.8 * f,
    y: b.y - 0.62 * f,
    w: tw,
    h: 1.24 * f,
  };
  return (
    <g {...boxAttrs(b, scope)}>
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

export function DomainBox({ box: b, f }: { box: DiagramBox; f: number }) {
  const scope = useDiagramScope();
  const c = colourOf(b.place);
  if (b.kind === 'placeholder') {
    return (
      <g {...boxAttrs(b, scope)} opacity={0.6}>
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
    <g {...boxAttrs(b, scope)} opacity={b.used ? 1 : FADED_OPACITY}>
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
export function DomainTitle({ box: b, f, small }: { box: DiagramBox; f: number; small: number }) {
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
/** `route`: the colour of the mode's path, on the boxes it uses. */
export function LeafBox({ box: b, f, route = THEME.accent }: { box: DiagramBox; f: number; route?: string }) {
  const scope = useDiagramScope();
  const c = colourOf(b.place);
  const isPart = b.kind === 'part';
  const lineH = 1.05 * f;
  const top = b.readout ? b.y + (b.readout.y - b.y) / 2 : b.y + b.h / 2;
  const y0 = top - ((b.lines.length - 1) * lineH) / 2;
  return (
    <g {...boxAttrs(b, scope)} {...learnAttrs(b, scope)}>
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
          stroke={b.used && !isPart ? route : c.stroke}
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

export function WireBox({ box: b, f }: { box: DiagramBox; f: number }) {
  const scope = useDiagramScope();
  return (
    <g {...boxAttrs(b, scope)} {...learnAttrs(b, scope)}>
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

export function SwitchBox({
  box: b,
  f,
  small,
  route = THEME.accent,
}: {
  box: DiagramBox;
  f: number;
  small: number;
  route?: string;
}) {
  const scope = useDiagramScope();
  const c = DOMAIN_COLOURS.net;
  return (
    <g {...boxAttrs(b, scope)}>
      <rect
        x={r1(b.x)}
        y={r1(b.y)}
        width={r1(b.w)}
        height={r1(b.h)}
        rx={r1(0.4 * f)}
        fill={c.fill}
        stroke={b.used ? route : c.stroke}
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
