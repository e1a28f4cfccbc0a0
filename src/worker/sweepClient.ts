import type { FromWorker, ToWorker } from './protocol.ts';
import { spawnSweepWorker } from './spawn.ts';
import { SweepRunner } from './sweepRunner.ts';
import type { ChartPoint, SweepRequest } from './sweeps.ts';

export interface SweepCallbacks {
  onProgress(done: number, total: number): void;
  onResult(points: ChartPoint[]): void;
  onError(message: string): void;
}

/**
 * Runs sweeps in a Web Worker, so dragging a slider never drops a frame; the newest request wins.
 * If the worker cannot start or dies, it runs them on the page instead (in small steps), and a
 * request pending at the crash is re-run there rather than lost.
 */
export class SweepClient {
  private worker: Worker | null = null;
  private fallback: SweepRunner | null = null;
  private nextId = 1;
  private pending: { id: number; request: SweepRequest; callbacks: SweepCallbacks } | null = null;

  constructor() {
    this.worker = spawnSweepWorker();
    if (this.worker) {
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
      this.worker.onerror = (e) => {
        e.preventDefault();
        this.useFallback();
      };
    }
  }

  /** True when sweeps run on the page (no worker). */
  get inThread(): boolean {
    return this.worker === null;
  }

  request(request: SweepRequest, callbacks: SweepCallbacks): void {
    if (this.pending) this.send({ kind: 'cancel', id: this.pending.id });
    const id = this.nextId++;
    this.pending = { id, request, callbacks };
    this.send({ kind: 'sweep', id, request });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending = null;
  }

  private send(m: ToWorker): void {
    if (this.worker) this.worker.postMessage(m);
    else {
      this.fallback ??= new SweepRunner(
        (r) => this.receive(r),
        (next) => setTimeout(next, 0),
      );
      if (m.kind === 'sweep') this.fallback.start(m.id, m.request);
      else this.fallback.cancel(m.id);
    }
  }

  private receive(m: FromWorker): void {
    const p = this.pending;
    if (!p || p.id !== m.id) return;
    if (m.kind === 'progress') p.callbacks.onProgress(m.done, m.total);
    else {
      this.pending = null;
      if (m.kind === 'result') p.callbacks.onResult(m.points);
      else p.callbacks.onError(m.message);
    }
  }

  private useFallback(): void {
    this.worker?.terminate();
    this.worker = null;
    const p = this.pending;
    if (p) {
      this.pending = null;
      this.request(p.request, p.callbacks);
    }
  }
}
