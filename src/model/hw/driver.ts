import type { ModelContext } from '../context.ts';
import { deliverEvent } from '../xen/events.ts';
import type { Vcpu } from '../xen/vcpu.ts';
import type { Frame } from './frame.ts';
import type { Nic, NicDriverPort } from './nic.ts';

/**
 * The native NIC driver's receive side: an interrupt (through Xen as a physical-IRQ event when the
 * driver runs in a PV domain) schedules a NAPI poll, which hands received frames to the layer above
 * and reaps transmit completions, `napiBudget` frames per round, until the NIC has nothing left.
 * A polling driver (the stub domain) has no interrupt: its loop notices new frames.
 */
export class NicDriver implements NicDriverPort {
  constructor(
    private readonly ctx: ModelContext,
    private readonly nic: Nic,
    readonly vcpu: Vcpu,
    readonly mode: 'irq' | 'poll',
  ) {
    nic.driver = this;
  }

  interrupt(): void {
    const ns = this.ctx.costs.ns;
    const id = this.nic.headMessageId();
    const budget = this.ctx.costs.p.napiBudget;
    if (this.mode === 'poll') {
      this.vcpu.run('poll', ns.poll, 'poll loop notices NIC work', id, () => this.poll(budget));
      return;
    }
    deliverEvent(this.ctx, this.vcpu, id, 'NIC IRQ (pirq)', () =>
      this.vcpu.run('irq', ns.irq, 'IRQ handler → NAPI', id, () => this.poll(budget)),
    );
  }

  /**
   * Frames left in this round of the softirq. One NAPI poll runs at a time per NIC (the NIC does not
   * signal again until `napiComplete`), so the poll keeps its state here and its continuations are
   * bound once, not a closure per frame.
   */
  private budget = 0;

  private poll(budget: number): void {
    this.budget = budget;
    const nic = this.nic;
    const done = nic.txDoneQueue.shift();
    if (done) {
      done.onTxDone!(done, this.pollAgain);
      return;
    }
    if (!nic.rx.hasWork) {
      nic.napiComplete();
      return;
    }
    if (budget === 0) {
      this.poll(this.ctx.costs.p.napiBudget); // a new round of the softirq
      return;
    }
    const frame = nic.rx.take()!;
    this.vcpu.run(
      'driver',
      this.ctx.costs.ns.drvRx,
      'driver RX (NAPI)',
      frame.messageId,
      this.received,
      frame,
    );
  }

  private readonly pollAgain = (): void => this.poll(this.budget);
  private readonly pollNext = (): void => this.poll(this.budget - 1);

  private readonly received = (frame: Frame): void => {
    if (frame.onReceive) frame.onReceive(frame, this.pollNext);
    else this.pollNext();
  };
}
