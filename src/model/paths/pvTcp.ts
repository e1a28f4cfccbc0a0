import type { ModelContext } from '../context.ts';
import { TCP_IP_HEADER_BYTES, frameBytes, type Frame } from '../hw/frame.ts';
import type { Pair, Topology } from '../topology.ts';
import { EventChannel } from '../xen/eventChannel.ts';
import { grantCopy } from '../xen/grantTable.ts';
import { KThread } from '../xen/kthread.ts';
import { SharedRing } from '../xen/sharedRing.ts';
import type { Domain, Vcpu } from '../xen/vcpu.ts';
import { markCompleted, type IoPath, type Message } from './message.ts';
import type { Segment } from './tcp.ts';
import { TcpMessaging } from './tcpPath.ts';
import { backendVcpuOf } from './zeroCopy.ts';

/** A packet on a vif: a TCP segment, or a pktgen socket buffer. */
interface VifPacket {
  readonly id: number;
  readonly payloadBytes: number;
  readonly headerBytes: number;
  readonly dstHost: number;
  /** The TCP segment it carries (none for pktgen). */
  readonly seg?: Segment;
  /** Netback tells the frontend when this packet is done (the last segment of a WRITE). */
  readonly completes?: Message;
  /** pktgen: the frame reached the far NIC. */
  readonly arrived?: () => void;
}

/** A VM's virtual interface: the TX and RX shared rings and the two event channels. */
class Vif {
  readonly tx: SharedRing<VifPacket>;
  readonly rx: SharedRing<VifPacket>;
  readonly toBack: EventChannel;
  readonly toFront: EventChannel;
  readonly txDone: Message[] = [];

  constructor(ctx: ModelContext, vm: Domain, netback: Netback, netfrontIrq: () => void) {
    const name = `h${vm.host}/${vm.id}`;
    this.toBack = new EventChannel(ctx, `${vm.id} → netback`, netback.thread.vcpu, (id) =>
      netback.thread.kick(netback.thread.vcpu, id),
    );
    this.toFront = new EventChannel(ctx, `netback → ${vm.id}`, vm.vcpu(0), netfrontIrq);
    this.tx = new SharedRing(ctx, `${name}/tx-ring`, ctx.costs.p.vifRingSlots, () => this.toBack);
    this.rx = new SharedRing(ctx, `${name}/rx-ring`, ctx.costs.p.vifRingSlots, () => this.toFront);
  }
}

/**
 * Netback: one kernel thread per group (one group per Dom0 vCPU) serving the vifs of its group.
 * TX: it takes up to `txBatch` requests, copies them out of the guests with one GNTTABOP_copy,
 * hands them to the bridge and the native driver, rings the doorbell once. RX: it copies packets the
 * bridge gave the vif into buffers the guest posted on its RX ring, and notifies the guest.
 */
class Netback {
  readonly thread: KThread;
  readonly vifs: Vif[] = [];
  readonly rxQueue: { vif: Vif; pkt: VifPacket }[] = [];
  private nextVif = 0;

  constructor(
    private readonly ctx: ModelContext,
    private readonly topology: Topology,
    readonly host: number,
    vcpu: Vcpu,
  ) {
    this.thread = new KThread(ctx, 'netback kthread', vcpu, () => this.loop());
  }

  private loop(): void {
    const batchSize = this.ctx.costs.p.txBatch;
    const tx: { vif: Vif; pkt: VifPacket }[] = [];
    for (let scanned = 0; tx.length < batchSize && scanned < this.vifs.length;) {
      const vif = this.vifs[this.nextVif];
      const pkt = vif.tx.take();
      if (pkt) tx.push({ vif, pkt });
      else {
        scanned++;
        this.nextVif = (this.nextVif + 1) % this.vifs.length;
      }
    }
    if (tx.length > 0) {
      this.transmit(tx, () => this.loop());
      return;
    }
    const rx = this.rxQueue.splice(0, batchSize);
    if (rx.length > 0) {
      this.receive(rx, () => this.loop());
      return;
    }
    for (const vif of this.vifs) vif.tx.requestEvent();
    this.thread.sleep();
  }

