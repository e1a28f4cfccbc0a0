import type { AppState, AppStore } from './appStore.ts';
import type { LinkView } from './link/linkState.ts';
import { encodeLink, setPinnedSource, setViewSource } from './urlState.ts';

/** Browsers rate-limit replaceState (Safari throws past 100 calls in 10–30 s): a slider drag must not hit it. */
const THROTTLE_MS = 150;
/** While the run plays, the clock alone rewrites the link at most this often. */
const PLAYING_TIME_THROTTLE_MS = 1_000;

/** The view part of the state, as the link says it. */
export function viewOf(s: AppState): LinkView {
  return {
    tab: s.chartTab,
    settingsOpen: s.controlsOpen,
    timeNs: s.readout.nowNs,
    message: s.selectedMessage,
  };
}

/**
 * Keeps the URL in step with the state (settings, chart tab, settings panel, simulated time,
 * selected message): replaceState (no history entry per slider tick), throttled, and flushed when
 * the page is hidden so a reload right after an edit loses nothing.
 */
export function syncUrl(store: AppStore): () => void {
  setViewSource(() => viewOf(store.getState()));
  setPinnedSource(() => store.getState().ab.pinned);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const s = store.getState();
    const search = encodeLink({ settings: s.settings, view: viewOf(s), pinned: s.ab.pinned });
    // Compared with the address bar, not with our last write: the tour and presenter mode write too.
    if (search === location.search) return;
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (timer !== null) return;
    const changed =
      s.settings !== prev.settings ||
      s.chartTab !== prev.chartTab ||
      s.controlsOpen !== prev.controlsOpen ||
      s.selectedMessage !== prev.selectedMessage ||
      s.ab.pinned !== prev.ab.pinned ||
      s.playing !== prev.playing;
    if (changed) timer = setTimeout(write, THROTTLE_MS);
    else if (s.readout.nowNs !== prev.readout.nowNs)
      timer = setTimeout(write, s.playing ? PLAYING_TIME_THROTTLE_MS : THROTTLE_MS);
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
