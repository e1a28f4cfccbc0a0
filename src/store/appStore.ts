import { createStore } from 'zustand/vanilla';
import type { LiveComponents, LiveSample } from '../worker/liveRun.ts';
import type { SweepPoint } from '../worker/sweeps.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';

export type ChartTab = 'cpu' | 'throughput' | 'latency' | 'pktgen' | 'live' | 'journey';

/** Numbers the frame loop publishes a few times a second (never per event). */
export interface Readout {
  readonly nowNs: number;
  readonly events: number;
  readonly delivered: number;
  readonly latencyUs: number;
  readonly throughputMiBps: number;
  readonly ended: boolean;
}

export interface SweepState {
  readonly points: SweepPoint[];
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
}

export const EMPTY_READOUT: Readout = {
  nowNs: 0,
  events: 0,
  delivered: 0,
  latencyUs: 0,
  throughputMiBps: 0,
  ended: false,
};

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
  };
}

/** One store for the app (a factory, so tests get fresh ones). */
export function createAppStore(state: AppState = initialState()) {
  return createStore<AppState>()(() => state);
}

export type AppStore = ReturnType<typeof createAppStore>;
