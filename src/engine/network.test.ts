import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FifoServer, Simulator } from './index.ts';

/**
 * Two exponential servers in tandem fed by Poisson arrivals: a Jackson network, in which each
 * station behaves as an independent M/M/1 queue, so W = 1/(μ1 − λ) + 1/(μ2 − λ).
 *
 * With both loads at most 0.7 the relative variance of the mean is about 22/n (measured over many
 * seeds); 1.2 M customers put the 2% tolerance at about 4.5 standard deviations.
 */
const INTERARRIVAL_NS = 1_000_000;
const WARM_UP = 5_000;
const CUSTOMERS = 1_200_000;

function tandemSojournNs(seed: number, rho1: number, rho2: number): number {
  const sim = new Simulator({ seed });
  const first = new FifoServer(sim, 'first');
  const second = new FifoServer(sim, 'second');
  const arrivals = sim.rng('arrivals');
  const service1 = sim.rng('service1');
  const service2 = sim.rng('service2');
  // A customer leaving the first station arrives at the second at once.
  const toSecond = (): void => second.arrive(Math.round(service2.exponential(rho2 * INTERARRIVAL_NS)));
  let left = CUSTOMERS;
  const arrive = (): void => {
    first.arrive(Math.round(service1.exponential(rho1 * INTERARRIVAL_NS)), toSecond);
    if (--left > 0) sim.schedule(Math.round(arrivals.exponential(INTERARRIVAL_NS)), arrive);
  };
  sim.schedule(0, arrive);
  while (second.departed < WARM_UP) sim.step();
  const a = { sum: first.sojournNs.sum, count: first.sojournNs.count };
  const b = { sum: second.sojournNs.sum, count: second.sojournNs.count };
  sim.run();
  expect(second.departed).toBe(CUSTOMERS);
  return (
    (first.sojournNs.sum - a.sum) / (first.sojournNs.count - a.count) +
    (second.sojournNs.sum - b.sum) / (second.sojournNs.count - b.count)
  );
}

describe('tandem M/M/1 servers (Jackson network)', () => {
  it('mean time through both is 1/(μ1 − λ) + 1/(μ2 − λ) within 2%', { timeout: 120_000 }, () => {
    const load = fc.double({ min: 0.3, max: 0.7, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), load, load, (seed, rho1, rho2) => {
        const w = tandemSojournNs(seed, rho1, rho2);
        // 1/(μ − λ) = S/(1 − ρ) with S the mean service time ρ·(1/λ).
        const theory = (rho1 / (1 - rho1) + rho2 / (1 - rho2)) * INTERARRIVAL_NS;
        expect(Math.abs(w / theory - 1)).toBeLessThan(0.02);
      }),
      { numRuns: 3 },
    );
  });
});
