/**
 * The CPU-breakdown view: at the chosen message size, horizontal stacked bars per domain × I/O path
 * (readable at 64 B, where every vertical bar of a full sweep was invisible), beside the sweep of
 * each domain's total against size. Side by side when the box is wide, one above the other when it
 * is tall; the bars get the room their rows need.
 */
import { memo, useMemo } from 'react';
import type { HBarData } from './hBarGeometry.ts';
import { hBarGeometry } from './hBarGeometry.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { HorizontalBarChart } from './HorizontalBarChart.tsx';
import type { Box } from './layout.ts';
import { px } from './layout.ts';
import { SmallMultiplesChart } from './SmallMultiplesChart.tsx';
import type { SmallMultiplesData } from './totalsGeometry.ts';

export type CpuSizeViewProps = {
  bars: HBarData;
  totals: SmallMultiplesData;
  width?: number;
  height?: number;
  stale?: boolean;
};

export const CpuSizeView = memo(function CpuSizeView({ width, height, ...rest }: CpuSizeViewProps) {
  return (
    <ChartFrame width={width} height={height} kind="cpu-size-view">
      {(size) => <Boxes {...rest} width={size.width} height={size.height} />}
    </ChartFrame>
  );
});

function Boxes({ bars, totals, stale, width, height }: Omit<CpuSizeViewProps, 'width' | 'height'> & Size) {
  const layout = useMemo(() => cpuSizeLayout(bars, width, height), [bars, width, height]);
  return (
    <div
      data-testid="cpu-size-view"
      data-arrangement={layout.arrangement}
      style={{ position: 'absolute', inset: 0 }}
    >
      <div style={boxStyle(layout.bars)}>
        <HorizontalBarChart
          {...bars}
          width={layout.bars.width}
          height={layout.bars.height}
          stale={stale}
          testId="cpu-bars"
        />
      </div>
      <div style={boxStyle(layout.totals)}>
        <SmallMultiplesChart
          {...totals}
          width={layout.totals.width}
          height={layout.totals.height}
          stale={stale}
          testId="cpu-totals"
        />
      </div>
    </div>
  );
}

/** The height the totals would like below the bars (a legend, panel titles, a plot, ticks). */
const TOTALS_WANTED_PX = 260;

type Size = { width: number; height: number };

const boxStyle = (b: Box) =>
  ({ position: 'absolute', left: b.left, top: b.top, width: b.width, height: b.height }) as const;

/** Where the bars and the totals go in a box of `width` × `height` px. */
export function cpuSizeLayout(
  bars: HBarData,
  width: number,
  height: number,
): { arrangement: 'side' | 'stacked'; bars: Box; totals: Box } {
  const gap = 6;
  if (width >= 980 && width >= height * 1.5) {
    const barsW = Math.round(width * 0.55);
    return {
      arrangement: 'side',
      bars: { left: 0, top: 0, width: barsW, height },
      totals: { left: barsW + gap, top: 0, width: px(width - barsW - gap), height },
    };
  }
  // Stacked: the bars get what their rows need to read well, the totals the rest (about 260 px
  // when the box allows, never less than the bars' minimum leaves, never below 30 % of the box).
  const g = hBarGeometry(bars, width, height);
  const barsH = Math.round(
    Math.min(height * 0.7, g.preferredHeight, Math.max(g.minHeight, height - TOTALS_WANTED_PX)),
  );
  return {
    arrangement: 'stacked',
    bars: { left: 0, top: 0, width, height: barsH },
    totals: { left: 0, top: barsH + gap, width, height: Math.max(60, height - barsH - gap) },
  };
}
