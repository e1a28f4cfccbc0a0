/**
 * Horizontal stacked bars at one message size: a bar per domain × I/O path, on one linear scale,
 * stacked by what the CPU time was spent on, each bar's total printed at its end so that the
 * smallest bar still reads as a number. Categories differ in colour and hatch (grayscale-safe);
 * hover (or Up/Down) names the category, its value and its share.
 */
import { memo, useId, useMemo } from 'react';
import type { HBarData, HBarGeometry } from './hBarGeometry.ts';
import { hBarGeometry, hBarTooltip } from './hBarGeometry.ts';
import { AxisBottom, GridLines } from './Axis.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import { StaleNote } from './ChartText.tsx';
import { Legend } from './Legend.tsx';
import { HatchDefs, SymbolMark, fillFor, safeId } from './Marks.tsx';
import { Tooltip } from './Tooltip.tsx';
import { useRowHover } from './hover.ts';
import { ACCENT, INK, INK_DIM, PANEL, SIZES } from './theme.ts';

export type HorizontalBarChartProps = HBarData & {
  /** Width in px; omit to fill the container. */
  width?: number;
  /** Height in px; omit to fill the container (which then needs a height). */
  height?: number;
  /** Old bars stay, dimmed, while a sweep recomputes. */
  stale?: boolean;
  /** `data-testid` of the `<svg>`; defaults to "hbar-chart". */
  testId?: string;
};

/**
 * @example
 * <HorizontalBarChart title="CPU per write at 64 B" xLabel="CPU time per message (µs)" width={640} height={300}
 *   rows={[{ key: 'dom0:pv-tcp', group: 'Driver domain (Dom0)', label: 'VM · TCP',
 *            parts: [{ key: 'netback', label: 'netback', value: 4.2 }] }]} />
 */
export const HorizontalBarChart = memo(function HorizontalBarChart({
  width,
  height,
  ...rest
}: HorizontalBarChartProps) {
  return (
    <ChartFrame width={width} height={height} kind="hbar">
      {(size) => <HBarSvg {...rest} width={size.width} height={size.height} />}
    </ChartFrame>
  );
});

function HBarSvg(
  props: Omit<HorizontalBarChartProps, 'width' | 'height'> & { width: number; height: number },
) {
  const { width, height, stale = false, testId = 'hbar-chart' } = props;
  const { title, xLabel, rows, categoryOrder, styles, formatX, textScale } = props;
  const g = useMemo(
    () => hBarGeometry({ title, xLabel, rows, categoryOrder, styles, formatX, textScale }, width, height),
    [title, xLabel, rows, categoryOrder, styles, formatX, textScale, width, height],
  );
  const idPrefix = safeId(useId());
  const centres = useMemo(() => g.rows.map((r) => r.cy), [g]);
  const { hover, handlers } = useRowHover(centres, g.plot);
  const staticLayer = useMemo(
    () => <HBarLayers g={g} stale={stale} idPrefix={idPrefix} />,
    [g, stale, idPrefix],
  );
  const row = hover ? g.rows[hover.index] : undefined;
  const content = hover ? hBarTooltip(g, hover.index, hover.x) : null;
  return (
    <svg
      width={g.width}
      height={g.height}
      role="img"
      aria-label={title ?? xLabel}
      data-testid={testId}
      data-stale={stale}
      data-x-max={g.xDomain[1]}
      tabIndex={0}
      style={{ display: 'block', touchAction: 'pan-y' }}
      {...handlers}
    >
      {title && <title>{title}</title>}
      {staticLayer}
      {row && content && (
        <g data-testid="hover">
          <rect
            x={g.plot.left - 3}
            y={row.y - 3}
            width={Math.max(6, row.end - g.plot.left + 6)}
            height={row.height + 6}
            fill="none"
            strokeWidth={SIZES.axisStroke}
            style={{ stroke: ACCENT }}
          />
          <Tooltip
            {...content}
            x={hover?.x ?? row.end}
            y={row.cy}
            bounds={{ left: 0, top: 0, width: g.width, height: g.height }}
            fontSize={g.fonts.tooltip}
            idPrefix={idPrefix}
            avoid={{ top: row.y - 3, bottom: row.y + row.height + 3 }}
          />
        </g>
      )}
    </svg>
  );
}

function HBarLayers({ g, stale, idPrefix }: { g: HBarGeometry; stale: boolean; idPrefix: string }) {
  const { fonts } = g;
  return (
    <>
      <defs>
        <HatchDefs styles={[...g.styles.values()]} idPrefix={idPrefix} />
      </defs>
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
        idPrefix={idPrefix}
        swatchOf={(k) => {
          const style = g.styles.get(k);
          return style && { kind: 'fill', style };
        }}
      />
      <GridLines ticks={g.xTicks} plot={g.plot} orientation="v" />
      {g.groups.map((group) => (
        <text
          key={group.key}
          x={8}
          y={group.y}
          fontSize={fonts.axisLabel}
          fontWeight={700}
          data-testid="bar-group"
          style={{ fill: INK }}
        >
          {group.text}
        </text>
      ))}
      <g data-testid="bar-labels">
        {g.rows.map((r) => (
          <g key={r.key}>
            {r.swatch && (
              <>
                <line
                  x1={12}
                  x2={12 + fonts.tick * 1.8}
                  y1={r.cy}
                  y2={r.cy}
                  stroke={r.swatch.color}
                  strokeWidth={SIZES.seriesStroke}
                  strokeDasharray={r.swatch.dash || undefined}
                />
                <SymbolMark
                  shape={r.swatch.marker}
                  x={12 + fonts.tick * 0.9}
                  y={r.cy}
                  color={r.swatch.color}
                />
              </>
            )}
            <text
              x={g.plot.left - 10}
              y={r.cy}
              dy="0.35em"
              textAnchor="end"
              fontSize={fonts.tick}
              style={{ fill: INK }}
            >
              {r.label}
            </text>
          </g>
        ))}
      </g>
      <g opacity={stale ? SIZES.staleOpacity : 1} data-testid="bars">
        {g.parts.map((p) => (
          <rect
            key={p.key}
            x={p.x}
            y={p.y}
            width={p.width}
            height={p.height}
            fill={fillFor(p.style, idPrefix)}
            strokeWidth={p.width > 3 ? 1.5 : 0}
            style={{ stroke: PANEL }}
            data-row={p.row}
            data-category={p.category}
            data-value={p.value}
          />
        ))}
        {g.rows.map((r) => (
          <text
            key={r.key}
            x={r.end + 6}
            y={r.cy}
            dy="0.35em"
            fontSize={fonts.tick}
            fontWeight={700}
            data-total={r.total}
            data-row={r.key}
            data-bar-end={r.end}
            data-bar-start={g.plot.left}
            style={{ fill: INK_DIM }}
          >
            {r.totalLabel}
          </text>
        ))}
      </g>
      <AxisBottom
        ticks={g.xTicks}
        plot={g.plot}
        label={g.xLabel}
        tickFontSize={fonts.tick}
        labelFontSize={fonts.axisLabel}
        // The bars' plot is narrow beside the row labels: the title may use the chart's width around it.
        labelMaxWidth={
          2 * Math.min(g.plot.left + g.plot.width / 2 - 8, g.width - 8 - (g.plot.left + g.plot.width / 2))
        }
      />
      {stale && <StaleNote x={g.width - 8} y={g.titleY} fontSize={fonts.tick} />}
    </>
  );
}
