/**
 * The look of every chart, tuned for projectors in lecture halls: large text, thick strokes, a dark
 * panel, and series that stay apart in grayscale and for colour-blind viewers (Okabe–Ito colours
 * plus a dash pattern and a marker shape per series, a hatch pattern per stacked category).
 *
 * Theme colours come from the page's CSS variables (`--ink`, `--ink-dim`, `--line`, `--accent`,
 * `--panel`) with the house values as fallbacks, so a chart also reads correctly on its own.
 */
import {
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
} from 'd3-shape';
import type { SymbolType } from 'd3-shape';

export const INK = 'var(--ink, #f4f7fb)';
export const INK_DIM = 'var(--ink-dim, #b9c6d6)';
export const LINE = 'var(--line, #3a5068)';
export const ACCENT = 'var(--accent, #f2a900)';
export const PANEL = 'var(--panel, #132233)';

/** Sizes in px at `textScale` 1. Tick labels ≥ 14 px, titles ≥ 16 px, data strokes ≥ 2.5 px. */
export const SIZES = {
  tick: 15,
  axisLabel: 16,
  title: 18,
  legend: 15,
  tooltip: 15,
  seriesStroke: 3,
  axisStroke: 2.5,
  gridStroke: 1.5,
  markerArea: 70,
  staleOpacity: 0.35,
} as const;

/** The smallest text a chart draws at `textScale` 1: what a caller scales to reach a minimum size. */
export const SMALLEST_TEXT_PX = Math.min(
  SIZES.tick,
  SIZES.axisLabel,
  SIZES.title,
  SIZES.legend,
  SIZES.tooltip,
);

export type FontSizes = { tick: number; axisLabel: number; title: number; legend: number; tooltip: number };

/** Font sizes scaled for a presenter's "UI scale"; never below the readable minimum. */
export function fontSizes(textScale = 1): FontSizes {
  const s = Number.isFinite(textScale) && textScale > 0 ? Math.max(1, textScale) : 1;
  return {
    tick: SIZES.tick * s,
    axisLabel: SIZES.axisLabel * s,
    title: SIZES.title * s,
    legend: SIZES.legend * s,
    tooltip: SIZES.tooltip * s,
  };
}

/**
 * Okabe–Ito without black (invisible on the dark panel), ordered so that neighbours differ in
 * lightness too: sky blue, vermillion, yellow, bluish green, reddish purple, orange, blue.
 */
export const OKABE_ITO = [
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#0072B2',
] as const;

/** Stroke dash patterns (SVG `stroke-dasharray`), one per series; '' is solid. */
export const DASHES = ['', '10 6', '3 5', '14 5 3 5', '6 4', '2 3 8 3', '18 6'] as const;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star' | 'wye';

/** Circle then square first, as in the poster (TCP sockets: filled circles; the framework: filled squares). */
export const MARKERS: readonly MarkerShape[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'cross',
  'star',
  'wye',
];

export const SYMBOL_TYPES: Record<MarkerShape, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
  star: symbolStar,
  wye: symbolWye,
};

export type SeriesStyle = { color: string; dash: string; marker: MarkerShape };

/** The style of the i-th series: colour, dash and marker all change together. */
export function seriesStyle(index: number): SeriesStyle {
  const i = Math.max(0, Math.floor(index));
  return {
    color: OKABE_ITO[i % OKABE_ITO.length],
    dash: DASHES[i % DASHES.length],
    marker: MARKERS[i % MARKERS.length],
  };
}

export type HatchPattern = 'solid' | 'diagonal' | 'dots' | 'crosshatch' | 'horizontal';

/** Fill patterns for stacked categories. Five patterns against eight colours: 40 distinct pairs. */
export const HATCHES: readonly HatchPattern[] = ['solid', 'diagonal', 'dots', 'crosshatch', 'horizontal'];

/** Fill colours for stacked categories: Okabe–Ito plus a light grey, alternating light and dark. */
export const FILLS = [
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#0072B2',
  '#BBBBBB',
] as const;

export type FillStyle = { color: string; hatch: HatchPattern };

/** The style of the i-th category; neighbours differ in both colour and pattern. */
export function categoryStyle(index: number): FillStyle {
  const i = Math.max(0, Math.floor(index));
  return { color: FILLS[i % FILLS.length], hatch: HATCHES[i % HATCHES.length] };
}

/**
 * One style per category key, by position in `keys`. Pass the same list to every chart (for
 * instance every category the model knows, in a fixed order) and a category keeps its look in
 * every panel, even where other categories are missing.
 *
 * @example categoryStyles(['tcpip', 'copy']).get('copy') // { color: '#D55E00', hatch: 'diagonal' }
 */
export function categoryStyles(keys: readonly string[]): Map<string, FillStyle> {
  const styles = new Map<string, FillStyle>();
  for (const key of keys) if (!styles.has(key)) styles.set(key, categoryStyle(styles.size));
  return styles;
}
