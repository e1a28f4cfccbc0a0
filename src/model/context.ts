import type { Simulator } from '../engine/simulator.ts';
import type { Costs } from './costs.ts';

/**
 * One named counter. A part of the model that counts on every packet holds its counter (looked up
 * once, when it is built) rather than naming it at every count. A counter is in the run's results
 * once it has been counted, even by 0, as when it was made by its first count.
 */
export class Counter {
  n = 0;
  counted = false;

  inc(by = 1): void {
    this.n += by;
    this.counted = true;
  }
}

/** Named counters of a run: notifications, wake-ups, grant operations, IOTLB hits, packets… */
export class Counters {
  private readonly cells = new Map<string, Counter>();

  /** The counter called `name`, to keep and count on (it stays out of the results until counted). */
  counter(name: string): Counter {
    let cell = this.cells.get(name);
    if (cell === undefined) this.cells.set(name, (cell = new Counter()));
    return cell;
  }

  inc(name: string, by = 1): void {
    this.counter(name).inc(by);
  }

  get(name: string): number {
    return this.cells.get(name)?.n ?? 0;
  }

  toRecord(): Record<string, number> {
    return Object.fromEntries(
      [...this.cells]
        .filter(([, cell]) => cell.counted)
        .map(([name, cell]) => [name, cell.n] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  }
}

/** A live view of an event-channel port (for the diagram). */
export interface PortView {
  readonly name: string;
  /** The vCPU it is bound to, e.g. `h0/dom0/vcpu1`. */
  readonly vcpu: string;
  readonly isPending: boolean;
}

/** What every part of the model needs: the simulator, the cost table and the counters. */
export interface ModelContext {
  readonly sim: Simulator;
  readonly costs: Costs;
  readonly counters: Counters;
  /** Every event-channel port, as it is created. */
  readonly ports: PortView[];
  /** Payload bytes of a frame a NIC has just placed in host memory (the live throughput counts them). */
  arrived?: (payloadBytes: number) => void;
}