  private transmit(batch: { vif: Vif; pkt: VifPacket }[], then: () => void): void {
    const { ctx } = this;
    const ns = ctx.costs.ns;
    const v = this.thread.vcpu;
    const k = batch.length;
    const id = batch[0].pkt.id;
    const nic = this.topology.hosts[this.host].nic;
    const post = (i: number) => {
      if (i === k) {
        v.run('driver', ns.doorbell, 'doorbell', id, () => {
          nic.doorbell();
          this.respond(batch, then);
        });
        return;
      }
      nic.post(this.frame(batch[i].pkt), () => post(i + 1));
    };
    v.run('netback', ns.nbTx * k, `netback TX ×${k}`, id, () =>
      grantCopy(
        ctx,
        v,
        batch.map((b) => frameBytes(b.pkt.payloadBytes, b.pkt.headerBytes)),
        'guest → Dom0',
        id,
        () =>
          v.run('bridge', ns.bridge * k, `bridge → eth0 ×${k}`, id, () =>
            v.run('driver', ns.drvTx * k, `driver xmit ×${k}`, id, () => post(0)),
          ),
      ),
    );
  }

  /** TX responses: guests whose WRITE has fully left their memory are told so. */
  private respond(batch: { vif: Vif; pkt: VifPacket }[], then: () => void): void {
    const told = new Set<Vif>();
    for (const { vif, pkt } of batch) {
      if (!pkt.completes) continue;
      vif.txDone.push(pkt.completes);
      told.add(vif);
    }
    const vifs = [...told];
    const notify = (i: number) => {
      if (i === vifs.length) then();
      else vifs[i].toFront.send(this.thread.vcpu, batch[0].pkt.id, () => notify(i + 1));
    };
    notify(0);
  }

  private receive(batch: { vif: Vif; pkt: VifPacket }[], then: () => void): void {
    const { ctx } = this;
    const v = this.thread.vcpu;
    const k = batch.length;
    const id = batch[0].pkt.id;
    const push = (i: number) => {
      if (i === k) then();
      else batch[i].vif.rx.push(batch[i].pkt, v, batch[i].pkt.id, () => push(i + 1));
    };
    v.run('netback', ctx.costs.ns.nbRx * k, `netback RX ×${k}`, id, () =>
      grantCopy(
        ctx,
        v,
        batch.map((b) => frameBytes(b.pkt.payloadBytes, b.pkt.headerBytes)),
        'Dom0 → guest',
        id,
        () => push(0),
      ),
    );
  }

  private frame(pkt: VifPacket): Frame {
    return {
      messageId: pkt.id,
      srcHost: this.host,
      dstHost: pkt.dstHost,
      payloadBytes: pkt.payloadBytes,
      headerBytes: pkt.headerBytes,
      last: true,
      rx: pkt.seg ? 'driver' : 'sink',
      onReceive: pkt.seg ? (f, next) => this.pathRx(f, pkt, next) : pkt.arrived,
    };
  }

  /** Set by the path: what the destination host does with a frame for a vif. */
  pathRx: (f: Frame, pkt: VifPacket, next: () => void) => void = () => {};
}

/**
 * A VM's TCP sockets over Xen's virtual Ethernet: netfront → event channel → netback (grant copy)
 * → bridge → native driver → NIC, and the mirror path on the receiving host. No segmentation
 * offload crosses the vif, so every MSS-sized segment pays the per-packet costs.
 */
export class PvTcpPath implements IoPath {
  private readonly tcp: TcpMessaging;
  private readonly vifs = new Map<string, Vif>();
  private readonly netbacks = new Map<string, Netback>();

  constructor(
    private readonly ctx: ModelContext,
    private readonly topology: Topology,
  ) {
    const mss = ctx.costs.p.mtuBytes - TCP_IP_HEADER_BYTES;
    this.tcp = new TcpMessaging(ctx, topology, (side) => ({
      segmentBytes: mss,
      groFrames: 1,
      egress: (seg, v, then) => {
        const vif = this.vif(side.host, side.vm);
        const pkt: VifPacket = {
          id: seg.msg.id,
          payloadBytes: seg.payloadBytes,
          headerBytes: TCP_IP_HEADER_BYTES,
          dstHost: seg.dst.domain.host,
          seg,
          completes: seg.last && seg.kind === 'data' && seg.msg.op === 'write' ? seg.msg : undefined,
        };
        v.run('netfront', ctx.costs.ns.nfTx, 'netfront xmit', seg.msg.id, () =>
          vif.tx.push(pkt, v, seg.msg.id, then),
        );
      },
    }));
  }

