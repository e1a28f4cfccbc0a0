import type { FromWorker, ToWorker } from './protocol.ts';
import { handleTask } from './taskHandler.ts';

/**
 * What the sweep pool needs of a worker, whatever runs it: a Web Worker, the page itself, or (in
 * the benchmark) a Node worker thread. `onDeath` is called at most once, when the worker can no
 * longer answer (it failed to load or crashed); its task is then run elsewhere.
 */
export interface PoolWorker {
  post(m: ToWorker): void;
  listen(onMessage: (m: FromWorker) => void, onDeath: () => void): void;
  terminate(): void;
}

/** A Web Worker as a pool worker. */
export function webPoolWorker(worker: Worker): PoolWorker {
  return {
    post: (m) => worker.postMessage(m),
    listen(onMessage, onDeath) {
      worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
      const die = (e: Event) => {
        e.preventDefault(); // handled here: the task is re-run elsewhere, so no console error
        worker.onerror = null;
        worker.onmessageerror = null;
        onDeath();
      };
      worker.onerror = die;
      worker.onmessageerror = die;
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * The page as a pool worker, where no Web Worker can start: one run per macrotask, so the page
 * stays responsive between runs (a single run cannot be cut short).
 */
export class InPageWorker implements PoolWorker {
  private onMessage: ((m: FromWorker) => void) | null = null;
  private readonly queue: ToWorker[] = [];
  private scheduled = false;
  private terminated = false;

  constructor(private readonly later: (f: () => void) => void = (f) => setTimeout(f, 0)) {}

  post(m: ToWorker): void {
    this.queue.push(m);
    this.schedule();
  }

  listen(onMessage: (m: FromWorker) => void): void {
    this.onMessage = onMessage;
  }

  terminate(): void {
    this.terminated = true;
    this.queue.length = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.terminated) return;
    this.scheduled = true;
    this.later(() => {
      this.scheduled = false;
      const m = this.queue.shift();
      if (!m || this.terminated) return;
      const reply = handleTask(m);
      if (!this.terminated) this.onMessage?.(reply);
      if (this.queue.length) this.schedule();
    });
  }
}
