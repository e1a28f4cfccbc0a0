import { useStore } from 'zustand';
import { NO_AB } from './ab.ts';
import { createActions } from './actions.ts';
import { createAppStore, initialState, type AppState } from './appStore.ts';
import { decodeLink, type Decoded } from './urlState.ts';

/** The link the page was opened with (null outside a browser): its simulated time is reached once the frame loop runs. */
export const openedLink: Decoded | null =
  typeof location === 'undefined' ? null : decodeLink(location.search);

/** The app's store, started from the URL (problems with the link become notices). */
export const appStore = createAppStore(
  openedLink
    ? {
        ...initialState(openedLink.settings, openedLink.problems),
        chartTab: openedLink.view.tab,
        controlsOpen: openedLink.view.settingsOpen,
        selectedMessage: openedLink.view.message,
        ab: { ...NO_AB, pinned: openedLink.pinned },
      }
    : initialState(),
);
export const actions = createActions(appStore);

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

export type { AppState, ChartTab, Readout, SweepState } from './appStore.ts';
export type { Settings } from './settings.ts';
