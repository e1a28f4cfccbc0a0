import type { ModelContext } from '../context.ts';
import { chunks, type Frame } from '../hw/frame.ts';
import type { Topology } from '../topology.ts';
import { pagesOf } from '../xen/grantTable.ts';
import type { Domain, Vcpu } from '../xen/vcpu.ts';
import { regionKey, type Frontend } from './frontend.ts';
import { FrontendSet } from './frontendSet.ts';
import { sidesOf, type IoPath, type Message, type Side } from './message.ts';

/**
 * The poster's framework: frontend → event channel (b₁) → backend in the driver domain, which finds
 * the application's buffer in its IOTLB (registering it on a miss) and asks the native driver (c₁)
 * to have the NIC DMA straight from the application's pages (d₁); the remote backend places the
 * data into the registered target pages and tells the remote frontend. No TCP/IP, no bridge, no
 * grant copy. With `stub`, backend and driver live in a small domain whose vCPU polls.
 */
export class ZeroCopyPath implements IoPath {
  private readonly frontends: FrontendSet;
  private readonly rxFrames = new Map<string, number>();

  constructor(
    private readonly ctx: ModelContext,
    private readonly topology: Topology,
  ) {
    this.frontends = new FrontendSet(ctx, topology, (side) => ({
      vcpu: this.backendVcpu(side.host, side.vm),
      serve: (fe, at, v) => this.serve(fe, at, v),
    }));
  }

  issue(m: Message): void {
    const { issuer } = sidesOf(m);
    this.frontends.get(issuer).request(m, `ioctl: RDMA ${m.op.toUpperCase()}`);
  }

  rings() {
    return this.frontends.rings();
  }

  pendingBytes(): number {
    return this.rxFrames.size;
  }

  /** The vCPU that runs the backend for requests (the driver domain's, or the stub domain's). */
  private backendVcpu(host: number, vm: number): Vcpu {
    const h = this.topology.hosts[host];
    if (h.stubdom) return h.stubdom.vcpus[0];
    return backendVcpuOf(h.dom0!, vm);
  }

  /** Backend, issuing host: handle every request on the frontend's ring. */
  private serve(fe: Frontend, side: Side, v: Vcpu): void {
    const m = fe.ring.take();
    if (!m) {
      fe.ring.requestEvent();
      return;
    }
    const ns = this.ctx.costs.ns;
    const host = this.topology.hosts[side.host];
    v.run('backend', ns.beReq, 'backend parses request (b₁)', m.id, () =>
      host.iotlb.lookup(v, side.vm, regionKey(side, m, 'issuer'), pagesOf(m.sizeBytes), m.id, () => {
        const { remote } = sidesOf(m);
        if (m.op === 'write') this.sendData(v, m, side, remote, () => this.serve(fe, side, v));
        else this.sendReadRequest(v, m, side, remote, () => this.serve(fe, side, v));
      }),
    );
  }

  /** Frames straight from the application's pages (c₁ then d₁); `then` once all are posted. */
  private sendData(v: Vcpu, m: Message, from: Side, to: Side, then: () => void): void {
    const p = this.ctx.costs.p;
    const ns = this.ctx.costs.ns;
    const nic = this.topology.hosts[from.host].nic;
    const parts = chunks(m.sizeBytes, p.fwMtuBytes - p.hdrBytes);
    const issuerSends = m.op === 'write';
    // A READ's answer from a buffer mapped for this message alone is unmapped once the NIC has read it.
    const unmapAfter = !issuerSends && this.topology.hosts[from.host].iotlb.mappedFor(m.id);
    const post = (i: number) => {
      if (i === parts.length) {
        then();
        return;
      }
      const last = i === parts.length - 1;
      const frame: Frame = {
        messageId: m.id,
        srcHost: from.host,
        dstHost: to.host,
        payloadBytes: parts[i],
        headerBytes: p.hdrBytes,
        last,
        rx: 'driver',
        onReceive: (f, next) => this.place(f, m, to, parts.length, next),
        onTxDone: !last
          ? undefined
          : issuerSends
            ? (_f, next) => this.writeSent(m, from, next)
            : unmapAfter
              ? (_f, next) => this.topology.hosts[from.host].iotlb.release(v, m.id, next)
              : undefined,
      };
      v.run('backend', ns.beFrame, 'backend frames application pages (c₁)', m.id, () =>
        v.run('driver', ns.drvTx, 'driver xmit', m.id, () =>
          nic.post(frame, () => {
            if (!last && (i + 1) % p.txBatch !== 0) post(i + 1);
            else
              v.run('driver', ns.doorbell, 'doorbell: NIC DMAs from app pages (d₁)', m.id, () => {
                nic.doorbell();
                post(i + 1);
              });
          }),
        ),
      );
    };
    post(0);
  }

