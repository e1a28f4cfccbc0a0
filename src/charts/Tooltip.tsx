/**
 * The hover read-out, drawn in SVG next to the pointer: a heading (e.g. the message size) and one
 * row per series with its exact value and unit. It flips to the other side of the pointer rather
 * than leave the chart.
 */
import type { Swatch } from './Legend.tsx';
import type { Box } from './layout.ts';
import { estimateTextWidth, px, truncate } from './layout.ts';
import { ACCENT, INK, INK_DIM, SIZES } from './theme.ts';
import { SymbolMark, fillFor } from './Marks.tsx';

export type TooltipRow = { key: string; text: string; swatch?: Swatch; emphasis?: boolean };
export type TooltipContent = { heading: string; rows: TooltipRow[] };

type TooltipProps = TooltipContent & {
  /** The point the tooltip describes, in px. */
  x: number;
  y: number;
  /** The area the tooltip must stay inside (usually the whole SVG). */
  bounds: Box;
  fontSize: number;
  idPrefix?: string;
  /**
   * A horizontal band (px) the tooltip must not cover, e.g. the hovered bar: it then goes below the
   * band (or above it, where there is no room below), centred on `x`.
   */
  avoid?: { top: number; bottom: number };
};

export function Tooltip({ heading: h, rows: r, x, y, bounds, fontSize, idPrefix = '', avoid }: TooltipProps) {
  // What does not fit in the bounds is shortened, so the read-out is never clipped by the chart's
  // edge; the bounds are inset by the border's width, which is drawn half outside the box.
  const edge = SIZES.axisStroke;
  const inner = {
    left: bounds.left + edge,
    top: bounds.top + edge,
    width: Math.max(0, bounds.width - 2 * edge),
    height: Math.max(0, bounds.height - 2 * edge),
  };
  const { heading, rows } = fitTooltip({ heading: h, rows: r }, inner, fontSize);
  const box = tooltipBox({ heading, rows }, x, y, inner, fontSize, avoid);
  const line = fontSize * 1.45;
  const pad = fontSize * 0.6;
  const sw = fontSize * 1.6;
  return (
    <g data-testid="tooltip" transform={`translate(${box.left},${box.top})`} pointerEvents="none">
      <rect
        width={box.width}
        height={box.height}
        rx={6}
        fill="rgba(8, 16, 26, 0.94)"
        strokeWidth={SIZES.axisStroke}
        style={{ stroke: ACCENT }}
      />
      <text x={pad} y={pad + fontSize * 0.95} fontSize={fontSize} fontWeight={700} style={{ fill: INK }}>
        {heading}
      </text>
      {rows.map((row, i) => {
        const cy = pad + line * (i + 1) + fontSize * 0.6;
        return (
          <g key={row.key} data-tooltip-row={row.key}>
            {row.swatch?.kind === 'line' && (
              <SymbolMark
                shape={row.swatch.style.marker}
                x={pad + sw / 2 - 3}
                y={cy}
                color={row.swatch.style.color}
              />
            )}
            {row.swatch?.kind === 'fill' && (
              <rect
                x={pad}
                y={cy - fontSize * 0.5}
                width={sw - 8}
                height={fontSize}
                fill={fillFor(row.swatch.style, idPrefix)}
              />
            )}
            <text
              x={pad + sw}
              y={cy}
              dy="0.35em"
              fontSize={fontSize}
              fontWeight={row.emphasis ? 700 : 400}
              style={{ fill: row.emphasis ? INK : INK_DIM }}
            >
              {row.text}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/**
 * The content shortened to fit `bounds`: rows beyond the height become "+ n more", and texts wider
 * than the bounds end in an ellipsis. Content that fits is returned unchanged.
 */
export function fitTooltip(content: TooltipContent, bounds: Box, fontSize: number): TooltipContent {
  const pad = fontSize * 0.6;
  const line = fontSize * 1.45;
  const roomRows = Math.floor((bounds.height - 2 * pad + fontSize * 0.3) / line) - 1;
  let rows = content.rows;
  if (rows.length > Math.max(0, roomRows)) {
    const keep = Math.max(0, roomRows - 1);
    rows = [...rows.slice(0, keep), { key: 'more', text: `+ ${rows.length - keep} more` }];
    if (roomRows <= 0) rows = [];
  }
  const textRoom = bounds.width - 2 * pad;
  return {
    heading: truncate(content.heading, textRoom, fontSize, true),
    rows: rows.map((r) => ({
      ...r,
      text: truncate(r.text, textRoom - fontSize * 1.6, fontSize, r.emphasis === true),
    })),
  };
}

/** Where the tooltip goes: right of and above the point, flipped or clamped to stay in `bounds`. */
export function tooltipBox(
  content: TooltipContent,
  x: number,
  y: number,
  bounds: Box,
  fontSize: number,
  avoid?: { top: number; bottom: number },
): Box {
  const pad = fontSize * 0.6;
  const textWidth = Math.max(
    estimateTextWidth(content.heading, fontSize, true),
    ...content.rows.map((r) => fontSize * 1.6 + estimateTextWidth(r.text, fontSize, r.emphasis === true)),
  );
  const width = textWidth + 2 * pad;
  const height = 2 * pad + fontSize * 1.45 * (content.rows.length + 1) - fontSize * 0.3;
  const gap = 14;
  const right = bounds.left + bounds.width;
  const bottom = bounds.top + bounds.height;
  let left: number;
  let top: number;
  if (avoid) {
    left = x - width / 2;
    const below = avoid.bottom + 6;
    const above = avoid.top - 6 - height;
    top = below + height <= bottom || above < bounds.top ? below : above;
  } else {
    left = x + gap;
    if (left + width > right) left = x - gap - width;
    top = y - height / 2;
  }
  left = Math.max(bounds.left, Math.min(left, right - width));
  top = Math.max(bounds.top, Math.min(top, bottom - height));
  return { left: px(left), top: px(top), width: px(width), height: px(height) };
}
