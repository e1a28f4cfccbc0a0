import { useStore } from 'zustand';
import { createActions } from './actions.ts';
import { createAppStore, initialState, type AppState } from './appStore.ts';
import { decodeSettings } from './urlState.ts';

/** The app's store, started from the URL (problems with the link become notices). */
const decoded = typeof location === 'undefined' ? null : decodeSettings(location.search);
export const appStore = createAppStore(initialState(decoded?.settings, decoded?.problems));
export const actions = createActions(appStore);

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

export type { AppState, ChartTab, Readout, SweepState } from './appStore.ts';
export type { Settings } from './settings.ts';
