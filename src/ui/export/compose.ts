/**
 * One standalone SVG document for an export: the figure's SVG layers where they sit on screen, an
 * optional bitmap layer (the diagram's tokens), a background, and the caption as SVG text under it
 * all. The same document, without the bitmap, is what the PNG is rasterized from.
 */
import { wrapCaption } from './caption.ts';
import { standaloneClone } from './svgInline.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An on-screen SVG and where it sits in the figure, px. */
export interface SvgLayer {
  readonly svg: SVGSVGElement;
  readonly x: number;
  readonly y: number;
}

/** A bitmap laid over the figure (a canvas), drawn at x, y with the given size in px. */
export interface BitmapLayer {
  readonly dataUrl: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Lines of text laid over the figure where an HTML label sits on screen (the side-by-side diagrams'
 * "A · …" and "B · …"), with a bold lead on the first line (the side's letter) in its own colour.
 */
export interface TextLayer {
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
  readonly fontPx: number;
  readonly linePx: number;
  readonly color: string;
  readonly fontFamily: string;
  readonly lead?: { readonly text: string; readonly color: string };
  /** The group's `data-export` (e.g. `label-A`), so a reader can find it. */
  readonly tag: string;
}

export interface FigureDocument {
  /** The serialized SVG. */
  readonly svg: string;
  /** The figure's size without the caption, px. */
  readonly figureWidth: number;
  readonly figureHeight: number;
  /** The whole document's size, caption included, px. */
  readonly width: number;
  readonly height: number;
}

export interface ComposeOptions {
  readonly width: number;
  readonly height: number;
  readonly layers: readonly SvgLayer[];
  readonly bitmaps?: readonly BitmapLayer[];
  readonly texts?: readonly TextLayer[];
  readonly background: string;
  readonly caption: string;
  /** Colour and family of the caption's text. */
  readonly captionColor: string;
  readonly fontFamily: string;
}

/** The caption's type size, px: small beside the chart's own text, still legible on a slide at 2×. */
export const CAPTION_FONT_PX = 13;
const LINE_PX = Math.round(CAPTION_FONT_PX * 1.35);
const PAD_PX = 8;
/** An average character's width at CAPTION_FONT_PX, generous so a line never runs off the figure. */
const CHAR_PX = CAPTION_FONT_PX * 0.6;

/** The caption's lines for a figure `width` px wide, and the height they take under it. */
export function captionBlock(caption: string, width: number): { lines: string[]; height: number } {
  const lines = wrapCaption(caption, (width - 2 * PAD_PX) / CHAR_PX);
  return { lines, height: lines.length * LINE_PX + 2 * PAD_PX };
}

/** Serializes the figure with its caption into one standalone SVG document. */
export function composeFigure(o: ComposeOptions): FigureDocument {
  const width = Math.round(o.width);
  const figureHeight = Math.round(o.height);
  const { lines, height: captionH } = captionBlock(o.caption, width);
  const height = figureHeight + captionH;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', o.fontFamily);
  // The figure's own size, so a reader (or a test) can tell the figure from the caption under it.
  root.setAttribute('data-figure-width', String(width));
  root.setAttribute('data-figure-height', String(figureHeight));

  // The caption's look as a style sheet inside the document: it travels with the file.
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent =
    `.export-caption{font-family:${o.fontFamily};font-size:${CAPTION_FONT_PX}px;` +
    `fill:${o.captionColor};dominant-baseline:hanging}`;
  root.append(style);

  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', o.background);
  bg.setAttribute('data-export', 'background');
  root.append(bg);

  for (const layer of o.layers) {
    const clone = standaloneClone(layer.svg);
    clone.setAttribute('x', String(Math.round(layer.x)));
    clone.setAttribute('y', String(Math.round(layer.y)));
    root.append(clone);
  }
  for (const b of o.bitmaps ?? []) {
    const img = document.createElementNS(SVG_NS, 'image');
    img.setAttribute('href', b.dataUrl);
    for (const [k, v] of [
      ['x', b.x],
      ['y', b.y],
      ['width', b.width],
      ['height', b.height],
    ] as const)
      img.setAttribute(k, String(Math.round(v)));
    img.setAttribute('data-export', 'tokens');
    root.append(img);
  }

  for (const t of o.texts ?? []) root.append(textLayer(t));

  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('data-export', 'caption');
  lines.forEach((line, i) => {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('class', 'export-caption');
    t.setAttribute('x', String(PAD_PX));
    t.setAttribute('y', String(figureHeight + PAD_PX + i * LINE_PX));
    // Also as attributes, for viewers that ignore an embedded style sheet.
    t.setAttribute('font-size', String(CAPTION_FONT_PX));
    t.setAttribute('fill', o.captionColor);
    t.textContent = line;
    g.append(t);
  });
  root.append(g);

  return {
    svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`,
    figureWidth: width,
    figureHeight,
    width,
    height,
  };
}

/** A text layer as an SVG group: one `<text>` per line, the lead as a bold `<tspan>` on the first. */
function textLayer(t: TextLayer): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('data-export', t.tag);
  g.setAttribute('font-family', t.fontFamily);
  g.setAttribute('font-size', String(t.fontPx));
  g.setAttribute('fill', t.color);
  t.lines.forEach((line, i) => {
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(Math.round(t.x)));
    // Hanging baseline: y is the line's top, as the label's box is on screen.
    text.setAttribute('y', String(Math.round(t.y + i * t.linePx)));
    text.setAttribute('dominant-baseline', 'hanging');
    if (i === 0 && t.lead) {
      const lead = document.createElementNS(SVG_NS, 'tspan');
      lead.setAttribute('font-weight', '800');
      lead.setAttribute('fill', t.lead.color);
      lead.textContent = t.lead.text;
      text.append(lead, line);
    } else text.textContent = line;
    g.append(text);
  });
  return g;
}

/** The first opaque background colour at or above `el`, or `fallback`. */
export function backgroundOf(el: Element, fallback: string): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return fallback;
}