  private sendReadRequest(v: Vcpu, m: Message, from: Side, to: Side, then: () => void): void {
    const p = this.ctx.costs.p;
    const ns = this.ctx.costs.ns;
    const nic = this.topology.hosts[from.host].nic;
    const frame: Frame = {
      messageId: m.id,
      srcHost: from.host,
      dstHost: to.host,
      payloadBytes: 0,
      headerBytes: p.hdrBytes,
      last: true,
      rx: 'driver',
      onReceive: (_f, next) => this.answerRead(m, to, from, next),
    };
    v.run('backend', ns.beFrame, 'backend builds READ request', m.id, () =>
      v.run('driver', ns.drvTx, 'driver xmit', m.id, () =>
        nic.post(frame, () =>
          v.run('driver', ns.doorbell, 'doorbell', m.id, () => {
            nic.doorbell();
            then();
          }),
        ),
      ),
    );
  }

  /** Remote backend, in the driver's receive context: send the requested data back. */
  private answerRead(m: Message, at: Side, to: Side, next: () => void): void {
    const host = this.topology.hosts[at.host];
    const d = host.driver.vcpu;
    d.run('backend', this.ctx.costs.ns.beRx, 'backend handles READ request', m.id, () =>
      host.iotlb.lookup(d, at.vm, regionKey(at, m, 'remote'), pagesOf(m.sizeBytes), m.id, () =>
        this.sendData(d, m, at, to, next),
      ),
    );
  }

  /** Receiving backend, per frame: place the payload into the registered target pages. */
  private place(f: Frame, m: Message, at: Side, total: number, next: () => void): void {
    const ns = this.ctx.costs.ns;
    const host = this.topology.hosts[at.host];
    const d = host.driver.vcpu;
    const key = `${m.id}`;
    const role = m.op === 'write' ? 'remote' : 'issuer';
    const pages = pagesOf(m.sizeBytes);
    const copy = () =>
      d.run('backend', ns.beFrame, 'backend places frame', m.id, () =>
        d.run('copy', this.ctx.costs.copyNs(f.payloadBytes), 'copy into registered pages', m.id, () => {
          const got = (this.rxFrames.get(key) ?? 0) + 1;
          if (got < total) {
            this.rxFrames.set(key, got);
            next();
            return;
          }
          this.rxFrames.delete(key);
          const fe = this.frontends.get(at);
          fe.post(m, 'delivered');
          fe.toFront.send(d, m.id, () => host.iotlb.release(d, m.id, next));
        }),
      );
    if (this.rxFrames.has(key)) copy();
    else
      d.run('backend', ns.beRx, 'backend demultiplexes message', m.id, () =>
        host.iotlb.lookup(d, at.vm, regionKey(at, m, role), pages, m.id, copy),
      );
  }

  /** Issuing host, driver context: the NIC has read the last frame; the WRITE is complete. */
  private writeSent(m: Message, at: Side, next: () => void): void {
    const host = this.topology.hosts[at.host];
    const d = host.driver.vcpu;
    const fe = this.frontends.get(at);
    fe.post(m, 'completed');
    fe.toFront.send(d, m.id, () => host.iotlb.release(d, m.id, next));
  }
}

/** As netback's groups: VM i is served on vCPU (i mod n) + 1, away from vCPU0 and its NIC interrupts. */
export function backendVcpuOf(dom0: Domain, vm: number): Vcpu {
  const n = dom0.vcpus.length;
  return dom0.vcpus[((vm % n) + 1) % n];
}
