import { createSweepClient } from '../worker/sweepClient.ts';
import type { SweepPool } from '../worker/sweepPool.ts';
import type { AppStore } from './appStore.ts';
import { sweepRequestOf } from './sweepRequest.ts';

export { chartModes, sweepRequestOf } from './sweepRequest.ts';

/** The pool behind the charts, for the test hook's count of the workers a sweep used. */
let activePool: SweepPool | null = null;

/** Workers that delivered runs to the current (or last) sweep: 0 before any. */
export function sweepWorkersUsed(): number {
  return activePool?.workersUsed ?? 0;
}

/**
 * Recomputes the sweep charts on the worker pool when a setting they depend on changes (not the
 * size: the charts sweep every size, and the size only moves their marker). The old curves stay,
 * dimmed, until every mode's coarse curve is in; the new curves then replace them, still dimmed
 * (`stale`) and filling in, until the sweep is complete. A newer change drops the older sweep.
 */
export function syncSweeps(store: AppStore, client: SweepPool = createSweepClient()): () => void {
  activePool = client;
  let key = '';
  const request = () => {
    const req = sweepRequestOf(store.getState().settings);
    const next = JSON.stringify(req);
    if (next === key) return;
    key = next;
    store.setState((s) => ({
      sweep: { ...s.sweep, stale: true, progress: { done: 0, total: 1 }, error: null },
    }));
    client.request(req, {
      onProgress: (done, total) =>
        store.setState((s) => ({ sweep: { ...s.sweep, progress: { done, total } } })),
      onPartial: (points) => store.setState((s) => ({ sweep: { ...s.sweep, points, stale: true } })),
      onResult: (points) => store.setState({ sweep: { points, stale: false, progress: null, error: null } }),
      onError: (message) =>
        store.setState((s) => ({ sweep: { ...s.sweep, progress: null, error: message } })),
    });
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.settings !== prev.settings) request();
  });
  // The pool gave up its workers (one failed twice, or none could start): the charts panel says so.
  const showNote = (sweepNote: string | null) => store.setState({ sweepNote });
  if (client.note) showNote(client.note);
  const unsubscribeNote = client.onNote(showNote);
  request();
  return () => {
    unsubscribe();
    unsubscribeNote();
    client.dispose();
    if (activePool === client) activePool = null;
  };
}
