/**
 * What an export menu works on: the figures it offers (a chart, or the CPU tab's views), how to
 * build each one's SVG document and table, and the file names. `runExport` turns a choice into a
 * saved file, or a PNG on the clipboard, and returns the sentence the menu shows.
 */
import { copyPng } from './clipboard.ts';
import type { FigureDocument } from './compose.ts';
import { saveBlob, saveText } from './download.ts';
import type { ExportExtension } from './fileName.ts';
import { svgToPng, type CanvasOverlay } from './raster.ts';

export type ExportAction = 'png' | 'svg' | 'csv' | 'copy';

/** The PNG's scale: 2× the figure on screen, sharp on a projector or a slide. */
export const PNG_SCALE = 2;

export interface FigureChoice {
  /** Used in file names and in `data-figure`. */
  readonly id: string;
  /** Its name in the menu. */
  readonly label: string;
  readonly hasCsv: boolean;
}

/** A figure ready to save: its SVG document, and the document and canvases the PNG is made of. */
export interface BuiltFigure {
  readonly doc: FigureDocument;
  /** The document to rasterize when it differs from `doc` (the diagram: without its token bitmap). */
  readonly rasterDoc?: FigureDocument;
  /** Canvases composited over the rasterized document. */
  readonly overlays?: readonly CanvasOverlay[];
}

export interface Exporter {
  /** What is exported, for labels: "the throughput chart". */
  readonly name: string;
  readonly figures: readonly FigureChoice[];
  /** Builds the figure from what is on screen now; throws with a sentence when it is not on screen. */
  build(id: string): BuiltFigure;
  /** The figure's table as CSV, from the data the chart is drawn from. */
  csv(id: string): string;
  fileName(id: string, ext: ExportExtension): string;
}

/** The PNG of a built figure at PNG_SCALE. */
export function pngOf(f: BuiltFigure): Promise<Blob> {
  const d = f.rasterDoc ?? f.doc;
  return svgToPng(d.svg, d.width, d.height, PNG_SCALE, f.overlays ?? []);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Does `action` on figure `id`; resolves to what to tell the user (never rejects). */
export async function runExport(exporter: Exporter, id: string, action: ExportAction): Promise<string> {
  try {
    if (action === 'csv') {
      const name = exporter.fileName(id, 'csv');
      saveText(exporter.csv(id), name, 'text/csv;charset=utf-8');
      return `Saved ${name}`;
    }
    const figure = exporter.build(id);
    if (action === 'copy') return (await copyPng(pngOf(figure))).message;
    const name = exporter.fileName(id, action);
    if (action === 'svg') saveText(figure.doc.svg, name, 'image/svg+xml;charset=utf-8');
    else saveBlob(await pngOf(figure), name);
    return `Saved ${name}`;
  } catch (e) {
    return `Export failed: ${message(e)}`;
  }
}
