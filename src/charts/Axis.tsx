/**
 * Axes and grid lines drawn from precomputed ticks (see ticks.ts). Every node is React's; the axis
 * label always carries the unit, and tick labels are large enough to read from the back row.
 */
import type { Tick } from './ticks.ts';
import type { Box } from './layout.ts';
import { INK, INK_DIM, LINE, SIZES } from './theme.ts';
import { fitLabel } from './layout.ts';

type AxisProps = {
  ticks: readonly Tick[];
  plot: Box;
  /** Axis title with its unit, e.g. "throughput (MiB/s)". */
  label: string;
  tickFontSize: number;
  labelFontSize: number;
  testId?: string;
};

/** The x axis under the plot: a base line, ticks, tick labels and the axis title below them. */
export function AxisBottom({
  ticks,
  plot,
  label,
  tickFontSize,
  labelFontSize,
  testId = 'x-axis',
  labelMaxWidth,
}: AxisProps & {
  /** Room for the axis title when it may run past the plot's ends (centred under the plot); default the plot's width. */
  labelMaxWidth?: number;
}) {
  const y0 = plot.top + plot.height;
  return (
    <g data-testid={testId} aria-hidden="true">
      <line x1={plot.left} x2={plot.left + plot.width} y1={y0} y2={y0} style={axisStroke} />
      {ticks.map((t) => (
        <g key={t.value} transform={`translate(${t.pos},${y0})`} data-tick-value={t.value}>
          <line y2={t.label ? 8 : 5} style={axisStroke} />
          {t.label && (
            <text
              y={8 + tickFontSize}
              textAnchor="middle"
              fontSize={tickFontSize}
              fontWeight={t.strong ? 700 : undefined}
              style={{ fill: t.strong ? INK : INK_DIM }}
            >
              {t.label}
            </text>
          )}
        </g>
      ))}
      <text
        x={plot.left + plot.width / 2}
        y={y0 + 14 + tickFontSize + labelFontSize}
        textAnchor="middle"
        fontSize={labelFontSize}
        style={{ fill: INK }}
      >
        {fitLabel(label, Math.max(plot.width, labelMaxWidth ?? 0), labelFontSize)}
      </text>
    </g>
  );
}

/** A vertical axis on the left or right of the plot; the title is rotated and sits at `labelX`. */
export function AxisVertical({
  ticks,
  plot,
  label,
  tickFontSize,
  labelFontSize,
  side,
  labelX,
  color,
  testId = side === 'left' ? 'y-axis' : 'y-axis-right',
}: AxisProps & { side: 'left' | 'right'; labelX: number; color?: string }) {
  const x0 = side === 'left' ? plot.left : plot.left + plot.width;
  const dir = side === 'left' ? -1 : 1;
  const cy = plot.top + plot.height / 2;
  return (
    <g data-testid={testId} aria-hidden="true">
      <line x1={x0} x2={x0} y1={plot.top} y2={plot.top + plot.height} style={axisStroke} />
      {ticks.map((t) => (
        <g key={t.value} transform={`translate(${x0},${t.pos})`} data-tick-value={t.value}>
          <line x2={dir * (t.label ? 8 : 5)} style={axisStroke} />
          {t.label && (
            <text
              x={dir * 12}
              dy="0.35em"
              textAnchor={side === 'left' ? 'end' : 'start'}
              fontSize={tickFontSize}
              style={{ fill: INK_DIM }}
            >
              {t.label}
            </text>
          )}
        </g>
      ))}
      <text
        transform={`translate(${labelX},${cy}) rotate(${side === 'left' ? -90 : 90})`}
        textAnchor="middle"
        dy="0.35em"
        fontSize={labelFontSize}
        style={{ fill: color ?? INK }}
      >
        {fitLabel(label, plot.height + 16, labelFontSize)}
      </text>
    </g>
  );
}

/** Faint lines across the plot at each labelled tick, behind the data. */
export function GridLines({
  ticks,
  plot,
  orientation,
}: {
  ticks: readonly Tick[];
  plot: Box;
  orientation: 'h' | 'v';
}) {
  return (
    <g data-role="grid" aria-hidden="true">
      {ticks
        .filter((t) => t.label !== '')
        .map((t) =>
          orientation === 'h' ? (
            <line
              key={t.value}
              x1={plot.left}
              x2={plot.left + plot.width}
              y1={t.pos}
              y2={t.pos}
              style={gridStroke}
            />
          ) : (
            <line
              key={t.value}
              x1={t.pos}
              x2={t.pos}
              y1={plot.top}
              y2={plot.top + plot.height}
              style={gridStroke}
            />
          ),
        )}
    </g>
  );
}

const axisStroke = { stroke: INK_DIM, strokeWidth: SIZES.axisStroke, strokeLinecap: 'square' } as const;
const gridStroke = { stroke: LINE, strokeWidth: SIZES.gridStroke } as const;
