import type { ModelContext } from '../context.ts';
import { TCP_IP_HEADER_BYTES, type Frame } from '../hw/frame.ts';
import type { Pair, Topology } from '../topology.ts';
import type { IoPath, Message } from './message.ts';
import { Netback } from './netback.ts';
import { Vif, pushPacket, type VifPacket } from './vif.ts';
import { NetfrontRx } from './netfrontRx.ts';
import { SegmentPacket, noop } from './segmentPacket.ts';
import { TcpMessaging } from './tcpPath.ts';
import { backendVcpuOf } from './zeroCopy.ts';

/** The largest TCP super-segment GSO builds: 64 KiB of IP datagram. */
const GSO_SEGMENT_BYTES = 65536 - TCP_IP_HEADER_BYTES;

/**
 * A VM's TCP sockets over Xen's virtual Ethernet: netfront → event channel → netback (grant copy)
 * → bridge → native driver → NIC, and the mirror path on the receiving host; ACKs come back the
 * same way. By default no segmentation offload crosses the vif, so every MSS-sized segment pays the
 * per-packet costs; with `vifGso` netfront hands netback 64 KiB super-segments, the NIC cuts them
 * (TSO) and the receiving Dom0 merges the frames again (GRO) before its vif.
 */
export class PvTcpPath implements IoPath {
  private readonly tcp: TcpMessaging;
  /** By host, then VM (vifs) or netback group: looked up for every packet, so no string keys. */
  private readonly vifs: Vif[][] = [];
  private readonly netbacks: Netback[][] = [];
  /** Every vif, in the order created. */
  private readonly allVifs: Vif[] = [];
  /** Receiving Dom0's GRO: payload bytes of each super-segment gathered so far. */
  private readonly gro = new Map<VifPacket, number>();

  constructor(
    private readonly ctx: ModelContext,
    private readonly topology: Topology,
  ) {
    const mss = ctx.costs.p.mtuBytes - TCP_IP_HEADER_BYTES;
    const gso = ctx.costs.p.vifGso === 1;
    this.tcp = new TcpMessaging(ctx, topology, (side) => ({
      segmentBytes: gso ? GSO_SEGMENT_BYTES : mss,
      mssBytes: mss,
      groFrames: 1,
      egress: (seg, v, then) => {
        const pkt = new SegmentPacket(
          seg,
          mss,
          ctx.costs.p.vifRingSlots,
          this.vif(side.host, side.vm),
          v,
          then,
        );
        v.run(
          'netfront',
          ctx.costs.ns.nfTx,
          seg.kind === 'ack' ? 'netfront xmit (ACK)' : 'netfront xmit',
          seg.msg.id,
          this.xmitted,
          pkt,
        );
      },
    }));
  }

  /** netfront has built the request: the packet goes on the TX ring, then the sender goes on. */
  private readonly xmitted = (pkt: SegmentPacket): void => {
    const sent = pkt.sent;
    pkt.sent = noop; // nothing of the sender stays reachable from a packet in flight
    pushPacket(pkt.vif.tx, pkt, pkt.from, sent);
  };

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
      slots: 1,
      arrived,
    };
    const ns = this.ctx.costs.ns;
    g.run('pktgen', ns.pktgen, 'pktgen builds skb', id, () =>
      g.run('netfront', ns.nfTx, 'netfront xmit', id, () => pushPacket(vif.tx, pkt, g, then)),
    );
  }

  rings() {
    return this.allVifs.flatMap((v) =>
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
    const byGroup = (this.netbacks[host] ??= []);
    let nb = byGroup[group];
    if (!nb) {
      // Group g's thread runs on vCPU g+1, away from vCPU0, which takes the NIC's interrupts.
      nb = new Netback(this.ctx, this.topology.hosts[host].nic, host, backendVcpuOf(dom0, group));
      nb.pathRx = (f, pkt, next) => this.bridgeToVif(f, pkt, next);
      byGroup[group] = nb;
    }
    return nb;
  }

  private vif(host: number, vm: number): Vif {
    const byVm = (this.vifs[host] ??= []);
    let vif = byVm[vm];
    if (!vif) {
      const domain = this.topology.hosts[host].vms[vm];
      const nb = this.netback(host, vm);
      const created: Vif = new Vif(this.ctx, domain, nb, () => netfront.irq());
      const netfront = new NetfrontRx(this.ctx, created, domain.vcpu(0));
      nb.vifs.push(created);
      byVm[vm] = created;
      this.allVifs.push(created);
      vif = created;
    }
    return vif;
  }

  /**
   * Dom0, receiving host: the bridge forwards the frame to the destination VM's vif. The frames of a
   * GSO super-segment are first merged back into it (GRO, in the driver's NAPI poll).
   */
  private bridgeToVif(f: Frame, pkt: VifPacket, next: () => void): void {
    if (pkt.mssBytes !== undefined) {
      const got = (this.gro.get(pkt) ?? 0) + f.payloadBytes;
      if (got < pkt.payloadBytes) {
        this.gro.set(pkt, got);
        next();
        return;
      }
      this.gro.delete(pkt);
    }
    const dst = pkt.seg!.dst.domain;
    const v = this.topology.hosts[dst.host].driver.vcpu;
    this.vif(dst.host, dst.vmIndex); // created (with its netback) now if this is its first packet
    const sp = pkt as SegmentPacket;
    sp.bridged = next;
    v.run('bridge', this.ctx.costs.ns.bridge, 'bridge → vif', f.messageId, this.bridged, sp);
  }

  private readonly bridged = (pkt: SegmentPacket): void => {
    const dst = pkt.seg.dst.domain;
    const v = this.topology.hosts[dst.host].driver.vcpu;
    this.netback(dst.host, dst.vmIndex).enqueueRx(this.vif(dst.host, dst.vmIndex), pkt, v);
    const next = pkt.bridged;
    pkt.bridged = noop;
    next();
  };
}
