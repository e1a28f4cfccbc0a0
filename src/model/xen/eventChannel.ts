import type { ModelContext, Counter } from '../context.ts';
import { deliverEvent } from './events.ts';
import type { Vcpu } from './vcpu.ts';

/**
 * An event-channel port bound to a vCPU. EVTCHNOP_send is a hypercall on the sender; Xen sets the
 * port's pending bit and delivers one upcall. Sends while the bit is still set merge into that
 * upcall, whose handler then finds all the work waiting.
 */
export class EventChannel {
  private pending = false;
  private readonly sendLabel: string;

  // Counted per packet or event: each counter is kept, not looked up by name at every count.
  private readonly sendsCounter: Counter;
  private readonly mergedCounter: Counter;

  constructor(
    private readonly ctx: ModelContext,
    readonly name: string,
    readonly target: Vcpu,
    private readonly handler: (messageId: number) => void,
  ) {
    this.sendsCounter = ctx.counters.counter('evtchnSends');
    this.mergedCounter = ctx.counters.counter('evtchnMerged');

    this.sendLabel = `EVTCHNOP_send (${name})`;
    ctx.ports.push(this);
  }

  get vcpu(): string {
    return this.target.name;
  }

  get isPending(): boolean {
    return this.pending;
  }

  /** Sends from `from` (which pays the hypercall; null for hardware), then continues with `then`. */
  send(from: Vcpu | null, messageId: number, then?: () => void): void {
    this.sendsCounter.inc();
    const raise = () => {
      this.raise(messageId);
      then?.();
    };
    if (from) from.run('hypercall', this.ctx.costs.ns.hcall, this.sendLabel, messageId, raise);
    else raise();
  }

  private raise(messageId: number): void {
    if (this.pending) {
      this.mergedCounter.inc();
      return;
    }
    this.pending = true;
    if (this.ctx.sim.trace.active)
      this.ctx.sim.trace.instant(this.target.name, `evtchn ${this.name}`, messageId, this.ctx.sim.now);
    this.pendingMessageId = messageId;
    deliverEvent(this.ctx, this.target, messageId, this.name, this.delivered);
  }

  /** While the port is pending, the message that raised it (later sends merge and leave it). */
  private pendingMessageId = -1;

  /** One delivery at a time per port (the pending bit), so its handler is bound once. */
  private readonly delivered = (): void => {
    this.pending = false;
    this.handler(this.pendingMessageId);
  };
}
