import type { Mode, Op, Workload } from '../model/types.ts';

/**
 * The tour file's format (docs/tour-format.md describes it for authors). A tour is JSON so a
 * lecturer can edit or replace `public/tours/poster.json` without building the app.
 */
export const TOUR_FORMAT_VERSION = 1;

/** Where the simulation stops for a step: a simulated time, or a moment of one message's journey. */
export type PauseAt =
  /** Simulated time from the start of the run, µs. */
  | { readonly us: number }
  /** The middle of the first span message `message` spends in a box (`dom0/netback`), on `host` if given. */
  | { readonly message: number; readonly in: string; readonly host?: number }
  /** The moment message `message`'s data arrives. */
  | { readonly message: number; readonly arrived: true };

/** What the audience guesses before the curve is revealed. */
export type PredictMetric = 'cpu.vm' | 'cpu.dom0' | 'throughput' | 'latency';
export const PREDICT_METRICS: readonly PredictMetric[] = ['cpu.vm', 'cpu.dom0', 'throughput', 'latency'];

export interface Predict {
  /** The question, read out before anyone guesses. */
  readonly question: string;
  readonly metric: PredictMetric;
  readonly mode: Mode;
  /** The message sizes the audience places a point at (bytes); every one must be a size the sweep runs. */
  readonly sizesBytes: readonly number[];
}

/** A step's scene as written: every field optional (settings left out keep the step before's). */
export interface SceneInput {
  readonly mode?: Mode;
  readonly op?: Op;
  readonly workload?: Workload;
  readonly sizeBytes?: number;
  readonly vms?: number;
  /** Model constants changed from their defaults; `{}` goes back to the defaults. */
  readonly params?: Readonly<Record<string, number>>;
  /** Simulated µs per second on screen while playing. */
  readonly speedUsPerSec?: number;
  /** The chart tab to open (kept from the step before when left out). */
  readonly tab?: string;
  /** The message whose journey the Journey tab shows. */
  readonly message?: number;
  readonly pauseAt?: PauseAt;
  /** Play from the paused moment (e.g. pktgen filling its queue). */
  readonly play?: boolean;
  /** Diagram boxes to outline: `dom0/netback` (every host) or `h0/dom0/netback` (one host). */
  readonly highlight?: readonly string[];
  /** What presenter mode shows, one view at a time (default: the charts at a prediction, else the diagram). */
  readonly focus?: 'diagram' | 'charts';
}

export interface TourStep {
  readonly title: string;
  /** Two or three sentences; `{…}` placeholders are filled from the model's results (placeholders.ts). */
  readonly text: string;
  readonly scene: SceneInput;
  readonly predict?: Predict;
}

export interface Tour {
  readonly format: number;
  readonly title: string;
  readonly steps: readonly TourStep[];
}
