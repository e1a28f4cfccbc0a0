import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE_SETTINGS, cpuByCategory, figureTable, runFigurePoints } from '../model/figures.ts';
import { sweepLength, sweepPoint, type SweepRequest } from './sweeps.ts';

/** The charts and the command line run the same figure definitions: same settings, same numbers. */
describe('chart sweeps and the command line agree', () => {
  const sizes = [64, 4096];
  const request: SweepRequest = { ...DEFAULT_FIGURE_SETTINGS, modes: ['pv-tcp', 'zero-copy'], sizes };
  const points = Array.from({ length: request.modes.length * sizes.length }, (_, i) =>
    sweepPoint(request, i),
  );

  it.each(['latency', 'throughput', 'cpu'] as const)('%s: to the last digit', (figure) => {
    const cli = runFigurePoints(figure, DEFAULT_FIGURE_SETTINGS, request.modes, sizes);
    for (const c of cli) {
      const chart = points.find((p) => p.mode === c.mode && p.sizeBytes === c.sizeBytes)!;
      if (figure === 'latency') expect(chart.latencyUs).toBe(c.result.latencyUs.mean);
      if (figure === 'throughput') expect(chart.throughputMiBps).toBe(c.result.throughputMiBps);
      if (figure === 'cpu') {
        expect(chart.cpuNs.dom0).toEqual(cpuByCategory(c.result, 'dom0'));
        expect(chart.cpuNs.vm).toEqual(cpuByCategory(c.result, 'vm'));
      }
    }
    // The table `npm run sim -- figure` prints is made of the same results.
    const table = figureTable(figure, cli);
    expect(table.rows).toHaveLength(sizes.length);
  });

  it('pktgen points come from the pktgen figure', () => {
    const total = sweepLength(request);
    const first = sweepPoint(request, request.modes.length * sizes.length);
    const cli = runFigurePoints('pktgen', DEFAULT_FIGURE_SETTINGS, [first.mode], [first.sizeBytes]);
    expect(first.kind).toBe('pktgen');
    expect(first.throughputMiBps).toBe(cli[0].result.throughputMiBps);
    expect(total).toBeGreaterThan(request.modes.length * sizes.length);
  });
});
