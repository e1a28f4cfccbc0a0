/**
 * The poster's CPU-breakdown figure as a grid: rows are domains ("Driver domain (Dom0)", "Guest VM"),
 * columns are I/O paths ("pv-tcp", "zero-copy"). Panels of a row share a y scale, so the bars
 * compare directly; a category has the same colour and hatch in every panel; one legend serves all.
 */
import { memo, useId, useMemo } from 'react';
import type { CpuPanelsInput } from './cpuPanelsLayout.ts';
import { cpuPanelsLayout } from './cpuPanelsLayout.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { ChartTitle } from './ChartText.tsx';
import { Legend } from './Legend.tsx';
import { HatchDefs, safeId } from './Marks.tsx';
import { StackedBarChart } from './StackedBarChart.tsx';
import { INK_DIM } from './theme.ts';

export type { CpuPanel } from './cpuPanelsLayout.ts';

export type CpuBreakdownPanelsProps = CpuPanelsInput & {
  /** Width in px; omit to fill the container. */
  width?: number;
  /** Height in px; omit to fill the container (which then needs a height). */
  height?: number;
  /** The y axis title of every panel, with its unit; defaults to "CPU time (µs)" (the figure's title says "per message"). */
  yLabel?: string;
  /** The current message size in bytes, marked in every panel. */
  markerX?: number;
  /** Old bars stay, dimmed, while a sweep recomputes. */
  stale?: boolean;
};

/**
 * @example
 * <CpuBreakdownPanels width={1200} height={640} categoryOrder={['syscall', 'tcpip', 'copy']}
 *   panels={[{ row: 'Guest VM', column: 'pv-tcp', sizes, stacks }, { row: 'Guest VM', column: 'zero-copy', sizes, stacks: zc }]} />
 */
export const CpuBreakdownPanels = memo(function CpuBreakdownPanels({
  width,
  height,
  ...rest
}: CpuBreakdownPanelsProps) {
  return (
    <ChartFrame width={width} height={height} kind="cpu-breakdown">
      {(size) => <PanelsGrid {...rest} width={size.width} height={size.height} />}
    </ChartFrame>
  );
});

function PanelsGrid(
  props: Omit<CpuBreakdownPanelsProps, 'width' | 'height'> & { width: number; height: number },
) {
  const { width, height, title, panels, categoryOrder, styles, rowOrder, columnOrder, yLog, textScale } =
    props;
  const layout = useMemo(
    () =>
      cpuPanelsLayout(
        { title, panels, categoryOrder, styles, rowOrder, columnOrder, yLog, textScale },
        width,
        height,
      ),
    [title, panels, categoryOrder, styles, rowOrder, columnOrder, yLog, textScale, width, height],
  );
  const idPrefix = safeId(useId());
  const { fonts } = layout;
  return (
    <div
      data-testid="cpu-breakdown"
      data-stale={props.stale ?? false}
      style={{ position: 'absolute', inset: 0 }}
    >
      <svg
        width={width}
        height={height}
        style={{ position: 'absolute', left: 0, top: 0, display: 'block' }}
        aria-hidden="true"
      >
        <defs>
          <HatchDefs styles={[...layout.styles.values()]} idPrefix={idPrefix} />
        </defs>
        {title && (
          <ChartTitle x={8} y={layout.titleY} fontSize={fonts.title} text={title} maxWidth={width - 16} />
        )}
        <Legend
          layout={layout.legend}
          x={8}
          y={layout.legendY}
          fontSize={fonts.legend}
          idPrefix={idPrefix}
          testId="shared-legend"
          swatchOf={(k) => {
            const style = layout.styles.get(k);
            return style && { kind: 'fill', style };
          }}
        />
      </svg>
      {layout.cells.map((cell) => {
        const scale = layout.rowScale.get(cell.row);
        return (
          <div
            key={`${cell.row}\u0000${cell.column}`}
            data-testid="cpu-panel"
            data-row={cell.row}
            data-column={cell.column}
            style={{
              position: 'absolute',
              left: cell.box.left,
              top: cell.box.top,
              width: cell.box.width,
              height: cell.box.height,
            }}
          >
            {cell.panel ? (
              <StackedBarChart
                title={cell.title}
                yLabel={props.yLabel ?? 'CPU time (µs)'}
                sizes={cell.panel.sizes}
                stacks={cell.panel.stacks}
                styles={layout.styles}
                showLegend={false}
                yLog={yLog}
                yMax={scale?.yMax}
                yMin={scale?.yMin}
                markerX={props.markerX}
                stale={props.stale}
                textScale={textScale}
                width={cell.box.width}
                height={cell.box.height}
              />
            ) : (
              <svg
                width={cell.box.width}
                height={cell.box.height}
                aria-label={`${cell.row}, ${cell.column}: no data`}
                role="img"
              >
                <text
                  x={cell.box.width / 2}
                  y={cell.box.height / 2}
                  textAnchor="middle"
                  fontSize={fonts.tick}
                  style={{ fill: INK_DIM }}
                >
                  {cell.column}: no data
                </text>
              </svg>
            )}
          </div>
        );
      })}
    </div>
  );
}
