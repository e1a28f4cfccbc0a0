import type { FromWorker, ToWorker } from './protocol.ts';
import { runTask } from './sweepTasks.ts';

/** What a sweep worker does with a message: the same in a Web Worker, on the page and in Node. */
export function handleTask(m: ToWorker): FromWorker {
  try {
    return { kind: 'done', id: m.id, index: m.task.index, value: runTask(m.request, m.task) };
  } catch (e) {
    return {
      kind: 'failed',
      id: m.id,
      index: m.task.index,
      message: e instanceof Error ? e.message : String(e),
    };
  }
}
