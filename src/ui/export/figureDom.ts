/** Reading a figure off the page: its SVG layers where they sit, its size, its look. */
import {
  backgroundOf,
  composeFigure,
  type BitmapLayer,
  type FigureDocument,
  type TextLayer,
} from './compose.ts';

/** The on-screen SVG at `selector` under `root`, or an error that names what is missing. */
export function findSvg(root: ParentNode | null, selector: string, what: string): SVGSVGElement {
  const el = root?.querySelector(selector);
  if (!(el instanceof SVGSVGElement)) throw new Error(`${what} is not on screen yet`);
  return el;
}

/** Rounded px size of an element as laid out. */
export function sizeOf(el: Element): { width: number; height: number } {
  const r = el.getBoundingClientRect();
  return { width: Math.round(r.width), height: Math.round(r.height) };
}

/** The house colours, read from the page's variables (with the theme's values when they are absent). */
export function pageColour(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/**
 * The document of a figure made of `svgs` laid out inside `box` as on screen (one SVG: the box is
 * the SVG itself), with `caption` under it.
 */
export function documentOf(
  box: Element,
  svgs: readonly SVGSVGElement[],
  caption: string,
  bitmaps: readonly BitmapLayer[] = [],
  texts: readonly TextLayer[] = [],
): FigureDocument {
  const origin = box.getBoundingClientRect();
  const { width, height } = sizeOf(box);
  return composeFigure({
    width,
    height,
    layers: svgs.map((svg) => {
      const r = svg.getBoundingClientRect();
      return { svg, x: r.left - origin.left, y: r.top - origin.top };
    }),
    bitmaps,
    texts,
    background: backgroundOf(box, pageColour('--panel', '#132233')),
    caption,
    captionColor: pageColour('--ink-dim', '#b9c6d6'),
    fontFamily: getComputedStyle(svgs[0] ?? box).fontFamily || 'sans-serif',
  });
}
