import { DEFAULT_SETTINGS, type Settings } from '../store/settings.ts';
import type { PauseAt, TourStep } from './format.ts';

/** Everything a step puts on screen, fully resolved: applying it gives the same picture every time. */
export interface Scene {
  readonly settings: Settings;
  readonly tab: string;
  /** The message whose journey is open, or null (the journey follows the latest). */
  readonly message: number | null;
  /** Where the run stops; null: at t = 0. */
  readonly pauseAt: PauseAt | null;
  readonly play: boolean;
  readonly highlight: readonly string[];
  readonly focus: 'diagram' | 'charts' | null;
}

/** Where a tour starts from: the app's defaults, the seed and window included, so a step is the same on every machine. */
export const TOUR_START: Scene = {
  settings: DEFAULT_SETTINGS,
  tab: 'cpu',
  message: null,
  pauseAt: null,
  play: false,
  highlight: [],
  focus: null,
};

/**
 * Step → scene. The run's settings and the chart tab carry over from the step before (a tour reads
 * as a sequence of changes); the moment, the selected message, playing and the highlights belong to
 * their step alone. Depends only on the tour, never on what the user did in between, so `?tour=N`
 * and "resume at step N" show the same scene.
 */
export function resolveScenes(steps: readonly TourStep[], start: Scene = TOUR_START): Scene[] {
  const out: Scene[] = [];
  let prev = start;
  for (const { scene: s } of steps) {
    const settings: Settings = {
      ...prev.settings,
      ...(s.mode !== undefined && { mode: s.mode }),
      ...(s.op !== undefined && { op: s.op }),
      ...(s.workload !== undefined && { workload: s.workload }),
      ...(s.sizeBytes !== undefined && { sizeBytes: s.sizeBytes }),
      ...(s.vms !== undefined && { vms: s.vms }),
      ...(s.params !== undefined && { params: { ...s.params } }),
      ...(s.speedUsPerSec !== undefined && { speedNsPerSec: Math.round(s.speedUsPerSec * 1000) }),
    };
    const scene: Scene = {
      settings,
      tab: s.tab ?? (s.message !== undefined ? 'journey' : prev.tab),
      message: s.message ?? null,
      pauseAt: s.pauseAt ?? null,
      play: s.play ?? false,
      highlight: s.highlight ?? [],
      focus: s.focus ?? null,
    };
    out.push(scene);
    prev = scene;
  }
  return out;
}

/** The box ids a highlight names on a diagram with these ids: `dom0/netback` matches it on every host. */
export function highlightedBoxIds(highlight: readonly string[], boxIds: readonly string[]): string[] {
  return boxIds.filter((id) =>
    highlight.some((h) => id === h || (!/^h\d+\//.test(h) && id.replace(/^h\d+\//, '') === h)),
  );
}
