import { createRun, type ModelRun } from '../run.ts';
import type { Scenario } from '../types.ts';
import type { Message } from '../paths/message.ts';

/** A scenario with the defaults filled in. */
export function scenario(over: Partial<Scenario>): Scenario {
  return {
    mode: 'zero-copy',
    workload: 'pingpong',
    op: 'write',
    sizeBytes: 64,
    pairs: 1,
    window: 8,
    messages: 1,
    seed: 1,
    params: {},
    ...over,
  };
}

/** Runs one message alone and returns its exact one-way time in ns, and the run. */
export function oneMessage(over: Partial<Scenario>): { latencyNs: number; run: ModelRun } {
  const run = createRun(scenario({ ...over, messages: 1, warmupMessages: 0, traceCapacity: 100_000 }));
  run.sim.run();
  const lat = run.recorder.latencyNs;
  if (lat.count !== 1) throw new Error(`expected one delivered message, got ${lat.count}`);
  return { latencyNs: lat.mean, run };
}

export type { Message };
