/**
 * The diagram area while A's diagram is drawn beside B's (src/ui/ab/AbSideBySide.tsx): both SVGs
 * where they sit, both token canvases, and each side's label ("A · …", "B · …") as SVG text, so an
 * export holds what the screen shows, A on the left and B on the right.
 */
import { wrapCaption } from './caption.ts';
import type { TextLayer } from './compose.ts';
import type { CanvasOverlay } from './raster.ts';

export interface SideBySideFigure {
  /** The element both figures sit in: the export's frame. */
  readonly box: Element;
  /** A's diagram, then B's. */
  readonly svgs: readonly SVGSVGElement[];
  /** Their token canvases, where they sit in the box. */
  readonly canvases: readonly CanvasOverlay[];
  /** Their labels. */
  readonly labels: readonly TextLayer[];
}

/** An average character's width as a share of the type size: generous, so a line never runs past the label. */
const CHAR_EM = 0.6;

/** The side-by-side figure the diagram `stage` is part of, or null while B's diagram is alone. */
export function sideBySideOf(stage: Element | null): SideBySideFigure | null {
  const box = stage?.closest('.ab-split[data-side-by-side="true"]');
  if (!box) return null;
  const origin = box.getBoundingClientRect();
  const svgs: SVGSVGElement[] = [];
  const canvases: CanvasOverlay[] = [];
  const labels: TextLayer[] = [];
  for (const figure of box.querySelectorAll(':scope > .ab-figure')) {
    const svg = figure.querySelector('svg.io-path-diagram');
    if (!(svg instanceof SVGSVGElement)) throw new Error('both diagrams are not on screen yet');
    svgs.push(svg);
    const canvas = figure.querySelector('canvas.token-canvas');
    if (canvas instanceof HTMLCanvasElement) {
      const r = canvas.getBoundingClientRect();
      canvases.push({
        canvas,
        x: r.left - origin.left,
        y: r.top - origin.top,
        width: r.width,
        height: r.height,
      });
    }
    const label = figure.querySelector('.ab-figure-label');
    if (label instanceof HTMLElement) labels.push(labelLayer(label, origin));
  }
  if (svgs.length < 2) throw new Error('both diagrams are not on screen yet');
  return { box, svgs, canvases, labels };
}

/**
 * A label as lines of SVG text at its place: its text as on screen (a projector's brief one
 * included), wrapped to its width, at most as many lines as its box shows (the last one cut with
 * "…", as the screen clamps it), the side's letter as a bold lead.
 */
function labelLayer(label: HTMLElement, origin: DOMRect): TextLayer {
  const cs = getComputedStyle(label);
  const px = (v: string) => parseFloat(v) || 0;
  const fontPx = px(cs.fontSize) || 13;
  const linePx = px(cs.lineHeight) || fontPx * 1.25;
  const r = label.getBoundingClientRect();
  const [left, right, top, bottom] = [cs.paddingLeft, cs.paddingRight, cs.paddingTop, cs.paddingBottom].map(
    px,
  );
  const side = label.dataset.side ?? '';
  const text = (label.textContent ?? '').replace(/\s+/g, ' ').trim();
  const lines = wrapCaption(text, (r.width - left - right) / (fontPx * CHAR_EM));
  const fit = Math.max(1, Math.floor((r.height - top - bottom) / linePx + 0.05));
  const shown = lines.length > fit ? [...lines.slice(0, fit - 1), `${lines[fit - 1]} …`] : lines;
  const lead = side && shown[0]?.startsWith(side) ? side : '';
  if (lead) shown[0] = shown[0].slice(lead.length);
  const sideEl = label.querySelector('.ab-figure-side');
  return {
    x: r.left - origin.left + left,
    y: r.top - origin.top + top,
    lines: shown,
    fontPx,
    linePx,
    color: cs.color,
    fontFamily: cs.fontFamily || 'sans-serif',
    lead: lead ? { text: lead, color: sideEl ? getComputedStyle(sideEl).color : cs.color } : undefined,
    tag: `label-${side || 'side'}`,
  };
}
