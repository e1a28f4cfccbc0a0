/**
 * The diagram as a figure at the current simulated time: the SVG of the I/O path with the token
 * canvas laid over it. In the SVG file the canvas goes in as a PNG `<image>` (a data URL), so the
 * tokens are exactly the pixels on screen; the PNG is the SVG without that image, rasterized at 2×,
 * with the canvas itself composited over it. While A's diagram is drawn beside B's, the figure is
 * both, as on screen: A on the left, B on the right, each under its label (abFigure.ts).
 */
import { appStore } from '../../store/index.ts';
import { sideBySideOf, type SideBySideFigure } from './abFigure.ts';
import { abCaptionText, captionText } from './caption.ts';
import type { BuiltFigure, Exporter } from './exporter.ts';
import { documentOf, findSvg, sizeOf } from './figureDom.ts';
import { exportFileName } from './fileName.ts';

const WHAT = 'The diagram';

export function diagramExporter(stage: () => HTMLElement | null, nowNs: () => number): Exporter {
  return {
    name: 'the diagram',
    figures: [{ id: 'diagram', label: 'diagram', hasCsv: false }],
    build() {
      const root = stage();
      const { settings, ab } = appStore.getState();
      const pair = sideBySideOf(root);
      if (pair && ab.pinned) return bothSides(pair, abCaptionText(ab.pinned, settings, { nowNs: nowNs() }));
      const svg = findSvg(root, 'svg.io-path-diagram', WHAT);
      const canvas = root?.querySelector('canvas[data-testid="token-canvas"]');
      const caption = captionText(settings, { nowNs: nowNs() });
      const { width, height } = sizeOf(svg);
      if (!(canvas instanceof HTMLCanvasElement)) return { doc: documentOf(svg, [svg], caption) };
      const tokens = { x: 0, y: 0, width, height };
      return {
        doc: documentOf(svg, [svg], caption, [{ ...tokens, dataUrl: canvas.toDataURL('image/png') }]),
        rasterDoc: documentOf(svg, [svg], caption),
        overlays: [{ ...tokens, canvas }],
      };
    },
    csv() {
      throw new Error(`${WHAT} has no table: export a chart's CSV`);
    },
    fileName(id, ext) {
      // Side by side the file says so: `xen-hpc-io-diagram-ab-<B's mode>-…`.
      const figure = sideBySideOf(stage()) && appStore.getState().ab.pinned ? `${id}-ab` : id;
      return exportFileName(figure, appStore.getState().settings, ext, nowNs());
    },
  };
}

/** A's and B's diagrams with their labels and tokens, in the frame they share on screen. */
function bothSides(pair: SideBySideFigure, caption: string): BuiltFigure {
  const { box, svgs, canvases, labels } = pair;
  const bitmaps = canvases.map(({ canvas, ...at }) => ({ ...at, dataUrl: canvas.toDataURL('image/png') }));
  return {
    doc: documentOf(box, svgs, caption, bitmaps, labels),
    rasterDoc: documentOf(box, svgs, caption, [], labels),
    overlays: canvases,
  };
}
