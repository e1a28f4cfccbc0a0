import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FifoServer, Simulator } from './index.ts';

/**
 * Laws that hold on every sample path of a stable FIFO station, whatever the distributions:
 * Little's law L = λW and conservation of customers. They need no long runs, so every parameter
 * is random: servers, load, service distribution, and the moment the run is cut.
 */
const SERVICE_NS = 1_000_000;
const kinds = ['exponential', 'deterministic', 'uniform', 'logNormal'] as const;

interface Station {
  sim: Simulator;
  server: FifoServer;
  interarrivalNs: number;
}

function station(
  seed: number,
  capacity: number,
  rho: number,
  kind: (typeof kinds)[number],
  maxArrivals = Infinity,
): Station {
  const sim = new Simulator({ seed });
  const server = new FifoServer(sim, 'station', capacity);
  const arrivals = sim.rng('arrivals');
  const s = sim.rng('service');
  const draw = {
    exponential: () => Math.round(s.exponential(SERVICE_NS)),
    deterministic: () => SERVICE_NS,
    uniform: () => Math.round(s.uniform(0, 2 * SERVICE_NS)),
    logNormal: () => Math.round(s.logNormal(SERVICE_NS, 2)),
  }[kind];
  const interarrivalNs = SERVICE_NS / (rho * capacity);
  const arrive = (): void => {
    server.arrive(draw());
    if (server.arrived < maxArrivals) sim.schedule(Math.round(arrivals.exponential(interarrivalNs)), arrive);
  };
  sim.schedule(0, arrive);
  return { sim, server, interarrivalNs };
}

const params = {
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  capacity: fc.integer({ min: 1, max: 3 }),
  rho: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
  kind: fc.constantFrom(...kinds),
};

describe('FifoServer', () => {
  it("obeys Little's law L = λW within 1% on any stable run", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        params.seed,
        params.capacity,
        params.rho,
        params.kind,
        fc.integer({ min: 50_000, max: 100_000 }),
        (seed, capacity, rho, kind, customers) => {
          const { sim, server } = station(seed, capacity, rho, kind, customers);
          // Arrivals stop after `customers`; the run ends when the last one has left, so no stay is
          // cut short. (A run cut with customers inside differs by their partial stays: with
          // heavy-tailed service that edge term alone can pass 1 %, so it says nothing about the code.)
          sim.run();
          const endNs = sim.now;
          expect(server.count).toBe(0);
          const L = server.inSystem.average(endNs);
          const lambda = server.arrived / endNs;
          const W = server.sojournNs.mean;
          expect(Math.abs(L / (lambda * W) - 1)).toBeLessThan(0.01);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('conserves customers: arrived = departed + in system, at any instant', () => {
    fc.assert(
      fc.property(
        params.seed,
        params.capacity,
        params.rho,
        params.kind,
        fc.array(fc.integer({ min: 1, max: 50 * SERVICE_NS }), { minLength: 1, maxLength: 20 }),
        (seed, capacity, rho, kind, stops) => {
          const { sim, server } = station(seed, capacity, rho, kind);
          for (const stop of [...stops].sort((a, b) => a - b)) {
            sim.runUntil(stop);
            expect(server.arrived).toBe(server.departed + server.count);
            expect(server.inSystem.current).toBe(server.count);
            // Everyone who left was served; those served are the departed plus those in service.
            expect(server.sojournNs.count).toBe(server.departed);
            expect(server.waitNs.count).toBe(server.departed + server.busy.current);
            expect(server.busy.current).toBeLessThanOrEqual(capacity);
            expect(server.busy.max).toBeLessThanOrEqual(capacity);
            expect(server.utilization(stop)).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('serves first come first served: departures in arrival order on one server', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gapNs: fc.nat(1000), serviceNs: fc.nat(1000) }), { maxLength: 200 }),
        (customers) => {
          const sim = new Simulator();
          const server = new FifoServer(sim, 'one');
          const order: number[] = [];
          let t = 0;
          customers.forEach(({ gapNs, serviceNs }, i) => {
            t += gapNs;
            sim.scheduleAt(t, () => server.arrive(serviceNs, () => order.push(i)));
          });
          sim.run();
          expect(order).toEqual(customers.map((_, i) => i));
          expect(server.count).toBe(0);
        },
      ),
    );
  });
});
