/**
 * The running simulation over simulated time: throughput, CPU utilization and the like, updated a
 * few times a second. Series are columnar arrays (typed arrays welcome); a series may be read on a
 * right-hand axis with its own unit. Each line ends in its marker, so the newest value is easy to find.
 */
import { memo, useMemo } from 'react';
import type { TimeSeriesData, TimeSeriesGeometry } from './timeSeriesGeometry.ts';
import { timeColumns, timeSeriesGeometry, timeTooltip } from './timeSeriesGeometry.ts';
import { AxisVertical, GridLines } from './Axis.tsx';
import { ChartAxes, ChartHeader } from './ChartChrome.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { Swatch } from './Legend.tsx';
import { SymbolMark } from './Marks.tsx';
import { Tooltip } from './Tooltip.tsx';
import { useColumnHover } from './hover.ts';
import { ACCENT, SIZES } from './theme.ts';

export type TimeSeriesChartProps = TimeSeriesData & {
  /** Width in px; omit to fill the container. */
  width?: number;
  /** Height in px; omit to fill the container (which then needs a height). */
  height?: number;
  /** `data-testid` of the `<svg>`; defaults to "time-series-chart". */
  testId?: string;
};

/**
 * Pass new arrays (or new typed-array views) when data change: the geometry is memoised on the
 * series array's identity.
 *
 * @example
 * <TimeSeriesChart title="Live run" yLabel="throughput (MiB/s)" yRightLabel="CPU utilization (%)"
 *   yRightDomain={[0, 100]} width={640} height={300}
 *   series={[{ key: 'tput', label: 'throughput', tNs, values: mibps },
 *            { key: 'cpu', label: 'Dom0 CPU', tNs, values: cpuPct, axis: 'right' }]} />
 */
export const TimeSeriesChart = memo(function TimeSeriesChart({
  width,
  height,
  ...rest
}: TimeSeriesChartProps) {
  return (
    <ChartFrame width={width} height={height} kind="time-series">
      {(size) => <TimeSeriesSvg {...rest} width={size.width} height={size.height} />}
    </ChartFrame>
  );
});

function TimeSeriesSvg(
  props: Omit<TimeSeriesChartProps, 'width' | 'height'> & { width: number; height: number },
) {
  const { width, height, testId = 'time-series-chart', title } = props;
  const { xLabel, yLabel, yRightLabel, series, xDomainNs, yDomain, yRightDomain, textScale } = props;
  const g = useMemo(
    () =>
      timeSeriesGeometry(
        { title, xLabel, yLabel, yRightLabel, series, xDomainNs, yDomain, yRightDomain, textScale },
        width,
        height,
      ),
    [title, xLabel, yLabel, yRightLabel, series, xDomainNs, yDomain, yRightDomain, textScale, width, height],
  );
  const columns = useMemo(() => Array.from(timeColumns(g)), [g]);
  const { hover, handlers } = useColumnHover(columns, g.plot);
  const staticLayer = useMemo(() => <TimeLayers g={g} title={title} />, [g, title]);
  const content = hover ? timeTooltip(g, hover.index) : null;
  const x = hover ? columns[hover.index] : undefined;

  return (
    <svg
      width={g.width}
      height={g.height}
      role="img"
      aria-label={title ?? g.yLabel}
      data-testid={testId}
      data-time-unit={g.timeUnit.unit}
      data-x-domain-ns={g.xDomainNs.join(',')}
      tabIndex={0}
      style={{ display: 'block', touchAction: 'pan-y' }}
      {...handlers}
    >
      {title && <title>{title}</title>}
      {staticLayer}
      {x !== undefined && content && (
        <g data-testid="hover">
          <line
            x1={x}
            x2={x}
            y1={g.plot.top}
            y2={g.plot.top + g.plot.height}
            strokeWidth={SIZES.axisStroke}
            style={{ stroke: ACCENT }}
          />
          <Tooltip
            {...content}
            x={x}
            y={g.plot.top + g.plot.height / 3}
            bounds={{ left: 0, top: 0, width: g.width, height: g.height }}
            fontSize={g.fonts.tooltip}
          />
        </g>
      )}
    </svg>
  );
}

function TimeLayers({ g, title }: { g: TimeSeriesGeometry; title?: string }) {
  const swatches = new Map<string, Swatch>(g.series.map((s) => [s.key, { kind: 'line', style: s.style }]));
  return (
    <>
      <ChartHeader g={g} title={title} swatchOf={(k) => swatches.get(k)} />
      <GridLines ticks={g.yTicks} plot={g.plot} orientation="h" />
      <ChartAxes g={g} />
      {g.yRightTicks && g.yRightLabel !== null && (
        <AxisVertical
          side="right"
          ticks={g.yRightTicks}
          plot={g.plot}
          label={g.yRightLabel}
          labelX={g.yRightLabelX}
          tickFontSize={g.fonts.tick}
          labelFontSize={g.fonts.axisLabel}
        />
      )}
      <g data-testid="series">
        {g.series.map((s) => {
          const last = s.xs.length - 1;
          return (
            <g key={s.key} data-series={s.key} data-axis={s.axis} data-points={s.xs.length}>
              {s.path && (
                <path
                  d={s.path}
                  fill="none"
                  stroke={s.style.color}
                  strokeWidth={SIZES.seriesStroke}
                  strokeDasharray={s.style.dash || undefined}
                  strokeLinejoin="round"
                />
              )}
              {last >= 0 && (
                <SymbolMark
                  shape={s.style.marker}
                  x={s.xs[last]}
                  y={s.ys[last]}
                  color={s.style.color}
                  area={SIZES.markerArea * 1.4}
                />
              )}
            </g>
          );
        })}
      </g>
    </>
  );
}
