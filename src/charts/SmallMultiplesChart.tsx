/**
 * Lines over message size in small multiples: a panel per group (e.g. the driver domain and the
 * guest), side by side on one shared y scale, each line in its series' style in every panel, one
 * legend and one y title for all. The current size is a dashed line in every panel.
 */
import { memo, useId, useMemo, useState } from 'react';
import type { PointerEvent } from 'react';
import type { SmallMultiplesData, SmallMultiplesGeometry } from './totalsGeometry.ts';
import { smallMultiplesGeometry, smallMultiplesTooltip } from './totalsGeometry.ts';
import { AxisBottom, AxisVertical, GridLines } from './Axis.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import { StaleNote } from './ChartText.tsx';
import { Legend, type Swatch } from './Legend.tsx';
import { SymbolMark, safeId } from './Marks.tsx';
import { Tooltip } from './Tooltip.tsx';
import { nearestIndex } from './hover.ts';
import { ACCENT, INK, SIZES } from './theme.ts';

export type SmallMultiplesChartProps = SmallMultiplesData & {
  width?: number;
  height?: number;
  /** Old curves stay, dimmed, while a sweep recomputes. */
  stale?: boolean;
  /** `data-testid` of the `<svg>`; defaults to "small-multiples". */
  testId?: string;
};

/**
 * @example
 * <SmallMultiplesChart yLabel="total (µs)" yLog width={640} height={300}
 *   panels={[{ key: 'dom0', title: 'Driver domain (Dom0)', series: [{ key: 'pv-tcp', label: 'VM · TCP', points }] }]} />
 */
export const SmallMultiplesChart = memo(function SmallMultiplesChart({
  width,
  height,
  ...rest
}: SmallMultiplesChartProps) {
  return (
    <ChartFrame width={width} height={height} kind="small-multiples">
      {(size) => <MultiplesSvg {...rest} width={size.width} height={size.height} />}
    </ChartFrame>
  );
});

type Hover = { panel: number; index: number };

function MultiplesSvg(
  props: Omit<SmallMultiplesChartProps, 'width' | 'height'> & { width: number; height: number },
) {
  const { width, height, stale = false, testId = 'small-multiples' } = props;
  const { title, xLabel, yLabel, panels, yLog, markerX, textScale } = props;
  const g = useMemo(
    () => smallMultiplesGeometry({ title, xLabel, yLabel, panels, yLog, markerX, textScale }, width, height),
    [title, xLabel, yLabel, panels, yLog, markerX, textScale, width, height],
  );
  const idPrefix = safeId(useId());
  const [hover, setHover] = useState<Hover | null>(null);
  const staticLayer = useMemo(() => <Layers g={g} stale={stale} idPrefix={idPrefix} />, [g, stale, idPrefix]);

  const onPointer = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const panel = g.panels.findIndex(
      (p) =>
        x >= p.plot.left - 8 &&
        x <= p.plot.left + p.plot.width + 8 &&
        y >= p.plot.top - 8 &&
        y <= p.plot.top + p.plot.height + 8,
    );
    const index =
      panel < 0
        ? -1
        : nearestIndex(
            g.panels[panel].columns.map((c) => c.px),
            x,
          );
    const next = index < 0 ? null : { panel, index };
    setHover((prev) => (prev?.panel === next?.panel && prev?.index === next?.index ? prev : next));
  };
  const panel = hover ? g.panels[hover.panel] : undefined;
  const column = hover && panel ? panel.columns[hover.index] : undefined;
  const content = hover ? smallMultiplesTooltip(g, hover.panel, hover.index) : null;

  return (
    <svg
      width={g.width}
      height={g.height}
      role="img"
      aria-label={title ?? yLabel}
      data-testid={testId}
      data-stale={stale}
      data-y-scale={yLog ? 'log' : 'linear'}
      data-y-max={g.yDomain[1]}
      style={{ display: 'block', touchAction: 'pan-y' }}
      onPointerMove={onPointer}
      onPointerDown={onPointer}
      onPointerLeave={() => setHover(null)}
    >
      {title && <title>{title}</title>}
      {staticLayer}
      {panel && column && content && (
        <g data-testid="hover">
          <line
            x1={column.px}
            x2={column.px}
            y1={panel.plot.top}
            y2={panel.plot.top + panel.plot.height}
            strokeWidth={SIZES.axisStroke}
            style={{ stroke: ACCENT }}
          />
          <Tooltip
            {...content}
            x={column.px}
            y={panel.plot.top + panel.plot.height / 3}
            bounds={{ left: 0, top: 0, width: g.width, height: g.height }}
            fontSize={g.fonts.tooltip}
          />
        </g>
      )}
    </svg>
  );
}

