import type { ModelContext } from '../context.ts';
import { EventChannel } from '../xen/eventChannel.ts';
import { SharedRing } from '../xen/sharedRing.ts';
import type { Domain, Vcpu } from '../xen/vcpu.ts';
import { markCompleted, markDelivered, type Message } from './message.ts';

/**
 * The HPC frontend in a VM: requests go to the backend on a shared ring, completions come back as
 * events. The application busy-polls a user-mapped event queue, so its vCPU is running when an
 * event comes (an upcall, not a wake-up). Its CPU cost per message does not depend on the size.
 */
export class Frontend {
  readonly vcpu: Vcpu;
  readonly ring: SharedRing<Message>;
  readonly toFront: EventChannel;
  /** Set by the path: the event channel to the backend. */
  toBack!: EventChannel;
  private readonly completions: { m: Message; what: 'delivered' | 'completed' }[] = [];

  constructor(
    private readonly ctx: ModelContext,
    readonly vm: Domain,
  ) {
    this.vcpu = vm.vcpu(0);
    this.vcpu.spinning = true;
    const name = `h${vm.host}/${vm.id}`;
    this.ring = new SharedRing(ctx, `${name}/fw-ring`, ctx.costs.p.fwRingSlots, () => this.toBack);
    this.toFront = new EventChannel(ctx, `backend → ${vm.id}`, this.vcpu, () => this.drain());
  }

  /** The application's RDMA call: a system call (ioctl), then the request on the ring (b₁). */
  request(m: Message, syscallLabel: string): void {
    const ns = this.ctx.costs.ns;
    const g = this.vcpu;
    g.run('syscall', ns.sysPv, syscallLabel, m.id, () =>
      g.run('frontend', ns.feReq, 'frontend builds request', m.id, () => this.ring.push(m, g, m.id)),
    );
  }

  /** Queues a completion; the caller then raises `toFront` (from software or from hardware). */
  post(m: Message, what: 'delivered' | 'completed'): void {
    this.completions.push({ m, what });
  }

  private drain(): void {
    const c = this.completions.shift();
    if (!c) return;
    const ns = this.ctx.costs.ns;
    const g = this.vcpu;
    g.run('frontend', ns.feEvt, 'completion → event queue', c.m.id, () =>
      g.run('syscall', ns.appPoll, 'application polls event queue', c.m.id, () => {
        const now = this.ctx.sim.now;
        if (c.what === 'completed') markCompleted(c.m, now);
        else {
          markDelivered(c.m, now);
          if (c.m.op === 'read') markCompleted(c.m, now); // a READ's data lands at its issuer
        }
        this.drain();
      }),
    );
  }
}

/** Region key of a message's buffer on one side, for the IOTLB. */
export function regionKey(side: { host: number; vm: number }, m: Message, role: 'issuer' | 'remote'): string {
  return `vm${side.vm}/pair${m.pair.index}/${role}/slot${m.slot}`;
}
