/**
 * The poster's CPU-breakdown figure: one bar per message size, stacked by what the CPU time was
 * spent on, in µs per message. Categories differ in colour and in hatch, so the stack reads in
 * grayscale; hover names the category, size and value.
 */
import { memo, useId, useMemo } from 'react';
import type { StackedBarData, StackedBarGeometry } from './stackedBarGeometry.ts';
import { barTooltip, stackedBarGeometry, totalLabel } from './stackedBarGeometry.ts';
import { GridLines } from './Axis.tsx';
import { ChartAxes, ChartHeader } from './ChartChrome.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import { StaleNote } from './ChartText.tsx';
import { HatchDefs, MarkerLine, fillFor, safeId } from './Marks.tsx';
import { Tooltip } from './Tooltip.tsx';
import { useColumnHover } from './hover.ts';
import { ACCENT, INK_DIM, PANEL, SIZES } from './theme.ts';

export type StackedBarChartProps = StackedBarData & {
  /** Width in px; omit to fill the container. */
  width?: number;
  /** Height in px; omit to fill the container (which then needs a height). */
  height?: number;
  /** Old bars stay, dimmed, while a sweep recomputes. */
  stale?: boolean;
  /** `data-testid` of the `<svg>`; defaults to "stacked-bar-chart". */
  testId?: string;
};

/**
 * @example
 * <StackedBarChart title="Guest VM: pv-tcp" sizes={[64, 1024, 65536]} width={480} height={320}
 *   stacks={[{ key: 'tcpip', label: 'socket + TCP/IP', values: [9, 11, 60] }]} yMax={250} />
 */
export const StackedBarChart = memo(function StackedBarChart({
  width,
  height,
  ...rest
}: StackedBarChartProps) {
  return (
    <ChartFrame width={width} height={height} kind="stacked-bar">
      {(size) => <StackedBarSvg {...rest} width={size.width} height={size.height} />}
    </ChartFrame>
  );
});

function StackedBarSvg(
  props: Omit<StackedBarChartProps, 'width' | 'height'> & { width: number; height: number },
) {
  const { width, height, stale = false, testId = 'stacked-bar-chart', title } = props;
  const { xLabel, yLabel, sizes, stacks, markerX, yMax, styles, showLegend, formatY, textScale } = props;
  const g = useMemo(
    () =>
      stackedBarGeometry(
        {
          title,
          xLabel,
          yLabel,
          sizes,
          stacks,
          markerX,
          yMax,
          styles,
          showLegend,
          formatY,
          textScale,
        },
        width,
        height,
      ),
    [
      title,
      xLabel,
      yLabel,
      sizes,
      stacks,
      markerX,
      yMax,
      styles,
      showLegend,
      formatY,
      textScale,
      width,
      height,
    ],
  );
  const idPrefix = safeId(useId());
  const centres = useMemo(() => g.columns.map((c) => c.cx), [g]);
  const { hover, handlers } = useColumnHover(centres, g.plot, true);
  const staticLayer = useMemo(
    () => <BarLayers g={g} stale={stale} title={title} idPrefix={idPrefix} />,
    [g, stale, title, idPrefix],
  );
  const column = hover ? g.columns[hover.index] : undefined;
  const content = hover ? barTooltip(g, hover.index, hover.y) : null;

  return (
    <svg
      width={g.width}
      height={g.height}
      role="img"
      aria-label={title ?? g.yLabel}
      data-testid={testId}
      data-stale={stale}
      data-y-max={g.yDomain[1]}
      tabIndex={0}
      style={{ display: 'block', touchAction: 'pan-y' }}
      {...handlers}
    >
      {title && <title>{title}</title>}
      {staticLayer}
      {column && content && (
        <g data-testid="hover">
          <rect
            x={column.x - 2}
            y={column.totalY - 2}
            width={column.width + 4}
            height={g.plot.top + g.plot.height - column.totalY + 2}
            fill="none"
            strokeWidth={SIZES.axisStroke}
            style={{ stroke: ACCENT }}
          />
          <Tooltip
            {...content}
            x={column.cx + column.width / 2}
            y={hover?.y ?? column.totalY}
            bounds={{ left: 0, top: 0, width: g.width, height: g.height }}
            fontSize={g.fonts.tooltip}
            idPrefix={idPrefix}
          />
        </g>
      )}
    </svg>
  );
}

function BarLayers({
  g,
  stale,
  title,
  idPrefix,
}: {
  g: StackedBarGeometry;
  stale: boolean;
  title?: string;
  idPrefix: string;
}) {
  const baseline = g.plot.top + g.plot.height;
  const marked = g.marker ? g.columns[g.marker.index] : undefined;
  return (
    <>
      <defs>
        <HatchDefs styles={[...g.styles.values()]} idPrefix={idPrefix} />
      </defs>
      <ChartHeader
        g={g}
        title={title}
        stale={stale}
        idPrefix={idPrefix}
        swatchOf={(k) => {
          const style = g.styles.get(k);
          return style && { kind: 'fill', style };
        }}
      />
      <GridLines ticks={g.yTicks} plot={g.plot} orientation="h" />
      {marked && g.marker && (
        <g
          data-testid="marker-x"
          data-marker-x={g.marker.x}
          data-marker-index={g.marker.index}
          data-marker-px={marked.cx}
        >
          <rect
            x={marked.x - marked.width * 0.12}
            y={g.plot.top}
            width={marked.width * 1.24}
            height={g.plot.height}
            fill="rgba(244, 247, 251, 0.16)"
          />
          <MarkerLine
            x={marked.cx}
            top={g.plot.top}
            bottom={g.plot.top + g.plot.height}
            label=""
            fontSize={g.fonts.tick}
            minX={g.plot.left}
            maxX={g.width - 4}
            line={false}
          />
        </g>
      )}
      <ChartAxes g={g} />
      <g opacity={stale ? SIZES.staleOpacity : 1} data-testid="bars">
        {g.segments.map((s) => (
          <rect
            key={s.key}
            x={s.x}
            y={s.y}
            width={s.width}
            height={s.height}
            fill={fillFor(s.style, idPrefix)}
            strokeWidth={1.5}
            style={{ stroke: PANEL }}
            data-category={s.category}
            data-size={s.size}
            data-value={s.value}
          />
        ))}
        {g.showTotals &&
          g.columns.map((c, j) =>
            // The marked bar's total would sit on the pointer when the bar reaches the top.
            j === g.marker?.index && c.totalY < g.plot.top + g.fonts.tick ? null : (
              <text
                key={c.size}
                x={c.cx}
                y={Math.min(c.totalY, baseline) - 6}
                textAnchor="middle"
                fontSize={g.fonts.tick}
                data-total={c.total}
                style={{ fill: INK_DIM }}
              >
                {totalLabel(c.total)}
              </text>
            ),
          )}
      </g>
      {stale && <StaleNote x={g.plot.left + g.plot.width} y={g.titleY} fontSize={g.fonts.tick} />}
    </>
  );
}
