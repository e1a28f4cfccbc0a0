import type { Simulator } from '../engine/simulator.ts';
import type { Costs } from './costs.ts';

/** Named counters of a run: notifications, wake-ups, grant operations, IOTLB hits, packets… */
export class Counters {
  /** A cell per name, so counting (several times per packet) is one look-up, not a get and a set. */
  private readonly cells = new Map<string, { n: number }>();

  inc(name: string, by = 1): void {
    const cell = this.cells.get(name);
    if (cell !== undefined) cell.n += by;
    else this.cells.set(name, { n: by });
  }

  get(name: string): number {
    return this.cells.get(name)?.n ?? 0;
  }

  toRecord(): Record<string, number> {
    return Object.fromEntries(
      [...this.cells].map(([name, cell]) => [name, cell.n] as const).sort(([a], [b]) => a.localeCompare(b)),
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
