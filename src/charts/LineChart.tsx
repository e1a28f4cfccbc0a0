/**
 * A sweep over message sizes: one line per I/O path (x = message size on a log2 axis, y linear or
 * log), with reference lines (the wire rate), reference points (the poster's values), a marker at
 * the current message size, and a hover read-out with exact values and units.
 */
import { memo, useId, useMemo } from 'react';
import type { LineChartData, LineGeometry } from './lineChartGeometry.ts';
import { lineChartGeometry, lineTooltip } from './lineChartGeometry.ts';
import { GridLines } from './Axis.tsx';
import { ChartAxes, ChartHeader } from './ChartChrome.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { Swatch } from './Legend.tsx';
import { MarkerLine, SymbolMark, safeId } from './Marks.tsx';
import { Tooltip } from './Tooltip.tsx';
import { useColumnHover } from './hover.ts';
import { StaleNote } from './ChartText.tsx';
import { ACCENT, INK_DIM, PANEL, SIZES } from './theme.ts';

export type LineChartProps = LineChartData & {
  /** Width in px; omit to fill the container. */
  width?: number;
  /** Height in px; omit to fill the container (which then needs a height). */
  height?: number;
  /** Old curves stay, dimmed, while a sweep recomputes. */
  stale?: boolean;
  /** `data-testid` of the `<svg>`; defaults to "line-chart". */
  testId?: string;
};

/**
 * @example
 * <LineChart title="RDMA write throughput" yLabel="throughput (MiB/s)" width={640} height={360}
 *   series={[{ key: 'pv-tcp', label: 'TCP sockets', points }]} markerX={65536}
 *   referenceLines={[{ y: 1192, label: '10 GbE wire 1192 MiB/s' }]} />
 */
export const LineChart = memo(function LineChart({ width, height, ...rest }: LineChartProps) {
  return (
    <ChartFrame width={width} height={height} kind="line">
      {(size) => <LineChartSvg {...rest} width={size.width} height={size.height} />}
    </ChartFrame>
  );
});

