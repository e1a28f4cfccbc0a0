import type { ModelContext } from '../context.ts';
import type { Vcpu } from '../xen/vcpu.ts';
import { markCompleted } from './message.ts';
import { peekPacket, type Vif, type VifPacket } from './vif.ts';

/**
 * A guest's netfront interrupt for one vif: TX completions, then received packets up the TCP stack,
 * one at a time until the RX ring is empty. Its steps are bound once per vif, so a received packet
 * costs no closure. (Two rounds may overlap, when a TX completion raises the event again while
 * a packet is going up: nothing per round is kept here, only what is the same for every round.)
 */
export class NetfrontRx {
  constructor(
    private readonly ctx: ModelContext,
    private readonly vif: Vif,
    private readonly g: Vcpu,
  ) {}

  readonly irq = (): void => {
    const vif = this.vif;
    const done = vif.txDone.shift();
    if (done) {
      markCompleted(done, this.ctx.sim.now);
      this.irq();
      return;
    }
    const pkt = peekPacket(vif.rx);
    if (!pkt) {
      vif.rx.requestEvent();
      return;
    }
    vif.rx.take();
    // Slots are free again: if netback stopped this vif's queue, the refill notifies it.
    if (!vif.rxStopped) this.up(pkt);
    else {
      vif.rxStopped = false;
      vif.toBack.send(this.g, pkt.id, () => this.up(pkt));
    }
  };

  private up(pkt: VifPacket): void {
    this.g.run('netfront', this.ctx.costs.ns.nfRx, 'netfront RX', pkt.id, this.toStack, pkt);
  }

  private readonly toStack = (pkt: VifPacket): void => pkt.seg!.dst.receive(pkt.seg!, this.g, this.irq);
}
