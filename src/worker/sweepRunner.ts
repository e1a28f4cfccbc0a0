import type { FromWorker } from './protocol.ts';
import { sweepLength, sweepPoint, type ChartPoint, type SweepRequest } from './sweeps.ts';

/**
 * Runs a sweep point by point, yielding between points so a newer request can cancel it. The same
 * code runs in the worker and, when no worker can start, on the page.
 */
export class SweepRunner {
  private current = -1;

  constructor(
    private readonly post: (m: FromWorker) => void,
    private readonly yieldNow: (next: () => void) => void,
  ) {}

  start(id: number, request: SweepRequest): void {
    this.current = id;
    const total = sweepLength(request);
    const points: ChartPoint[] = [];
    const step = (i: number) => {
      if (this.current !== id) return; // superseded
      if (i === total) {
        this.post({ kind: 'result', id, points });
        return;
      }
      try {
        points.push(sweepPoint(request, i));
      } catch (e) {
        this.post({ kind: 'error', id, message: e instanceof Error ? e.message : String(e) });
        return;
      }
      this.post({ kind: 'progress', id, done: i + 1, total });
      this.yieldNow(() => step(i + 1));
    };
    step(0);
  }

  cancel(id: number): void {
    if (this.current === id) this.current = -1;
  }
}
