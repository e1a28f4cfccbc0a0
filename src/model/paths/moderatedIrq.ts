import type { ModelContext, Counter } from '../context.ts';
import type { Frontend } from './frontend.ts';

/**
 * A NIC's moderated MSI-X vector per VM (an SR-IOV virtual function's, or an offloading NIC's vector
 * for a guest's completions): the first completion arms the coalescing timer (`coalUs`), completions
 * meanwhile ride on the same interrupt, and when it fires Xen injects it into the guest as an event.
 * Hardware raises it, so no domain pays a hypercall.
 */
export class ModeratedIrq {
  private readonly armed = new Set<Frontend>();

  // Counted per packet or event: each counter is kept, not looked up by name at every count.
  private readonly interruptsCounter: Counter;

  constructor(
    private readonly ctx: ModelContext,
    private readonly label: string,
  ) {
    this.interruptsCounter = ctx.counters.counter('interrupts');
  }

  /** A completion for `fe` (already posted to it) asks for an interrupt. */
  raise(fe: Frontend, host: number, messageId: number): void {
    if (this.armed.has(fe)) return;
    this.armed.add(fe);
    const { sim, costs } = this.ctx;
    if (sim.trace.active)
      sim.trace.span(
        `h${host}/nic`,
        'hw',
        'coalesce',
        messageId,
        sim.now,
        sim.now + costs.ns.coal,
        this.label,
      );
    sim.schedule(costs.ns.coal, () => {
      this.armed.delete(fe);
      this.interruptsCounter.inc();
      fe.toFront.send(null, messageId);
    });
  }
}
