import type { Simulator } from './simulator.ts';
import { RunningStats, TimeWeighted } from './stats.ts';

/**
 * A first-come first-served station with `capacity` identical servers and an unbounded queue.
 * Keeps what queueing theory needs to check it: arrivals, departures, the time-weighted number in
 * the system (L), time in system per customer (W) and busy servers.
 */
export class FifoServer {
  private readonly waiting: { arrivedNs: number; serviceNs: number; onDepart?: () => void }[] = [];
  private head = 0;
  private busyServers = 0;
  readonly inSystem: TimeWeighted;
  readonly busy: TimeWeighted;
  readonly sojournNs = new RunningStats();
  readonly waitNs = new RunningStats();
  arrived = 0;
  departed = 0;

  constructor(
    private readonly sim: Simulator,
    readonly name: string,
    readonly capacity = 1,
  ) {
    if (!(capacity >= 1)) throw new RangeError(`${name}: capacity must be ≥ 1`);
    this.inSystem = new TimeWeighted(sim.now);
    this.busy = new TimeWeighted(sim.now);
  }

  /** Customers waiting or in service. */
  get count(): number {
    return this.busyServers + this.waiting.length - this.head;
  }

  /** A customer arrives now and needs `serviceNs` of a server. */
  arrive(serviceNs: number, onDepart?: () => void): void {
    this.arrived++;
    this.inSystem.add(this.sim.now, 1);
    const customer = { arrivedNs: this.sim.now, serviceNs, onDepart };
    if (this.busyServers < this.capacity) this.serve(customer);
    else this.waiting.push(customer);
  }

  utilization(nowNs: number): number {
    return this.busy.average(nowNs) / this.capacity;
  }

  private serve(customer: { arrivedNs: number; serviceNs: number; onDepart?: () => void }): void {
    this.busyServers++;
    this.busy.set(this.sim.now, this.busyServers);
    this.waitNs.add(this.sim.now - customer.arrivedNs);
    this.sim.schedule(customer.serviceNs, this.depart, customer);
  }

  private readonly depart = (customer: { arrivedNs: number; onDepart?: () => void }): void => {
    const now = this.sim.now;
    this.busyServers--;
    this.busy.set(now, this.busyServers);
    this.departed++;
    this.inSystem.add(now, -1);
    this.sojournNs.add(now - customer.arrivedNs);
    if (this.head < this.waiting.length) {
      const next = this.waiting[this.head++];
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting.splice(0, this.head);
        this.head = 0;
      }
      this.serve(next);
    }
    customer.onDepart?.();
  };
}
