/**
 * Small marks shared by the charts: marker symbols (one shape per series), hatch patterns (one per
 * stacked category) and the vertical "current message size" marker.
 */
import { symbol } from 'd3-shape';
import type { FillStyle, MarkerShape } from './theme.ts';
import { INK, PANEL, SIZES, SYMBOL_TYPES } from './theme.ts';
import { estimateTextWidth, px } from './layout.ts';

const symbolPaths = new Map<string, string>();

/** The SVG path of a marker of `shape` with `area` px², centred on the origin. */
export function symbolPath(shape: MarkerShape, area: number = SIZES.markerArea): string {
  const key = `${shape}:${area}`;
  let d = symbolPaths.get(key);
  if (d === undefined) {
    d = symbol(SYMBOL_TYPES[shape], area)() ?? '';
    symbolPaths.set(key, d);
  }
  return d;
}

type SymbolMarkProps = {
  shape: MarkerShape;
  x: number;
  y: number;
  color: string;
  /** Hollow markers (outline only) mark reference values such as the poster's. */
  hollow?: boolean;
  area?: number;
};

/** A marker symbol at (x, y): filled with a dark rim, or hollow with a thick coloured outline. */
export function SymbolMark({ shape, x, y, color, hollow = false, area }: SymbolMarkProps) {
  return (
    <path
      d={symbolPath(shape, area)}
      transform={`translate(${px(x)},${px(y)})`}
      fill={hollow ? 'none' : color}
      stroke={hollow ? color : undefined}
      strokeWidth={hollow ? SIZES.axisStroke : 1.5}
      style={hollow ? undefined : { stroke: PANEL }}
    />
  );
}

/** The `fill` for a category: a flat colour, or a pattern defined by `<HatchDefs>`. */
export function fillFor(style: FillStyle, idPrefix: string): string {
  return style.hatch === 'solid' ? style.color : `url(#${patternId(style, idPrefix)})`;
}

/** `<pattern>` definitions for every hatched style in `styles`; put inside the chart's `<defs>`. */
export function HatchDefs({ styles, idPrefix }: { styles: readonly FillStyle[]; idPrefix: string }) {
  const seen = new Set<string>();
  const unique = styles.filter((s) => {
    const id = patternId(s, idPrefix);
    if (s.hatch === 'solid' || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return (
    <>
      {unique.map((s) => (
        <pattern
          key={patternId(s, idPrefix)}
          id={patternId(s, idPrefix)}
          width={HATCH_TILE}
          height={HATCH_TILE}
          patternUnits="userSpaceOnUse"
        >
          <rect width={HATCH_TILE} height={HATCH_TILE} fill={s.color} />
          <HatchStrokes hatch={s.hatch} />
        </pattern>
      ))}
    </>
  );
}

/** Makes a `useId()` value safe inside `url(#…)` references. */
export function safeId(reactId: string): string {
  return `c${reactId.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

type MarkerXProps = {
  x: number;
  /** The plot's top and bottom in px; the label sits above the top, in the strip `markerStrip` reserves. */
  top: number;
  bottom: number;
  label: string;
  fontSize: number;
  /** The horizontal room for the label. */
  minX: number;
  maxX: number;
  /** Draw the dashed line down through the plot (line charts) or only the pointer (bar charts). */
  line?: boolean;
};

/** The current message size: a pointer above the plot, its label (if any), and a dashed line down through the plot. */
export function MarkerLine({ x, top, bottom, label, fontSize, minX, maxX, line = true }: MarkerXProps) {
  const half = estimateTextWidth(label, fontSize) * 0.55;
  const cx = Math.max(minX + half, Math.min(maxX - half, x));
  return (
    <g aria-hidden="true">
      {line && (
        <line
          x1={x}
          x2={x}
          y1={top}
          y2={bottom}
          strokeWidth={SIZES.axisStroke}
          strokeDasharray="8 5"
          style={{ stroke: INK }}
        />
      )}
      <path d={`M${px(x - 7)},${px(top - 9)} h14 l-7,9 z`} style={{ fill: INK }} />
      {label && (
        <text
          x={px(cx)}
          y={px(top - 12)}
          textAnchor="middle"
          fontSize={fontSize}
          fontWeight={700}
          style={{ fill: INK }}
        >
          {label}
        </text>
      )}
    </g>
  );
}

const HATCH_TILE = 9;
const HATCH_INK = 'rgba(8, 16, 26, 0.72)';

function HatchStrokes({ hatch }: { hatch: FillStyle['hatch'] }) {
  const t = HATCH_TILE;
  switch (hatch) {
    case 'diagonal':
      return (
        <path
          d={`M-2,2 L2,-2 M0,${t} L${t},0 M${t - 2},${t + 2} L${t + 2},${t - 2}`}
          stroke={HATCH_INK}
          strokeWidth={2.4}
        />
      );
    case 'crosshatch':
      return <path d={`M0,0 L${t},${t} M0,${t} L${t},0`} stroke={HATCH_INK} strokeWidth={1.8} />;
    case 'dots':
      return <circle cx={t / 2} cy={t / 2} r={2} fill={HATCH_INK} />;
    case 'horizontal':
      return <path d={`M0,${t / 2} H${t}`} stroke={HATCH_INK} strokeWidth={2.6} />;
    case 'solid':
      return null;
  }
}

function patternId(style: FillStyle, idPrefix: string): string {
  return `${idPrefix}-${style.hatch}-${style.color.replace(/[^A-Za-z0-9]/g, '')}`;
}
