import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FifoServer, Simulator } from './index.ts';

/**
 * One FIFO server with Poisson arrivals, checked against queueing theory. Means are large (1 ms) so
 * rounding each draw to whole nanoseconds is negligible.
 *
 * Run lengths come from the variance of the estimate, not from luck. The sample mean of sojourn
 * times in an M/M/1 queue has a relative variance of about c/n, with c ≈ 80 at ρ = 0.8 and c ≈ 8 at
 * ρ = 0.5 (measured over many seeds; heavy load makes successive sojourns strongly correlated). The
 * lengths below put the 2% tolerance at about 4.5 standard deviations, so a failure means a bug,
 * not an unlucky seed.
 */
const SERVICE_NS = 1_000_000;
/** Departures discarded before measuring, so the empty start does not bias the mean. */
const WARM_UP = 5_000;

type ServiceKind = 'exponential' | 'deterministic';

/** Mean time in system, in ns, of the customers after the warm-up. */
function meanSojournNs(seed: number, rho: number, customers: number, service: ServiceKind): number {
  const sim = new Simulator({ seed });
  const server = new FifoServer(sim, 'server');
  const arrivals = sim.rng('arrivals');
  const services = sim.rng('service');
  const interarrivalNs = SERVICE_NS / rho;
  const draw =
    service === 'exponential' ? () => Math.round(services.exponential(SERVICE_NS)) : () => SERVICE_NS;
  let left = customers;
  const arrive = (): void => {
    server.arrive(draw());
    if (--left > 0) sim.schedule(Math.round(arrivals.exponential(interarrivalNs)), arrive);
  };
  sim.schedule(0, arrive);
  while (server.departed < WARM_UP) sim.step();
  const sum0 = server.sojournNs.sum;
  const count0 = server.sojournNs.count;
  sim.run(); // every customer leaves, so none is cut short at the end
  expect(server.departed).toBe(customers);
  return (server.sojournNs.sum - sum0) / (server.sojournNs.count - count0);
}

const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

function relativeError(got: number, want: number): number {
  return Math.abs(got / want - 1);
}

describe('M/M/1: W = 1/(μ − λ)', () => {
  it('within 2% at ρ = 0.5', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const w = meanSojournNs(seed, 0.5, 500_000, 'exponential');
        expect(relativeError(w, SERVICE_NS / (1 - 0.5))).toBeLessThan(0.02);
      }),
      { numRuns: 3 },
    );
  });

  it('within 2% at ρ = 0.8', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const w = meanSojournNs(seed, 0.8, 4_000_000, 'exponential');
        expect(relativeError(w, SERVICE_NS / (1 - 0.8))).toBeLessThan(0.02);
      }),
      { numRuns: 3 },
    );
  });
});

describe('M/D/1: Pollaczek–Khinchine W = 1/μ + ρ/(2μ(1 − ρ))', () => {
  it('within 2% for loads up to 0.8', { timeout: 120_000 }, () => {
    // Deterministic service halves the waiting time and much of its variance: c ≈ 10 at ρ = 0.8.
    fc.assert(
      fc.property(seeds, fc.double({ min: 0.2, max: 0.8, noNaN: true }), (seed, rho) => {
        const w = meanSojournNs(seed, rho, 800_000, 'deterministic');
        const theory = SERVICE_NS + (rho * SERVICE_NS) / (2 * (1 - rho));
        expect(relativeError(w, theory)).toBeLessThan(0.02);
      }),
      { numRuns: 4 },
    );
  });
});
