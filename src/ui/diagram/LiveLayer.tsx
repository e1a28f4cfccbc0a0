// The live layer: gauges on the domains' borders, lamps and bars in the stations.
import { memo, type ReactNode } from 'react';
import { r1, textWidth, type Rect } from './geometry.ts';
import type { DiagramLayout } from './layout/layout.ts';
import { colourOf, Text } from './boxes.tsx';
import {
  cpuGauges,
  dmaState,
  iotlbState,
  pendingEvents,
  ringGauges,
  type Gauge,
  type LiveState,
} from './live.ts';
import { DOMAIN_COLOURS, FADED_OPACITY, THEME } from './theme.ts';
import { scopedAttrs, useDiagramScope } from './scope.ts';

/** Live readouts: gauges on the domains' borders, lamps and bars in the stations. */
export function LiveLayer({ layout: L, live }: { layout: DiagramLayout; live?: LiveState }) {
  const scope = useDiagramScope();
  if (!live) return null;
  const readoutAttrs = (kind: string, host: number) =>
    scopedAttrs(scope, { 'data-readout': kind, 'data-host': host });
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
        <g key={`${b.id}-ro`} opacity={opacity} {...readoutAttrs('evtchn', b.host)}>
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
        <g key={`${b.id}-ro`} opacity={opacity} {...readoutAttrs('iotlb', b.host)}>
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
        <g key={`${b.id}-ro`} opacity={opacity} {...readoutAttrs('dma', b.host)}>
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
    <g {...scopedAttrs(scope, { 'data-live': '' })} style={{ pointerEvents: 'none' }}>
      {out}
    </g>
  );
}

// Memoised, as GaugeRow: a publish (8 a second while playing, one per step) re-renders only what changed.
const LampText = memo(function LampText({
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
});

type GaugeRowProps = {
  rect: Rect;
  gauges: Gauge[];
  small: number;
  stroke: string;
  opacity: number;
  align: 'left' | 'right' | 'middle';
  plain?: boolean;
};

/** The gauges are rebuilt at every publish: equal when they read the same, one by one. */
function sameRow(a: GaugeRowProps, b: GaugeRowProps): boolean {
  if (
    a.rect !== b.rect ||
    a.small !== b.small ||
    a.stroke !== b.stroke ||
    a.opacity !== b.opacity ||
    a.align !== b.align ||
    a.plain !== b.plain ||
    a.gauges.length !== b.gauges.length
  )
    return false;
  return a.gauges.every((g, i) => {
    const h = b.gauges[i];
    return g.key === h.key && g.name === h.name && g.value === h.value && g.fraction === h.fraction;
  });
}

/**
 * Gauges in a row: each a pill with "name value" and a fill bar along its bottom. What does not fit is
 * counted ("+2") rather than squeezed. Memoised: at 16 VMs a host has dozens of rows, few of which
 * change from one publish to the next.
 */
const GaugeRow = memo(function GaugeRow({
  rect,
  gauges,
  small,
  stroke,
  opacity,
  align,
  plain,
}: GaugeRowProps) {
  const scope = useDiagramScope();
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
      <g
        key={g.key}
        {...scopedAttrs(scope, { 'data-gauge': g.key })}
        {...(scope === 'main' && VCPU_GAUGE.test(g.key) ? vcpuAttrs(names[i]) : {})}
      >
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
}, sameRow);

/** vCPU gauges open a card (src/ui/cards) like the boxes do: focusable and named as buttons. */
const VCPU_GAUGE = /\/v?cpu\d+$/;
function vcpuAttrs(name: string) {
  return { tabIndex: 0, role: 'button', 'aria-label': `${name}: what this vCPU is doing` };
}
