import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE_SETTINGS, figureRun } from '../figures.ts';
import { PROGRESS_EVERY_EVENTS, runScenario } from '../run.ts';
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

describe('a run’s progress', () => {
  it('is reported every 2^20 events and changes nothing in the run', () => {
    const s = figureRun('throughput', 'pv-tcp', 262_144, { ...DEFAULT_FIGURE_SETTINGS, pairs: 16 });
    const heard: number[] = [];
    const withProgress = runScenario(s, (events) => heard.push(events));
    const without = runScenario(s);
    expect(withProgress).toEqual(without);
    expect(without.events).toBeGreaterThan(PROGRESS_EVERY_EVENTS);
    expect(heard).toEqual(
      Array.from(
        { length: Math.floor(without.events / PROGRESS_EVERY_EVENTS) },
        (_, i) => (i + 1) * PROGRESS_EVERY_EVENTS,
      ),
    );
  });
});
