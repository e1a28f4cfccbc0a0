import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Scene } from '../../tour/scene.ts';
import type { Tour } from '../../tour/format.ts';

/** One audience guess at a predict step: values at the prediction's sizes. */
export interface Guess {
  readonly values: readonly number[];
  /** The audience has placed a point or picked a shape: the reveal may go ahead. */
  readonly committed: boolean;
  readonly revealed: boolean;
}

export interface TourState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  /** Where the tour was read from (shown with its errors). */
  readonly source: string;
  readonly tour: Tour | null;
  readonly scenes: readonly Scene[];
  /** Problems with the tour file or the link, each naming its field. */
  readonly errors: readonly string[];
  /** The step on screen (0-based), or null when no tour is running. */
  readonly step: number | null;
  /** The step to come back to after leaving the tour. */
  readonly resumeStep: number | null;
  /** Where the step's scene paused the run, ns (null: not paused by the step). */
  readonly pausedAtNs: number | null;
  /** What the step could not do (a pause the run never reached, a highlight the diagram lacks). */
  readonly sceneNotes: readonly string[];
  readonly guesses: Readonly<Record<number, Guess>>;
  /** The step's text folded away (T), so the view under it gets the whole height; a new step unfolds it. */
  readonly folded: boolean;
}

export const initialTourState: TourState = {
  status: 'idle',
  source: '',
  tour: null,
  scenes: [],
  errors: [],
  step: null,
  resumeStep: null,
  pausedAtNs: null,
  sceneNotes: [],
  guesses: {},
  folded: false,
};

/** The tour's own small store: the app's store holds the run, this one where the story is. */
export const tourStore = createStore<TourState>()(() => initialTourState);

export function useTour<T>(selector: (s: TourState) => T): T {
  return useStore(tourStore, selector);
}

/** True while a tour step is on screen (the keyboard hands ← → PageUp PageDown Esc to the tour). */
export const tourActive = () => tourStore.getState().step !== null;
