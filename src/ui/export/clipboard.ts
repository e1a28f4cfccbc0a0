/**
 * "Copy figure": a PNG on the clipboard, where the browser lets a page write images there (the
 * asynchronous Clipboard API with ClipboardItem, a secure context and permission). Otherwise a
 * message that says so and what to do instead; never an exception.
 */

export interface CopyResult {
  readonly ok: boolean;
  readonly message: string;
}

const INSTEAD = 'save the PNG and insert the file instead';

/** Whether this browser can put an image on the clipboard at all (it may still refuse per page). */
export function canCopyImages(): boolean {
  if (typeof ClipboardItem === 'undefined' || typeof navigator === 'undefined') return false;
  if (!navigator.clipboard || typeof navigator.clipboard.write !== 'function') return false;
  const supports = (ClipboardItem as unknown as { supports?: (type: string) => boolean }).supports;
  return typeof supports === 'function' ? supports('image/png') : true;
}

/**
 * Writes the PNG that `png` resolves to. The write is started at once with the promise (not after
 * awaiting it), so the click's user activation still counts when the picture is ready.
 */
export async function copyPng(png: Promise<Blob>): Promise<CopyResult> {
  if (!canCopyImages()) {
    png.catch(() => undefined);
    return { ok: false, message: `This browser does not let a page copy images: ${INSTEAD}.` };
  }
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return { ok: true, message: 'Figure copied to the clipboard as a PNG.' };
  } catch (e) {
    const why = e instanceof Error && e.name === 'NotAllowedError' ? 'not allowed here' : 'failed';
    return { ok: false, message: `Copying the figure ${why}: ${INSTEAD}.` };
  }
}
