/**
 * The one place a sweep worker is created, so every build can choose how its worker is loaded
 * (a module worker from the origin in the normal build). Returns null when workers cannot start;
 * the caller then runs sweeps on the page.
 */
export function spawnSweepWorker(): Worker | null {
  try {
    return new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}
