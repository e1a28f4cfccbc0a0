import { describe, expect, it } from 'vitest';
import type { ChartPoint } from '../worker/sweeps.ts';
import type { Predict } from './format.ts';
import { describeDifference, guessDomain, realCurve, shapeGuess } from './predict.ts';

const P: Predict = { question: 'q', metric: 'cpu.vm', mode: 'zero-copy', sizesBytes: [64, 1024, 4194304] };
const point = (mode: ChartPoint['mode'], sizeBytes: number, vmNs: number): ChartPoint => ({
  kind: 'rdma',
  mode,
  sizeBytes,
  latencyUs: 1,
  throughputMiBps: 1,
  cpuNs: { dom0: {}, vm: { syscall: vmNs } },
});

describe('predict, then reveal', () => {
  it("reads the model's curve at the asked sizes, and only once the sweep has every one", () => {
    const points = [point('zero-copy', 64, 7200), point('zero-copy', 1024, 7200)];
    expect(realCurve(points, P)).toBeNull();
    expect(realCurve([...points, point('zero-copy', 4194304, 7300)], P)).toEqual([7.2, 7.2, 7.3]);
  });

  it('places the guessing axis around every mode, so the asked curve is not given away', () => {
    const [lo, hi] = guessDomain(
      [point('zero-copy', 64, 7200), point('pv-tcp', 4194304, 23_000_000)],
      'cpu.vm',
    );
    expect(lo).toBeLessThan(7.2);
    expect(hi).toBeGreaterThan(23_000);
  });

  it('shapes are what they are called', () => {
    const d: [number, number] = [1, 10_000];
    const flat = shapeGuess('flat', d, 5);
    expect(new Set(flat).size).toBe(1);
    const grows = shapeGuess('grows', d, 5);
    expect(grows.every((v, i) => i === 0 || v > grows[i - 1])).toBe(true);
    const falls = shapeGuess('falls', d, 5);
    expect(falls.every((v, i) => i === 0 || v < falls[i - 1])).toBe(true);
    for (const v of [...flat, ...grows, ...falls]) expect(v).toBeGreaterThanOrEqual(1);
  });

  it('names the difference: the trend of each, and where they are furthest apart', () => {
    const words = describeDifference(P, [10, 100, 1000], [7.2, 7.2, 7.3]).join(' ');
    expect(words).toMatch(/the model stays about flat \(7\.2 µs → 7\.3 µs\); your guess grows 100×/);
    expect(words).toMatch(
      /Within 2× at 1 of 3 sizes; furthest at 4 MiB: you said 1000 µs, the model 7\.3 µs \(137× too high\)/,
    );
    expect(describeDifference(P, [7, 8, 7], [7.2, 7.2, 7.3]).join(' ')).toMatch(/well predicted/);
  });
});
