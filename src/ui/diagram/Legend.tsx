// The legend line along the bottom of the diagram, and the token shapes it shows.
import type { ReactNode } from 'react';
import { r1, textWidth } from './geometry.ts';
import type { DiagramLayout } from './layout/layout.ts';
import { Text } from './boxes.tsx';
import { modeRoute } from './layout/route.ts';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import { DOMAIN_COLOURS, FADED_OPACITY, THEME } from './theme.ts';

type LegendItem = { key: string; w: number; priority: number; draw: (x: number, y: number) => ReactNode };

export function Legend({ layout: L }: { layout: DiagramLayout }) {
  const f = L.fontPx;
  const s = L.smallFontPx;
  const rect = L.legend;
  if (!rect) return null; // a projector's layout gave the legend's room to its labels
  const cy = rect.y + rect.h / 2;
  const r = Math.max(5, Math.min(9, s * 0.42));
  const route = modeRoute(L.mode);
  const routeColour = MODE_DESCRIPTORS[L.mode].style.color;
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
    lineItem('path', 'path of this mode', routeColour, false, 0),
    ...(hasControl ? [lineItem('control', 'b₁ c₁ request (poster)', routeColour, true, 5)] : []),
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
