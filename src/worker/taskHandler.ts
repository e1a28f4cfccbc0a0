import type { FromWorker, ToWorker } from './protocol.ts';
import { runTask } from './sweepTasks.ts';

/**
 * What a sweep worker does with a message: the same in a Web Worker, on the page and in Node.
 * `alive`, where given, hears of the run's progress while it runs (a Web Worker posts it).
 */
export function handleTask(m: ToWorker, alive?: (message: FromWorker) => void): FromWorker {
  const progress = alive
    ? (events: number) => alive({ kind: 'alive', id: m.id, index: m.task.index, events })
    : undefined;
  try {
    return { kind: 'done', id: m.id, index: m.task.index, value: runTask(m.request, m.task, progress) };
  } catch (e) {
    return {
      kind: 'failed',
      id: m.id,
      index: m.task.index,
      message: e instanceof Error ? e.message : String(e),
    };
  }
}