function LineChartSvg(props: Omit<LineChartProps, 'width' | 'height'> & { width: number; height: number }) {
  const { width, height, stale = false, testId = 'line-chart', title } = props;
  const {
    xLabel,
    yLabel,
    series,
    yLog,
    referenceLines,
    referencePoints,
    markerX,
    xDomain,
    yMax,
    formatY,
    textScale,
  } = props;
  // Geometry depends on the data props one by one (the props object is new on every render).
  const g = useMemo(
    () =>
      lineChartGeometry(
        {
          title,
          xLabel,
          yLabel,
          series,
          yLog,
          referenceLines,
          referencePoints,
          markerX,
          xDomain,
          yMax,
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
      series,
      yLog,
      referenceLines,
      referencePoints,
      markerX,
      xDomain,
      yMax,
      formatY,
      textScale,
      width,
      height,
    ],
  );
  const idPrefix = safeId(useId());
  const columnsPx = useMemo(() => g.columns.map((c) => c.px), [g]);
  const { hover, handlers } = useColumnHover(columnsPx, g.plot);

  // The static layer is memoised on the geometry, so hovering re-renders only the read-out.
  const staticLayer = useMemo(
    () => <LineLayers g={g} stale={stale} title={title} idPrefix={idPrefix} />,
    [g, stale, title, idPrefix],
  );
  const content = hover ? lineTooltip(g, hover.index) : null;
  const column = hover ? g.columns[hover.index] : undefined;

  return (
    <svg
      width={g.width}
      height={g.height}
      role="img"
      aria-label={title ?? g.series.map((s) => s.label).join(', ')}
      data-testid={testId}
      data-stale={stale}
      data-y-scale={props.yLog ? 'log' : 'linear'}
      data-y-max={g.yDomain[1]}
      tabIndex={0}
      style={{ display: 'block', touchAction: 'pan-y' }}
      {...handlers}
    >
      {title && <title>{title}</title>}
      {staticLayer}
      {column && content && (
        <g data-testid="hover">
          <line
            x1={column.px}
            x2={column.px}
            y1={g.plot.top}
            y2={g.plot.top + g.plot.height}
            strokeWidth={SIZES.axisStroke}
            style={{ stroke: ACCENT }}
          />
          {g.series.map((s) => {
            const p = s.points.find((q) => q.x === column.x);
            return p ? (
              <SymbolMark
                key={s.key}
                shape={s.style.marker}
                x={p.px}
                y={p.py}
                color={s.style.color}
                area={SIZES.markerArea * 2.2}
              />
            ) : null;
          })}
          <Tooltip
            {...content}
            x={column.px}
            y={g.plot.top + g.plot.height / 3}
            bounds={{ left: 0, top: 0, width: g.width, height: g.height }}
            fontSize={g.fonts.tooltip}
          />
        </g>
      )}
    </svg>
  );
}

function LineLayers({
  g,
  stale,
  title,
  idPrefix,
}: {
  g: LineGeometry;
  stale: boolean;
  title?: string;
  idPrefix: string;
}) {
  const swatches = new Map<string, Swatch>(g.series.map((s) => [s.key, { kind: 'line', style: s.style }]));
  const manyPoints = (n: number) => Math.max(1, Math.ceil(n / 40));
  return (
    <>
      <defs>
        <clipPath id={`${idPrefix}-plot`}>
          <rect
            x={g.plot.left - 8}
            y={g.plot.top - 8}
            width={g.plot.width + 16}
            height={g.plot.height + 16}
          />
        </clipPath>
      </defs>
      <ChartHeader g={g} title={title} stale={stale} swatchOf={(k) => swatches.get(k)} />
      <GridLines ticks={g.yTicks} plot={g.plot} orientation="h" />
      <ChartAxes g={g} />
      {g.referenceLines.map((r) => (
        <g key={r.key} data-testid="reference-line" data-y={r.y}>
          <line
            x1={g.plot.left}
            x2={g.plot.left + g.plot.width}
            y1={r.py}
            y2={r.py}
            strokeWidth={SIZES.axisStroke}
            strokeDasharray="14 6 3 6"
            style={{ stroke: INK_DIM }}
          />
          <text
            x={g.plot.left + 8}
            y={r.py - 7}
            fontSize={g.fonts.tick}
            style={{ fill: INK_DIM, stroke: PANEL, strokeWidth: 4, paintOrder: 'stroke' }}
          >
            {r.label}
          </text>
        </g>
      ))}
      <g clipPath={`url(#${idPrefix}-plot)`} opacity={stale ? SIZES.staleOpacity : 1} data-testid="series">
        {g.series.map((s) => (
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
            {s.points
              .filter((_, i) => i % manyPoints(s.points.length) === 0)
              .map((p) => (
                <SymbolMark key={p.x} shape={s.style.marker} x={p.px} y={p.py} color={s.style.color} />
              ))}
          </g>
        ))}
      </g>
      {g.referencePoints.map((r) => (
        <g key={r.key} data-testid="reference-point" data-x={r.x} data-y={r.y}>
          <SymbolMark
            shape={r.style.marker}
            x={r.px}
            y={r.py}
            color={r.style.color}
            hollow
            area={SIZES.markerArea * 2.4}
          />
          <text
            x={r.anchor === 'start' ? r.px + 13 : r.px - 13}
            y={r.py - 10}
            textAnchor={r.anchor}
            fontSize={g.fonts.tick}
            fontStyle="italic"
            style={{ fill: r.style.color, stroke: PANEL, strokeWidth: 4, paintOrder: 'stroke' }}
          >
            {r.label}
          </text>
        </g>
      ))}
      {g.marker && (
        <g data-testid="marker-x" data-marker-x={g.marker.x} data-marker-px={g.marker.px}>
          <MarkerLine
            x={g.marker.px}
            top={g.plot.top}
            bottom={g.plot.top + g.plot.height}
            label={g.marker.label}
            fontSize={g.fonts.tick}
            minX={g.plot.left}
            maxX={g.width - 4}
          />
        </g>
      )}
      {stale && <StaleNote x={g.plot.left + g.plot.width} y={g.titleY} fontSize={g.fonts.tick} />}
    </>
  );
}
