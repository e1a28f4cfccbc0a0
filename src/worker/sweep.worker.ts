/// <reference lib="webworker" />
import type { FromWorker, ToWorker } from './protocol.ts';
import { handleTask } from './taskHandler.ts';

// One of the pool's sweep workers: runs one figure run per message and posts its number, with a
// sign of life every million events or so of a long run (the pool's watchdog waits for those).
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker) => scope.postMessage(m);
scope.onmessage = (e: MessageEvent<ToWorker>) => post(handleTask(e.data, post));