function Layers({ g, stale, idPrefix }: { g: SmallMultiplesGeometry; stale: boolean; idPrefix: string }) {
  const { fonts } = g;
  const swatches = new Map<string, Swatch>([...g.styles].map(([k, style]) => [k, { kind: 'line', style }]));
  const first = g.panels[0];
  return (
    <>
      {g.titleLines.map((line, i) => (
        <text
          key={i}
          x={8}
          y={g.titleY + i * fonts.title * 1.2}
          fontSize={fonts.title}
          fontWeight={700}
          data-testid="chart-title"
          style={{ fill: INK }}
        >
          {line}
        </text>
      ))}
      <Legend
        layout={g.legend}
        x={8}
        y={g.legendY}
        fontSize={fonts.legend}
        swatchOf={(k) => swatches.get(k)}
      />
      {g.panels.map((p, i) => (
        <g key={p.key} data-testid="multiples-panel" data-panel={p.key}>
          <defs>
            <clipPath id={`${idPrefix}-${i}`}>
              <rect
                x={p.plot.left - 8}
                y={p.plot.top - 8}
                width={p.plot.width + 16}
                height={p.plot.height + 16}
              />
            </clipPath>
          </defs>
          <text
            x={i === 0 || p.plot.left < first.plot.left + 1 ? 8 : p.plot.left}
            y={p.plot.top - 10 - fonts.tick * 0.4}
            fontSize={fonts.axisLabel}
            fontWeight={700}
            data-testid="panel-title"
            style={{ fill: INK }}
          >
            {p.title}
            {p.title !== p.fullTitle && <title>{p.fullTitle}</title>}
          </text>
          <GridLines ticks={p.gridTicks} plot={p.plot} orientation="h" />
          <AxisBottom
            ticks={p.xTicks}
            plot={p.plot}
            label=""
            tickFontSize={fonts.tick}
            labelFontSize={fonts.axisLabel}
          />
          <AxisVertical
            side="left"
            ticks={p.yTicks}
            plot={p.plot}
            label=""
            labelX={0}
            tickFontSize={fonts.tick}
            labelFontSize={fonts.axisLabel}
          />
          {p.markerPx !== null && (
            <line
              data-testid="marker-x"
              x1={p.markerPx}
              x2={p.markerPx}
              y1={p.plot.top}
              y2={p.plot.top + p.plot.height}
              strokeWidth={SIZES.axisStroke}
              strokeDasharray="8 5"
              style={{ stroke: INK }}
            />
          )}
          <g
            clipPath={`url(#${idPrefix}-${i})`}
            opacity={stale ? SIZES.staleOpacity : 1}
            data-testid="series"
          >
            {p.series.map((s) => (
              <g key={s.key} data-series={s.key} data-points={s.points.length}>
                {s.path && (
                  <path
                    d={s.path}
                    fill="none"
                    stroke={s.style.color}
                    strokeWidth={SIZES.seriesStroke}
                    strokeDasharray={s.style.dash || undefined}
                    strokeLinejoin="round"
                    strokeLinecap="round"
                  />
                )}
                {s.points.map((q) => (
                  <SymbolMark key={q.x} shape={s.style.marker} x={q.px} y={q.py} color={s.style.color} />
                ))}
              </g>
            ))}
          </g>
        </g>
      ))}
      {first && (
        <text
          transform={`translate(${8 + fonts.axisLabel * 0.6},${first.plot.top + first.plot.height / 2}) rotate(-90)`}
          textAnchor="middle"
          dy="0.35em"
          fontSize={fonts.axisLabel}
          data-testid="y-label"
          style={{ fill: INK }}
        >
          {g.yLabel}
        </text>
      )}
      {g.xLabel && (
        <text
          x={g.width / 2}
          y={g.xLabelY}
          textAnchor="middle"
          fontSize={fonts.axisLabel}
          data-testid="x-label"
          style={{ fill: INK }}
        >
          {g.xLabel}
        </text>
      )}
      {stale && <StaleNote x={g.width - 8} y={g.titleY} fontSize={fonts.tick} />}
    </>
  );
}
