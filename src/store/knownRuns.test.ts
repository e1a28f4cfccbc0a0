import { describe, expect, it } from 'vitest';
import file from '../worker/knownRuns.json' with { type: 'json' };
import { computeKnownRuns, knownRunsByKey, type KnownRunsFile } from '../worker/knownRuns.ts';
import { SweepPool } from '../worker/sweepPool.ts';
import type { PoolWorker } from '../worker/poolWorker.ts';
import type { ChartPoint } from '../worker/sweeps.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { sweepRequestOf } from './sweepRequest.ts';

const shipped = file as KnownRunsFile;

/** The runs the page starts with are the model's, not numbers kept: each is run again here. */
describe('knownRuns.json', () => {
  it('is the sweep of the default settings', () => {
    expect(shipped.request).toEqual(sweepRequestOf(DEFAULT_SETTINGS));
  });

  it('holds every run of that sweep with the value the model gives now (`npm run docs` rewrites it)', () => {
    expect(shipped.runs).toEqual(computeKnownRuns(shipped.request).runs);
  }, 120_000);

  it('lets the pool answer the default sweep without a run, and nothing else', () => {
    let runs = 0;
    const counting = (): PoolWorker => ({ post: () => void runs++, listen: () => {}, terminate: () => {} });
    const pool = new SweepPool(counting, 1, counting).know(knownRunsByKey());
    let result: ChartPoint[] | null = null;
    pool.request(shipped.request, {
      onProgress: () => {},
      onPartial: () => {},
      onResult: (points) => (result = points),
      onError: (m) => {
        throw new Error(m);
      },
    });
    expect(result).not.toBeNull();
    expect(result!.length).toBe(shipped.request.modes.length * 9 + 3 * 6);
    expect(runs).toBe(0);
    // Another request (one more VM) is run, not taken from the file.
    pool.request(
      { ...shipped.request, pairs: 2 },
      { onProgress: () => {}, onPartial: () => {}, onResult: () => {}, onError: () => {} },
    );
    expect(runs).toBeGreaterThan(0);
    pool.dispose();
  });
});
