import type { ModelContext } from '../context.ts';
import { chunks } from '../hw/frame.ts';
import type { Topology } from '../topology.ts';
import { pagesOf } from '../xen/grantTable.ts';
import type { Vcpu } from '../xen/vcpu.ts';
import { Firmware } from './firmware.ts';
import { regionKey, type Frontend } from './frontend.ts';
import { FrontendSet } from './frontendSet.ts';
import { postDirectFrames } from './directFrames.ts';
import { sidesOf, type IoPath, type Message, type Side } from './message.ts';
import { ModeratedIrq } from './moderatedIrq.ts';
import { backendVcpuOf } from './zeroCopy.ts';

/**
 * What-if (poster, open challenges): the backend's thin protocol runs on the NIC. The driver domain
 * only forwards the frontend's doorbell (and maps buffers on an IOTLB miss); the NIC's firmware
 * parses the request, DMAs from the application's pages, and on the far side places the data into
 * the registered pages and raises the completion itself, through its moderated MSI-X interrupt for
 * that guest. Buffers mapped for one message only (IOTLB cache off) are unmapped by the driver domain
 * once the NIC reports the message done on that host.
 */
export class HwOffloadPath implements IoPath {
  private readonly frontends: FrontendSet;
  private readonly firmware = new Map<number, Firmware>();
  private readonly rxFrames = new Map<number, number>();
  private readonly irq: ModeratedIrq;

  constructor(
    private readonly ctx: ModelContext,
    private readonly topology: Topology,
  ) {
    this.irq = new ModeratedIrq(ctx, 'completion interrupt coalescing');
    this.frontends = new FrontendSet(ctx, topology, (side) => ({
      vcpu: backendVcpuOf(topology.hosts[side.host].dom0!, side.vm),
      serve: (fe, at, v) => this.forward(fe, at, v),
    }));
  }

  issue(m: Message): void {
    this.frontends.get(sidesOf(m).issuer).request(m, `ioctl: RDMA ${m.op.toUpperCase()}`);
  }

  rings() {
    return this.frontends.rings();
  }

  pendingBytes(): number {
    return this.rxFrames.size;
  }

  private fw(host: number): Firmware {
    let f = this.firmware.get(host);
    if (!f) this.firmware.set(host, (f = new Firmware(this.ctx, host)));
    return f;
  }

  /** Driver domain: pass each request's doorbell on to the NIC, nothing more. */
  private forward(fe: Frontend, side: Side, v: Vcpu): void {
    const m = fe.ring.take();
    if (!m) {
      fe.ring.requestEvent();
      return;
    }
    const ns = this.ctx.costs.ns;
    v.run('backend', ns.doorbell, 'backend forwards request', m.id, () =>
      v.run('driver', ns.doorbell, 'doorbell to NIC firmware', m.id, () => {
        this.fw(side.host).run(ns.nicFw, 'NIC firmware parses request', m.id, () =>
          this.lookup(side, m, 'issuer', () => {
            const { remote } = sidesOf(m);
            if (m.op === 'write') this.sendData(m, side, remote);
            else this.sendFrames(m, side, remote, [0], 'request');
          }),
        );
        this.forward(fe, side, v);
      }),
    );
  }

  /** The NIC's IOTLB: a miss asks the driver domain to map the buffer. */
  private lookup(side: Side, m: Message, role: 'issuer' | 'remote', then: () => void): void {
    const dom0 = this.topology.hosts[side.host].dom0!;
    this.topology.hosts[side.host].iotlb.lookup(
      backendVcpuOf(dom0, side.vm),
      side.vm,
      regionKey(side, m, role),
      pagesOf(m.sizeBytes),
      m.id,
      then,
    );
  }

  private sendData(m: Message, from: Side, to: Side): void {
    const p = this.ctx.costs.p;
    this.sendFrames(m, from, to, chunks(m.sizeBytes, p.fwMtuBytes - p.hdrBytes), 'data');
  }

  private sendFrames(m: Message, from: Side, to: Side, parts: number[], kind: 'data' | 'request'): void {
    const onReceive =
      kind === 'request' ? () => this.answerRead(m, to, from) : () => this.place(m, to, parts.length);
    let txDone: (() => void) | null = null;
    if (kind === 'data' && m.op === 'write') txDone = () => this.complete(from, m, 'completed');
    else if (kind === 'data') txDone = () => this.release(from, m); // a READ's answer has left
    postDirectFrames(this.ctx, this.topology, m, from, to, parts, onReceive, txDone);
  }

  private answerRead(m: Message, at: Side, to: Side): void {
    this.fw(at.host).run(this.ctx.costs.ns.nicFw, 'NIC firmware handles READ request', m.id, () =>
      this.lookup(at, m, 'remote', () => this.sendData(m, at, to)),
    );
  }

  /** The receiving NIC places a frame into the registered pages; the last one raises the event. */
  private place(m: Message, at: Side, total: number): void {
    const first = !this.rxFrames.has(m.id);
    const placeFrame = () =>
      this.fw(at.host).run(this.ctx.costs.ns.nicPlace, 'NIC places frame into registered pages', m.id, () => {
        const got = (this.rxFrames.get(m.id) ?? 0) + 1;
        if (got < total) this.rxFrames.set(m.id, got);
        else {
          this.rxFrames.delete(m.id);
          this.complete(at, m, 'delivered');
        }
      });
    if (!first) placeFrame();
    else {
      this.rxFrames.set(m.id, 0);
      this.lookup(at, m, m.op === 'write' ? 'remote' : 'issuer', placeFrame);
    }
  }

  /** The NIC interrupts the guest itself (coalesced): no hypercall, no driver domain on the way. */
  private complete(side: Side, m: Message, what: 'delivered' | 'completed'): void {
    const fe = this.frontends.get(side);
    fe.post(m, what);
    this.irq.raise(fe, side.host, m.id);
    this.release(side, m);
  }

  /** The message is done on this host: the driver domain unmaps what was mapped for it alone. */
  private release(side: Side, m: Message): void {
    const host = this.topology.hosts[side.host];
    if (!host.iotlb.mappedFor(m.id)) return;
    host.iotlb.release(backendVcpuOf(host.dom0!, side.vm), m.id, () => {});
  }
}
