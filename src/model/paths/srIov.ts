import type { ModelContext } from '../context.ts';
import { chunks } from '../hw/frame.ts';
import type { Topology } from '../topology.ts';
import { Firmware } from './firmware.ts';
import type { Frontend } from './frontend.ts';
import { FrontendSet } from './frontendSet.ts';
import { postDirectFrames } from './directFrames.ts';
import { sidesOf, type IoPath, type Message, type Side } from './message.ts';

/**
 * What-if (poster: "VMs could communicate directly with the hardware"): a smart NIC exports a queue
 * pair (an SR-IOV virtual function) to each VM. The application posts work requests and rings the
 * doorbell by MMIO; the NIC DMAs to and from guest memory through the IOMMU; completions arrive as
 * coalesced interrupts that Xen injects into the guest. No driver domain on the data path.
 */
export class SrIovPath implements IoPath {
  private readonly frontends: FrontendSet;
  private readonly firmware = new Map<number, Firmware>();
  private readonly armed = new Set<Frontend>();
  private readonly rxFrames = new Map<number, number>();

  constructor(
    private readonly ctx: ModelContext,
    private readonly topology: Topology,
  ) {
    this.frontends = new FrontendSet(ctx, topology, null);
  }

  issue(m: Message): void {
    const { issuer, remote } = sidesOf(m);
    const g = this.frontends.get(issuer).vcpu;
    const ns = this.ctx.costs.ns;
    const p = this.ctx.costs.p;
    g.run('syscall', ns.sysPv, 'post work request to the VF', m.id, () =>
      g.run('frontend', ns.feReq, 'VF library builds work request', m.id, () =>
        g.run('driver', ns.doorbell, 'VF doorbell (MMIO, no hypervisor)', m.id, () => {
          if (m.op === 'write')
            this.sendFrames(m, issuer, remote, chunks(m.sizeBytes, p.fwMtuBytes - p.hdrBytes), 'data');
          else this.sendFrames(m, issuer, remote, [0], 'request');
        }),
      ),
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
    const writeDone = kind === 'data' && m.op === 'write' ? () => this.interrupt(from, m, 'completed') : null;
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
      this.interrupt(at, m, 'delivered');
    }
  }

  /** A completion on the VF: coalesced, then an interrupt Xen injects into the guest. */
  private interrupt(side: Side, m: Message, what: 'delivered' | 'completed'): void {
    const fe = this.frontends.get(side);
    fe.post(m, what);
    if (this.armed.has(fe)) return;
    this.armed.add(fe);
    const { sim, costs } = this.ctx;
    if (sim.trace.active)
      sim.trace.span(
        `h${side.host}/nic`,
        'hw',
        'coalesce',
        m.id,
        sim.now,
        sim.now + costs.ns.coal,
        'VF interrupt coalescing',
      );
    sim.schedule(costs.ns.coal, () => {
      this.armed.delete(fe);
      this.ctx.counters.inc('interrupts');
      fe.toFront.send(null, m.id);
    });
  }
}
