/**
 * The diagram as a figure at the current simulated time: the SVG of the I/O path with the token
 * canvas laid over it. In the SVG file the canvas goes in as a PNG `<image>` (a data URL), so the
 * tokens are exactly the pixels on screen; the PNG is the SVG without that image, rasterized at 2×,
 * with the canvas itself composited over it.
 */
import { appStore } from '../../store/index.ts';
import { captionText } from './caption.ts';
import type { Exporter } from './exporter.ts';
import { documentOf, findSvg, sizeOf } from './figureDom.ts';
import { exportFileName } from './fileName.ts';

const WHAT = 'The diagram';

export function diagramExporter(stage: () => HTMLElement | null, nowNs: () => number): Exporter {
  return {
    name: 'the diagram',
    figures: [{ id: 'diagram', label: 'diagram', hasCsv: false }],
    build() {
      const root = stage();
      const svg = findSvg(root, 'svg.io-path-diagram', WHAT);
      const canvas = root?.querySelector('canvas[data-testid="token-canvas"]');
      const caption = captionText(appStore.getState().settings, { nowNs: nowNs() });
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
      return exportFileName(id, appStore.getState().settings, ext, nowNs());
    },
  };
}
