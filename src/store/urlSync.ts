import type { AppStore } from './appStore.ts';
import { encodeSettings } from './urlState.ts';

const THROTTLE_MS = 150; // browsers rate-limit replaceState; a slider drag must not hit the limit

/**
 * Keeps the URL in step with the settings: replaceState (no history entry per slider tick),
 * throttled, and flushed when the page is hidden so a reload right after an edit loses nothing.
 */
export function syncUrl(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = location.search;
  const write = () => {
    timer = null;
    const search = encodeSettings(store.getState().settings);
    if (search === written) return;
    written = search;
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.settings !== prev.settings && timer === null) timer = setTimeout(write, THROTTLE_MS);
  });
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      write();
    }
  };
  addEventListener('pagehide', flush);
  write();
  return () => {
    unsubscribe();
    removeEventListener('pagehide', flush);
    flush();
  };
}
