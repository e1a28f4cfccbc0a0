// The route, data and wire connectors as SVG, and the pills with the named arrows' labels.
import { r1 } from './geometry.ts';
import type { DiagramConnector } from './layout/layout.ts';
import { Text } from './boxes.tsx';
import { THEME } from './theme.ts';
import { scopedAttrs, scopedName, useDiagramScope } from './scope.ts';

/** `route`: the colour of the mode's path (its descriptor's). */
export function Connector({
  con,
  f,
  route = THEME.accent,
}: {
  con: DiagramConnector;
  f: number;
  route?: string;
}) {
  const scope = useDiagramScope();
  const data = con.kind === 'data';
  const colour = data ? THEME.data : route;
  // The markers of this diagram (A's beside B's has its own ids: each in its own mode's colour).
  const marker = `url(#${scopedName(scope, data ? 'arrow-data' : 'arrow-path')})`;
  const w = r1((con.kind === 'wire' ? 0.3 : 0.22) * f);
  const dash = con.dashed ? `${r1(0.55 * f)} ${r1(0.35 * f)}` : undefined;
  return (
    <g
      {...scopedAttrs(scope, {
        'data-connector': con.id,
        'data-arrow': con.arrow ?? undefined,
        'data-kind': con.kind,
      })}
    >
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
        markerEnd={con.arrowEnd ? marker : undefined}
        markerStart={con.arrowStart ? marker : undefined}
      />
    </g>
  );
}

export function ArrowPill({
  con,
  small,
  route = THEME.accent,
}: {
  con: DiagramConnector;
  small: number;
  route?: string;
}) {
  const scope = useDiagramScope();
  const l = con.label!;
  const colour = con.arrow === 'd1' ? THEME.data : route;
  const lineH = small * 1.2;
  const y0 = l.rect.y + l.rect.h / 2 - ((l.lines.length - 1) * lineH) / 2;
  return (
    <g {...scopedAttrs(scope, { 'data-arrow-label': con.arrow ?? undefined })}>
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
