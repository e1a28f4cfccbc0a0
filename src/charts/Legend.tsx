/**
 * Legends drawn inside the SVG (so an exported SVG or PNG keeps them), wrapped into rows by
 * `layoutLegend`. Line swatches repeat the series' colour, dash and marker; fill swatches the
 * category's colour and hatch.
 */
import type { FillStyle, SeriesStyle } from './theme.ts';
import { INK, PANEL, SIZES } from './theme.ts';
import type { LegendLayout } from './layout.ts';
import { swatchWidth } from './layout.ts';
import { SymbolMark, fillFor } from './Marks.tsx';

export type Swatch = { kind: 'line'; style: SeriesStyle } | { kind: 'fill'; style: FillStyle };

type LegendProps = {
  layout: LegendLayout;
  x: number;
  y: number;
  fontSize: number;
  swatchOf: (key: string) => Swatch | undefined;
  /** Prefix of the hatch pattern ids (see `HatchDefs`) for fill swatches. */
  idPrefix?: string;
  testId?: string;
};

export function Legend({ layout, x, y, fontSize, swatchOf, idPrefix = '', testId = 'legend' }: LegendProps) {
  const sw = swatchWidth(fontSize);
  const rowMid = fontSize * 0.8;
  return (
    <g transform={`translate(${x},${y})`} data-testid={testId}>
      {layout.items.map((item) => {
        const swatch = swatchOf(item.key);
        return (
          <g key={item.key} transform={`translate(${item.x},${item.y})`} data-legend-key={item.key}>
            {swatch?.kind === 'line' && (
              <>
                <line
                  x1={0}
                  x2={sw - fontSize * 0.5}
                  y1={rowMid}
                  y2={rowMid}
                  stroke={swatch.style.color}
                  strokeWidth={SIZES.seriesStroke}
                  strokeDasharray={swatch.style.dash || undefined}
                />
                <SymbolMark
                  shape={swatch.style.marker}
                  x={(sw - fontSize * 0.5) / 2}
                  y={rowMid}
                  color={swatch.style.color}
                />
              </>
            )}
            {swatch?.kind === 'fill' && (
              <rect
                x={0}
                y={rowMid - fontSize * 0.6}
                width={sw - fontSize * 0.6}
                height={fontSize * 1.2}
                fill={fillFor(swatch.style, idPrefix)}
                strokeWidth={1.5}
                style={{ stroke: PANEL }}
              />
            )}
            <text x={sw} y={rowMid} dy="0.35em" fontSize={fontSize} style={{ fill: INK }}>
              {item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
