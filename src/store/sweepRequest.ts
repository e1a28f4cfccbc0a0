import { POSTER } from '../model/poster.ts';
import type { Mode } from '../model/types.ts';
import type { SweepRequest } from '../worker/sweeps.ts';
import { pairsOf, type Settings } from './settings.ts';

/** The modes the sweep charts compare: the poster's two, and the chosen one if it is another. */
export function chartModes(mode: Mode): Mode[] {
  const base = POSTER.comparedModes;
  return base.includes(mode) ? [...base] : [...base, mode];
}

/** What the sweep charts of these settings compute (the size only moves their marker: not in it). */
export function sweepRequestOf(s: Settings): SweepRequest {
  return {
    modes: chartModes(s.mode),
    op: s.op,
    pairs: pairsOf(s),
    window: s.window,
    seed: s.seed,
    params: s.params,
  };
}
