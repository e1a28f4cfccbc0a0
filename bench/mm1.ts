import { FifoServer, Simulator } from '../src/engine/index.ts';
import type { Case } from './measure.ts';
import type { SimjsEntity, SimjsModule } from './simjs.ts';

/**
 * An M/M/1 queue at load 0.8 (mean interarrival 1 ms, mean service 0.8 ms), written as a user of
 * each library would write it. Events are counted the same way for both: one per arrival and one
 * per departure.
 */
const INTERARRIVAL_NS = 1_000_000;
const SERVICE_NS = 800_000;

export function engineMm1(events: number): Case {
  return () => {
    const sim = new Simulator({ seed: 1 });
    const server = new FifoServer(sim, 'mm1');
    const arrivals = sim.rng('arrivals');
    const service = sim.rng('service');
    const arrive = (): void => {
      server.arrive(Math.round(service.exponential(SERVICE_NS)));
      sim.schedule(Math.round(arrivals.exponential(INTERARRIVAL_NS)), arrive);
    };
    sim.schedule(0, arrive);
    return () => {
      sim.runEvents(events);
      return server.arrived + server.departed;
    };
  };
}

/**
 * SIM.JS's own idiom (its M/M/1 example): a customer entity that uses a facility and sets a timer
 * for the next arrival. Time is in milliseconds there; `simulate` runs to an end time, chosen so a
 * run has about `events` events.
 */
export function simjsMm1(Sim: SimjsModule, events: number): Case {
  return () => {
    const sim = new Sim.Sim();
    const server = new Sim.Facility('mm1');
    const rand = new Sim.Random(1);
    let arrived = 0;
    class Customer extends Sim.Entity {
      start(this: SimjsEntity & { start(): void }): void {
        arrived++;
        this.useFacility(server, rand.exponential(INTERARRIVAL_NS / SERVICE_NS));
        this.setTimer(rand.exponential(1)).done(this.start);
      }
    }
    sim.addEntity(Customer);
    const endTimeMs = events / 2; // one arrival per ms, two events per customer
    return () => {
      sim.simulate(endTimeMs);
      return arrived + (arrived - server.stats.current());
    };
  };
}
