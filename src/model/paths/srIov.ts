import type { ModelContext } from '../context.ts';
import { chunks } from '../hw/frame.ts';
import type { Topology } from '../topology.ts';
import { Firmware } from './firmware.ts';
import type { Frontend } from './frontend.ts';
import { FrontendSet } from './frontendSet.ts';
import { postDirectFrames } from './directFrames.ts';
import { markCompleted, markDelivered, sidesOf, type IoPath, type Message, type Side } from './message.ts';
import { ModeratedIrq } from './moderatedIrq.ts';

/**
 * What-if (poster: "VMs could communicate directly with the hardware"): a smart NIC exports a queue
 * pair (an SR-IOV virtual function) to each VM, mapped into the application's address space: OS
 * bypass and VMM bypass, as Xen-IB does (Liu et al., USENIX ATC 2006). The application's library
 * builds a work request and rings the doorbell by MMIO from user space (no system call, no
 * hypercall); the NIC DMAs to and from guest memory through the IOMMU. Completions land in a
 * completion queue the application polls from user space (`srIovIrq` 0), or (`srIovIrq` 1) raise
 * the VF's coalesced MSI-X interrupt, which Xen injects into the guest. No driver domain on the data path.
 */
export class SrIovPath implements IoPath {
  private readonly frontends: FrontendSet;
  private readonly firmware = new Map<number, Firmware>();
  private readonly rxFrames = new Map<number, number>();
  private readonly irq: ModeratedIrq | null;

  constructor(
    private readonly ctx: ModelContext,
    private readonly topology: Topology,
  ) {
    this.frontends = new FrontendSet(ctx, topology, null);
    this.irq = ctx.costs.p.srIovIrq === 1 ? new ModeratedIrq(ctx, 'VF interrupt coalescing') : null;
  }

  issue(m: Message): void {
    const { issuer, remote } = sidesOf(m);
    const g = this.frontends.get(issuer).vcpu;
    const ns = this.ctx.costs.ns;
    const p = this.ctx.costs.p;
    g.run('frontend', ns.feReq, 'VF library builds work request (user space)', m.id, () =>
      g.run('driver', ns.doorbell, 'VF doorbell (MMIO from user space)', m.id, () => {
        if (m.op === 'write')
          this.sendFrames(m, issuer, remote, chunks(m.sizeBytes, p.fwMtuBytes - p.hdrBytes), 'data');
        else this.sendFrames(m, issuer, remote, [0], 'request');
      }),
    );
  }

  rings() {
    return [];
  }

  pendingBytes(): number {
    return this.rxFrames.size;
  }

  private sendFrames(m: Message, from: Side, to: Side, parts: number[], kind: 'data' | 'request'): void {
    const onReceive =
      kind === 'request' ? () => this.answerRead(m, to, from) : () => this.received(m, to, parts.length);
    const writeDone = kind === 'data' && m.op === 'write' ? () => this.complete(from, m, 'completed') : null;
    postDirectFrames(this.ctx, this.topology, m, from, to, parts, onReceive, writeDone);
  }

  private answerRead(m: Message, at: Side, to: Side): void {
    let fw = this.firmware.get(at.host);
    if (!fw) this.firmware.set(at.host, (fw = new Firmware(this.ctx, at.host)));
    const p = this.ctx.costs.p;
    fw.run(this.ctx.costs.ns.nicFw, 'NIC handles READ request', m.id, () =>
      this.sendFrames(m, at, to, chunks(m.sizeBytes, p.fwMtuBytes - p.hdrBytes), 'data'),
    );
  }

  private received(m: Message, at: Side, total: number): void {
    const got = (this.rxFrames.get(m.id) ?? 0) + 1;
    if (got < total) this.rxFrames.set(m.id, got);
    else {
      this.rxFrames.delete(m.id);
      this.complete(at, m, 'delivered');
    }
  }

  /** The NIC writes a completion-queue entry; the application finds it by polling, or is interrupted. */
  private complete(side: Side, m: Message, what: 'delivered' | 'completed'): void {
    const fe = this.frontends.get(side);
    if (this.irq) {
      fe.post(m, what);
      this.irq.raise(fe, side.host, m.id);
    } else this.poll(fe, m, what);
  }

  /** The busy-polling application reads the entry from user space: no kernel, no Xen. */
  private poll(fe: Frontend, m: Message, what: 'delivered' | 'completed'): void {
    this.ctx.counters.inc('cqPolls');
    fe.vcpu.run('frontend', this.ctx.costs.ns.appPoll, 'application polls VF completion queue', m.id, () => {
      const now = this.ctx.sim.now;
      if (what === 'completed') markCompleted(m, now);
      else {
        markDelivered(m, now);
        if (m.op === 'read') markCompleted(m, now); // a READ's data lands at its issuer
      }
    });
  }
}
