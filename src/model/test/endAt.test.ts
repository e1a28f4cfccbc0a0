import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run.ts';
import { randomScenarios } from './randomScenarios.ts';

describe("a run that ends with its window (endAt: 'window')", () => {
  it('measures exactly what the drained run measures, with no more events', () => {
    fc.assert(
      fc.property(randomScenarios, (s) => {
        const drained = runScenario({ ...s, endAt: 'drained' });
        const windowed = runScenario({ ...s, endAt: 'window' });
        // Everything a figure reads is measured inside the window, so it cannot change.
        expect(windowed.latencyUs).toEqual(drained.latencyUs);
        expect(windowed.throughputMiBps).toBe(drained.throughputMiBps);
        expect(windowed.perPairThroughputMiBps).toEqual(drained.perPairThroughputMiBps);
        expect(windowed.cpuNsPerMessage).toEqual(drained.cpuNsPerMessage);
        expect(windowed.measuredNs).toBe(drained.measuredNs);
        expect(windowed.measuredMessages).toBe(drained.measuredMessages);
        expect(windowed.coldLatencyUs).toBe(drained.coldLatencyUs);
        expect(windowed.events).toBeLessThanOrEqual(drained.events);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
