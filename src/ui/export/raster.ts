/**
 * SVG → PNG through a canvas: the document is loaded as an image, drawn at `scale` (2× for slides),
 * and canvases laid over the figure on screen (the diagram's tokens) are composited on top at the
 * same scale.
 */

export interface CanvasOverlay {
  readonly canvas: HTMLCanvasElement;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the figure could not be drawn as an image'));
    img.src = url;
  });
}

export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale: number,
  overlays: readonly CanvasOverlay[] = [],
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas in this browser');
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.drawImage(img, 0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    for (const o of overlays) ctx.drawImage(o.canvas, o.x, o.y, o.width, o.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