  issue(m: Message): void {
    this.tcp.issue(m);
  }

  pktgen(
    pair: Pair,
    frameBytes: number,
    id: number,
    _last: boolean,
    then: () => void,
    arrived: () => void,
  ): void {
    const vif = this.vif(pair.srcHost, pair.srcVm);
    const g = this.topology.hosts[pair.srcHost].vms[pair.srcVm].vcpu(0);
    const pkt: VifPacket = {
      id,
      payloadBytes: frameBytes - 14,
      headerBytes: 0,
      dstHost: pair.dstHost,
      arrived,
    };
    const ns = this.ctx.costs.ns;
    g.run('pktgen', ns.pktgen, 'pktgen builds skb', id, () =>
      g.run('netfront', ns.nfTx, 'netfront xmit', id, () => vif.tx.push(pkt, g, id, then)),
    );
  }

  rings() {
    return [...this.vifs.values()].flatMap((v) =>
      [v.tx, v.rx].map((r) => ({
        name: r.name,
        occupancy: r.occupancy,
        slots: r.ring.slots,
        averageOccupancy: (now: number) => r.ring.occupancyOverTime.average(now),
      })),
    );
  }

  pendingBytes(): number {
    return this.tcp.pendingBytes();
  }

  private netback(host: number, vm: number): Netback {
    const dom0 = this.topology.hosts[host].dom0!;
    const groups = dom0.vcpus.length;
    const group = vm % groups;
    const key = `${host}/${group}`;
    let nb = this.netbacks.get(key);
    if (!nb) {
      // Group g's thread runs on vCPU g+1, away from vCPU0, which takes the NIC's interrupts.
      nb = new Netback(this.ctx, this.topology, host, backendVcpuOf(dom0, group));
      nb.pathRx = (f, pkt, next) => this.bridgeToVif(f, pkt, next);
      this.netbacks.set(key, nb);
    }
    return nb;
  }

  private vif(host: number, vm: number): Vif {
    const key = `${host}/${vm}`;
    let vif = this.vifs.get(key);
    if (!vif) {
      const domain = this.topology.hosts[host].vms[vm];
      const nb = this.netback(host, vm);
      const created: Vif = new Vif(this.ctx, domain, nb, () => this.netfrontIrq(created, domain.vcpu(0)));
      nb.vifs.push(created);
      this.vifs.set(key, created);
      vif = created;
    }
    return vif;
  }

  /** Dom0, receiving host: the bridge forwards the frame to the destination VM's vif. */
  private bridgeToVif(f: Frame, pkt: VifPacket, next: () => void): void {
    const seg = pkt.seg!;
    const dst = seg.dst.domain;
    const vif = this.vif(dst.host, dst.vmIndex);
    const nb = this.netback(dst.host, dst.vmIndex);
    const v = this.topology.hosts[dst.host].driver.vcpu;
    v.run('bridge', this.ctx.costs.ns.bridge, 'bridge → vif', f.messageId, () => {
      nb.rxQueue.push({ vif, pkt });
      nb.thread.kick(v, f.messageId);
      next();
    });
  }

  /** The guest's netfront interrupt: TX completions, then received packets up the TCP stack. */
  private netfrontIrq(vif: Vif, g: Vcpu): void {
    const done = vif.txDone.shift();
    if (done) {
      markCompleted(done, this.ctx.sim.now);
      this.netfrontIrq(vif, g);
      return;
    }
    const pkt = vif.rx.take();
    if (!pkt) {
      vif.rx.requestEvent();
      return;
    }
    g.run('netfront', this.ctx.costs.ns.nfRx, 'netfront RX', pkt.id, () =>
      pkt.seg!.dst.receive(pkt.seg!, g, () => this.netfrontIrq(vif, g)),
    );
  }
}
