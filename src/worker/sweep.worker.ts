/// <reference lib="webworker" />
import type { ToWorker } from './protocol.ts';
import { handleTask } from './taskHandler.ts';

// One of the pool's sweep workers: runs one figure run per message and posts its number.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<ToWorker>) => scope.postMessage(handleTask(e.data));
