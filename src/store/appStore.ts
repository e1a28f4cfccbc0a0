import { createStore } from 'zustand/vanilla';
import { EMPTY_READOUT, type LiveComponents, type LiveReadout, type LiveSample } from '../live/index.ts';
import type { ChartPoint } from '../worker/sweeps.ts';
import { NO_AB, type AbState } from './ab.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';

/** The chart tabs' keys (the link's `tab`); the tab bar's order and labels are the UI's (chartTabs.tsx). */
export const CHART_TAB_KEYS = [
  'cpu',
  'throughput',
  'latency',
  'pktgen',
  'live',
  'timeline',
  'ab',
  'journey',
] as const;
export type ChartTab = (typeof CHART_TAB_KEYS)[number];

/** Numbers the frame loop publishes a few times a second (never per event), each with what it is. */
export type Readout = LiveReadout;

export interface SweepState {
  readonly points: ChartPoint[];
  /** Recomputing: the old curves stay, dimmed. */
  readonly stale: boolean;
  readonly progress: { done: number; total: number } | null;
  readonly error: string | null;
}

export interface AppState {
  readonly settings: Settings;
  /** Problems found reading the link, shown until dismissed. */
  readonly notices: string[];
  readonly playing: boolean;
  readonly controlsOpen: boolean;
  readonly chartTab: ChartTab;
  /** A message whose journey is open, or null. */
  readonly selectedMessage: number | null;
  readonly readout: Readout;
  readonly liveSeries: readonly LiveSample[];
  readonly components: LiveComponents | null;
  readonly sweep: SweepState;
  /** Why the sweeps run on the page instead of on workers (null while workers run them). */
  readonly sweepNote: string | null;
  /** The last refused settings change: its message by the field it was for (`size`, a constant's name). */
  readonly fieldProblems: Readonly<Record<string, string>>;
  /** A pinned scenario A compared with the current one (ab.ts). */
  readonly ab: AbState;
  /**
   * A replay from the seed under way (going back further than the recording keeps), done a slice
   * per frame: how far, in events or simulated ns. Null when none.
   */
  readonly replay: { readonly done: number; readonly total: number; readonly unit: 'events' | 'ns' } | null;
}

export function initialState(settings: Settings = DEFAULT_SETTINGS, notices: string[] = []): AppState {
  return {
    settings,
    notices,
    playing: false,
    controlsOpen: false,
    chartTab: 'cpu',
    selectedMessage: null,
    readout: EMPTY_READOUT,
    liveSeries: [],
    components: null,
    sweep: { points: [], stale: true, progress: null, error: null },
    sweepNote: null,
    replay: null,
    fieldProblems: {},
    ab: NO_AB,
  };
}

/** One store for the app (a factory, so tests get fresh ones). */
export function createAppStore(state: AppState = initialState()) {
  return createStore<AppState>()(() => state);
}

export type AppStore = ReturnType<typeof createAppStore>;
