import type { ChartTab } from '../appStore.ts';
import type { Settings } from '../settings.ts';

/** Where the page is, beside what runs: what a link and a scenario file carry besides the settings. */
export interface LinkView {
  /** The chart tab on screen. */
  readonly tab: ChartTab;
  /** The settings panel is open. */
  readonly settingsOpen: boolean;
  /** Simulated time the live run is paused at, in ns (0: the start). */
  readonly timeNs: number;
  /** The message whose journey is open, or null. */
  readonly message: number | null;
}

export const DEFAULT_VIEW: LinkView = { tab: 'cpu', settingsOpen: false, timeNs: 0, message: null };

/** Everything a link holds (the tour's step travels as a view flag, read by the tour). */
export interface LinkState {
  readonly settings: Settings;
  readonly view: LinkView;
  /** A pinned scenario A (the A/B comparison), or none. */
  readonly pinned?: Settings | null;
}

/** The link's key of the pinned scenario A: its run settings as a query string of their own. */
export const PINNED_KEY = 'ab';
