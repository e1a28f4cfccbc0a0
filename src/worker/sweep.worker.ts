/// <reference lib="webworker" />
import type { ToWorker } from './protocol.ts';
import { SweepRunner } from './sweepRunner.ts';

// The sweep worker: decodes requests, runs them, posts progress and results.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const runner = new SweepRunner(
  (m) => scope.postMessage(m),
  (next) => setTimeout(next, 0),
);
scope.onmessage = (e: MessageEvent<ToWorker>) => {
  if (e.data.kind === 'sweep') runner.start(e.data.id, e.data.request);
  else runner.cancel(e.data.id);
};
