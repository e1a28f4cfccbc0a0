import sweepWorkerUrl from './sweep.worker.ts?worker&url';
import sweepWorkerSource from './sweep.worker.ts?worker&inline&source';
import { ownBlobUrl, trustedWorkerUrl } from './trustedTypes.ts';

/**
 * The one place a sweep worker is created, so every build can choose how its worker is loaded.
 * Returns null when workers cannot start; the caller then runs sweeps on the page.
 *
 * - The normal build (and `vite dev`): a module worker, its own file beside the page (precached
 *   for offline use).
 * - The single-file build (`vite build --mode single`) runs from file://, where no worker file sits
 *   beside the page and a module worker cannot start from a blob: URL: the worker's code is inlined
 *   in the page as a string and started from a blob: URL as a classic worker (`worker.format:
 *   'iife'` in vite.config.ts).
 *
 * Either URL goes through the Trusted Types policy (trustedTypes.ts): the page's
 * Content-Security-Policy refuses a plain string here. Each build replaces the import it does not
 * use with a stub (vite.config.ts), so neither carries the other's copy of the worker.
 */
export function spawnSweepWorker(): Worker | null {
  try {
    return import.meta.env.MODE === 'single'
      ? new Worker(trustedWorkerUrl(ownBlobUrl(sweepWorkerSource)), { name: 'sweep' })
      : new Worker(trustedWorkerUrl(sweepWorkerUrl), { type: 'module', name: 'sweep' });
  } catch {
    return null;
  }
}
