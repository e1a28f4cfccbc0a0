import { formatBytes, formatCount } from '../lib/format.ts';
import { figureRun } from '../model/figures.ts';
import { MODE_DESCRIPTORS } from '../model/modes.ts';
import { EVENT_BUDGET, EventBudgetExceeded } from '../model/run.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { runTask, type SweepTask } from './sweepTasks.ts';
import type { SweepRequest } from './sweeps.ts';

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
      message:
        e instanceof EventBudgetExceeded
          ? budgetMessage(m.request, m.task)
          : e instanceof Error
            ? e.message
            : String(e),
    };
  }
}

/**
 * A figure's point runs a fixed number of messages, so the model's own advice ("use fewer messages")
 * does not fit: the point is named, with what makes it long (the pairs, and for the throughput
 * figure the messages in flight, whose warm-up fills every slot) and the settings that shorten it.
 */
export function budgetMessage(r: SweepRequest, t: Pick<SweepTask, 'figure' | 'mode' | 'sizeBytes'>): string {
  const run = figureRun(t.figure, t.mode, t.sizeBytes, r);
  const streamed = run.workload === 'stream' && run.window > 1;
  const load = `${run.pairs} VM pair${run.pairs === 1 ? '' : 's'}${streamed ? `, ${run.window} messages in flight each` : ''}`;
  const lower = streamed ? 'the window or the VMs per host' : 'the VMs per host';
  return (
    `the ${t.figure} run of ${MODE_DESCRIPTORS[t.mode].label} at ${formatBytes(t.sizeBytes)} ` +
    `(${load}) needs more than ${formatCount(EVENT_BUDGET)} events, so the curves stop short of it: ` +
    `lower ${lower} to draw them whole.`
  );
}
