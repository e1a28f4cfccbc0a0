import type { Simulator } from '../engine/simulator.ts';
import type { Costs } from './costs.ts';

/** Named counters of a run: notifications, wake-ups, grant operations, IOTLB hits, packets… */
export class Counters {
  private readonly values = new Map<string, number>();

  inc(name: string, by = 1): void {
    this.values.set(name, (this.values.get(name) ?? 0) + by);
  }

  get(name: string): number {
    return this.values.get(name) ?? 0;
  }

  toRecord(): Record<string, number> {
    return Object.fromEntries([...this.values].sort(([a], [b]) => a.localeCompare(b)));
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
