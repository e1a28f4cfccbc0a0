import type { Category, DomainKind } from '../model/categories.ts';
import type { LiveComponents, LiveReadout } from '../live/index.ts';
import type { AppStore, SweepState } from './appStore.ts';
import { settingsProblems } from './settingsCheck.ts';
import type { Settings } from './settings.ts';

/** CPU time charged so far, ns, by domain and category (a live run's accounting, summed over vCPUs). */
export type CpuByDomainNs = Partial<Record<DomainKind, Partial<Record<Category, number>>>>;

/** What one side of the comparison has measured at the shared clock. */
export interface AbSide {
  readonly readout: LiveReadout;
  readonly cpuNs: CpuByDomainNs;
}

/**
 * A pinned scenario A beside the current one, B: both run live on one clock (the frame loop moves
 * A's run to B's simulated time), and A's sweep is drawn over B's on the sweep charts.
 */
export interface AbState {
  /** A's settings (its own speed is ignored: one clock), or null when nothing is pinned. */
  readonly pinned: Settings | null;
  /** A's run at the shared clock; null until it is first published. */
  readonly a: AbSide | null;
  /** B's numbers published at the same moment as A's, so the two are read at one time. */
  readonly b: AbSide | null;
  /** A's sweep, or null when it is B's own (the settings that differ do not change a sweep). */
  readonly sweep: SweepState | null;
  /** A's components (vCPUs, rings, event channels) at the shared clock, for A's diagram's gauges. */
  readonly aComponents: LiveComponents | null;
  /**
   * The diagram area shows A's diagram beside B's while A is pinned (on at every pin; the A/B tab's
   * "Side by side" turns it off for one large B). A view choice, not part of the link.
   */
  readonly sideBySide: boolean;
  /**
   * The journey panel shows the selected message in A's run (a token of A's diagram was clicked),
   * not in B's. Any other choice of a message (B's token, the timeline, a link, a tour) is B's.
   */
  readonly journeyOfA: boolean;
}

export const NO_AB: AbState = {
  pinned: null,
  a: null,
  b: null,
  sweep: null,
  aComponents: null,
  sideBySide: true,
  journeyOfA: false,
};

/** Pin, unpin and swap. Swapping applies A's settings to B through the same check as any change. */
export function createAbActions(store: AppStore, applySettings: (next: Settings) => boolean) {
  return {
    /** Pins the current scenario as A. */
    pinA(): void {
      store.setState((s) => ({ ab: { ...NO_AB, pinned: s.settings } }));
    },
    unpinA(): void {
      store.setState({ ab: NO_AB });
    },
    /** Opens message `id`'s journey in A's run (a click on a token of A's diagram); nothing when A is not pinned. */
    openJourneyOfA(id: number): void {
      store.setState((s) =>
        s.ab.pinned ? { selectedMessage: id, chartTab: 'journey', ab: { ...s.ab, journeyOfA: true } } : {},
      );
    },
    /** A's diagram beside B's (true) or B's alone, while A is pinned. */
    setSideBySide(on: boolean): void {
      store.setState((s) => ({ ab: { ...s.ab, sideBySide: on } }));
    },
    /** B becomes the pinned scenario and A the one that was current; false when A cannot run now. */
    swapAB(): boolean {
      const { ab, settings } = store.getState();
      if (!ab.pinned) return false;
      const next = { ...ab.pinned, speedNsPerSec: settings.speedNsPerSec };
      if (settingsProblems(next).length > 0) return false;
      const wasB = settings;
      if (!applySettings(next)) return false;
      store.setState({ ab: { ...NO_AB, pinned: wasB, sideBySide: ab.sideBySide } });
      return true;
    },
  };
}
