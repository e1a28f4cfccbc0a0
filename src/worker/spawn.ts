import FileSweepWorker from './sweep.worker.ts?worker';
import InlineSweepWorker from './sweep.worker.ts?worker&inline';

/**
 * The one place a sweep worker is created, so every build can choose how its worker is loaded.
 * Returns null when workers cannot start; the caller then runs sweeps on the page.
 *
 * - The normal build: a module worker, its own file beside the page (precached for offline use).
 * - The single-file build (`vite build --mode single`) runs from file://, where no worker file sits
 *   beside the page and a module worker cannot start from a blob: URL: the worker is inlined in the
 *   page and started as a classic worker (`worker.format: 'iife'` in vite.config.ts).
 *
 * Each build replaces the loader it does not use with a stub (vite.config.ts), so neither carries
 * the other's copy of the worker.
 */
export function spawnSweepWorker(): Worker | null {
  try {
    return import.meta.env.MODE === 'single'
      ? new InlineSweepWorker({ name: 'sweep' })
      : new FileSweepWorker({ name: 'sweep' });
  } catch {
    return null;
  }
}
