/** What every chart draws around its data: the title and legend on top, and the x and y axes. */
import { AxisBottom, AxisVertical } from './Axis.tsx';
import { ChartTitle, staleNoteWidth } from './ChartText.tsx';
import type { Box, LegendLayout } from './layout.ts';
import { Legend, type Swatch } from './Legend.tsx';
import type { FontSizes } from './theme.ts';
import type { Tick } from './ticks.ts';

interface HeaderGeometry {
  readonly width: number;
  readonly titleY: number;
  readonly legendY: number;
  readonly legend: LegendLayout;
  readonly fonts: FontSizes;
}

/** The title (leaving room for the "recomputing" note when stale) and the legend under it. */
export function ChartHeader({
  g,
  title,
  stale = false,
  swatchOf,
  idPrefix,
}: {
  g: HeaderGeometry;
  title?: string;
  stale?: boolean;
  swatchOf: (key: string) => Swatch | undefined;
  idPrefix?: string;
}) {
  return (
    <>
      {title && (
        <ChartTitle
          x={8}
          y={g.titleY}
          fontSize={g.fonts.title}
          text={title}
          maxWidth={g.width - 16 - (stale ? staleNoteWidth(g.fonts.tick) : 0)}
        />
      )}
      {g.legend.items.length > 0 && (
        <Legend
          layout={g.legend}
          x={8}
          y={g.legendY}
          fontSize={g.fonts.legend}
          idPrefix={idPrefix}
          swatchOf={swatchOf}
        />
      )}
    </>
  );
}

interface AxesGeometry {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly plot: Box;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly yLabelX: number;
  readonly fonts: FontSizes;
}

/** The x axis under the plot and the y axis on its left, each with its unit in the title. */
export function ChartAxes({ g }: { g: AxesGeometry }) {
  return (
    <>
      <AxisBottom
        ticks={g.xTicks}
        plot={g.plot}
        label={g.xLabel}
        tickFontSize={g.fonts.tick}
        labelFontSize={g.fonts.axisLabel}
      />
      <AxisVertical
        side="left"
        ticks={g.yTicks}
        plot={g.plot}
        label={g.yLabel}
        labelX={g.yLabelX}
        tickFontSize={g.fonts.tick}
        labelFontSize={g.fonts.axisLabel}
      />
    </>
  );
}
