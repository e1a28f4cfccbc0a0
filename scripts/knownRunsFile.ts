import { sweepRequestOf } from '../src/store/sweepRequest.ts';
import { DEFAULT_SETTINGS } from '../src/store/settings.ts';
import { computeKnownRuns } from '../src/worker/knownRuns.ts';

/** src/worker/knownRuns.json as `npm run docs` writes it: the default settings' sweep, run now. */
export const knownRunsJson = (): string =>
  `${JSON.stringify(computeKnownRuns(sweepRequestOf(DEFAULT_SETTINGS)), null, 2)}\n`;
