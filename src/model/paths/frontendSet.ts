import type { ModelContext } from '../context.ts';
import type { Topology } from '../topology.ts';
import { EventChannel } from '../xen/eventChannel.ts';
import type { Vcpu } from '../xen/vcpu.ts';
import { Frontend } from './frontend.ts';
import type { Side } from './message.ts';

/** The backend side of a frontend's requests: the vCPU it runs on and what it does with them. */
export interface BackendBinding {
  readonly vcpu: Vcpu;
  serve(fe: Frontend, side: Side, v: Vcpu): void;
}

/**
 * The frontends of the framework's paths, one per VM, made on first use. With a backend, each gets
 * an event channel to it (b₁); without one (SR-IOV), the VM talks to its NIC queue directly.
 */
export class FrontendSet {
  private readonly frontends = new Map<string, Frontend>();

  constructor(
    private readonly ctx: ModelContext,
    private readonly topology: Topology,
    private readonly backend: ((side: Side) => BackendBinding) | null,
  ) {}

  get(side: Side): Frontend {
    const key = `${side.host}/${side.vm}`;
    let fe = this.frontends.get(key);
    if (!fe) {
      const made = new Frontend(this.ctx, this.topology.hosts[side.host].vms[side.vm]);
      if (this.backend) {
        const { vcpu, serve } = this.backend(side);
        made.toBack = new EventChannel(this.ctx, `${made.vm.id} → backend`, vcpu, () =>
          serve(made, side, vcpu),
        );
      }
      this.frontends.set(key, made);
      fe = made;
    }
    return fe;
  }

  /** The request rings, for the end-of-run checks and the live view. */
  rings() {
    return [...this.frontends.values()].map((f) => ({
      name: f.ring.name,
      occupancy: f.ring.occupancy,
      slots: f.ring.ring.slots,
      averageOccupancy: (now: number) => f.ring.ring.occupancyOverTime.average(now),
    }));
  }
}
