import { sweepRequestOf } from '../src/store/sweepRequest.ts';
import { DEFAULT_SETTINGS } from '../src/store/settings.ts';
import { computeKnownRuns } from '../src/worker/knownRuns.ts';

/**
 * src/worker/knownRuns.json as `npm run docs` writes it: the default settings' sweep, run now, one
 * run per line (so a change of the model shows in a diff as the runs it moved).
 */
export function knownRunsJson(): string {
  const { about, request, runs } = computeKnownRuns(sweepRequestOf(DEFAULT_SETTINGS));
  const lines = runs.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  return `{\n  "about": ${JSON.stringify(about)},\n  "request": ${JSON.stringify(request)},\n  "runs": [\n${lines}\n  ]\n}\n`;
}
