import { createSweepClient } from '../worker/sweepClient.ts';
import type { SweepPool } from '../worker/sweepPool.ts';
import type { AppStore } from './appStore.ts';
import { sweepRequestOf } from './sweepSync.ts';

/**
 * Computes the pinned scenario A's sweep on a pool of its own, so A's curves can be drawn over B's.
 * Nothing runs while A's sweep would be B's own (A and B differ only in what a sweep does not read:
 * the size, the workload, the speed): `ab.sweep` is then null and the charts draw B alone.
 */
export function syncAbSweep(store: AppStore, makeClient: () => SweepPool = createSweepClient): () => void {
  let client: SweepPool | null = null;
  let key = '';
  const update = () => {
    const { ab, settings } = store.getState();
    const next = ab.pinned ? JSON.stringify(sweepRequestOf(ab.pinned)) : '';
    const own = next !== '' && next !== JSON.stringify(sweepRequestOf(settings));
    if (!own) {
      key = '';
      if (ab.sweep !== null) store.setState({ ab: { ...ab, sweep: null } });
      return;
    }
    if (next === key) return;
    key = next;
    client ??= makeClient();
    store.setState({
      ab: { ...ab, sweep: { points: [], stale: true, progress: { done: 0, total: 1 }, error: null } },
    });
    const patch = (sweep: Partial<NonNullable<typeof ab.sweep>>) => {
      const now = store.getState().ab;
      if (!now.sweep || key !== next) return; // unpinned, or a newer A since
      store.setState({ ab: { ...now, sweep: { ...now.sweep, ...sweep } } });
    };
    client.request(sweepRequestOf(ab.pinned!), {
      onProgress: (done, total) => patch({ progress: { done, total } }),
      onPartial: (points) => patch({ points, stale: true }),
      onResult: (points) => patch({ points, stale: false, progress: null, error: null }),
      onError: (message) => patch({ progress: null, error: message }),
    });
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.ab.pinned !== prev.ab.pinned || s.settings !== prev.settings) update();
  });
  update();
  return () => {
    unsubscribe();
    client?.dispose();
  };
}
