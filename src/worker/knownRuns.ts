import type { FigureName } from '../model/figures.ts';
import type { Mode } from '../model/types.ts';
import file from './knownRuns.json' with { type: 'json' };
import { planTasks, runKey, runTask, type TaskValue } from './sweepTasks.ts';
import type { SweepRequest } from './sweeps.ts';

/** One figure run of the default sweep and the number the charts read of it. */
export interface KnownRun {
  readonly figure: FigureName;
  readonly mode: Mode;
  readonly sizeBytes: number;
  readonly value: TaskValue;
}

/** knownRuns.json: the request of the page's default settings and every run of its sweep. */
export interface KnownRunsFile {
  readonly about: string;
  readonly request: SweepRequest;
  readonly runs: readonly KnownRun[];
}

const ABOUT =
  'The figure runs of the default settings’ sweep, computed ahead by `npm run docs` so a first ' +
  'visit shows its charts at once; src/store/knownRuns.test.ts recomputes every one.';

/**
 * Every run of `request`'s sweep, in the task list's order. The runs are pure functions of their
 * scenario, so these are the values the workers would compute, to the last bit.
 */
export function computeKnownRuns(request: SweepRequest): KnownRunsFile {
  const tasks = [...planTasks(request, 1)].sort((a, b) => a.index - b.index);
  const runs = tasks.map(({ figure, mode, sizeBytes }) => ({
    figure,
    mode,
    sizeBytes,
    value: runTask(request, { figure, mode, sizeBytes }),
  }));
  return { about: ABOUT, request, runs };
}

/** The file's runs by `runKey`, for the pool (`SweepPool.know`). */
export function knownRunsByKey(known: KnownRunsFile = file as KnownRunsFile): Map<string, TaskValue> {
  return new Map(known.runs.map((r) => [runKey(known.request, r), r.value]));
}
