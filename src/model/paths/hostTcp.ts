import type { ModelContext } from '../context.ts';
import { TCP_IP_HEADER_BYTES, type Frame } from '../hw/frame.ts';
import type { Pair, Topology } from '../topology.ts';
import type { IoPath, Message } from './message.ts';
import { TcpMessaging, writeSent } from './tcpPath.ts';

const TSO_SEGMENT_BYTES = 65536 - TCP_IP_HEADER_BYTES;

/**
 * TCP sockets in the domain that owns the NIC: vanilla Linux (`native`), or the privileged guest
 * (`dom0`), whose packets also cross the software bridge and pay PV overheads. Both use segmentation
 * and receive offload (64 KiB super-segments cut by the NIC; receive batches of up to 44 frames).
 */
export class HostTcpPath implements IoPath {
  private readonly tcp: TcpMessaging;
  private readonly posted = new Map<number, number>();

  constructor(
    private readonly ctx: ModelContext,
    private readonly topology: Topology,
    private readonly inDom0: boolean,
  ) {
    const mss = ctx.costs.p.mtuBytes - TCP_IP_HEADER_BYTES;
    this.tcp = new TcpMessaging(ctx, topology, (side) => {
      const host = topology.hosts[side.host];
      return {
        segmentBytes: TSO_SEGMENT_BYTES,
        mssBytes: mss,
        groFrames: Math.max(1, Math.floor(TSO_SEGMENT_BYTES / mss)),
        egress: (seg, v, then) => {
          const ns = ctx.costs.ns;
          // The NIC cuts a super-segment into frames; only its final frame carries the push.
          let receivedBytes = 0;
          const frame: Frame = {
            messageId: seg.msg.id,
            srcHost: side.host,
            dstHost: seg.dst.domain.host,
            payloadBytes: seg.payloadBytes,
            headerBytes: TCP_IP_HEADER_BYTES,
            mssBytes: mss,
            last: seg.last,
            rx: 'driver',
            onReceive: (f, next) => {
              receivedBytes += f.payloadBytes;
              const endOfSegment = receivedBytes >= seg.payloadBytes;
              this.receive(f.dstHost, f, () =>
                seg.dst.receive(
                  {
                    ...seg,
                    payloadBytes: f.payloadBytes,
                    last: seg.last && endOfSegment,
                    push: seg.push && endOfSegment,
                  },
                  this.rxVcpu(f.dstHost),
                  next,
                ),
              );
            },
            onTxDone:
              seg.last && seg.kind !== 'ack'
                ? (_f, next) => (writeSent(ctx, seg.msg, seg.kind), next())
                : undefined,
          };
          const xmit = () =>
            v.run(
              'driver',
              ns.drvTx,
              seg.kind === 'ack' ? 'driver xmit (ACK)' : 'driver xmit (TSO)',
              seg.msg.id,
              () =>
                host.nic.post(frame, () =>
                  v.run('driver', ns.doorbell, 'doorbell', seg.msg.id, () => {
                    host.nic.doorbell();
                    then();
                  }),
                ),
            );
          if (!this.inDom0) xmit();
          else
            v.run('bridge', ns.bridge, 'bridge → eth0', seg.msg.id, () =>
              v.run('pv-overhead', ns.pvOverhead, 'PV overhead', seg.msg.id, xmit),
            );
        },
      };
    });
  }

  issue(m: Message): void {
    this.tcp.issue(m);
  }

  pktgen(
    pair: Pair,
    frameBytes: number,
    id: number,
    last: boolean,
    then: () => void,
    arrived: () => void,
  ): void {
    const host = this.topology.hosts[pair.srcHost];
    const v = (host.dom0 ?? host.linux)!.vcpu(0);
    const ns = this.ctx.costs.ns;
    const frame: Frame = {
      messageId: id,
      srcHost: pair.srcHost,
      dstHost: pair.dstHost,
      payloadBytes: frameBytes - 14,
      headerBytes: 0,
      last: true,
      rx: 'sink',
      onReceive: arrived,
    };
    const count = (this.posted.get(pair.srcHost) ?? 0) + 1;
    this.posted.set(pair.srcHost, count);
    const xmit = () =>
      v.run('driver', ns.drvTx, 'driver xmit', id, () =>
        host.nic.post(frame, () => {
          // pktgen rings the doorbell once per burst (xmit_more), and after its last packet.
          if (count % this.ctx.costs.p.txBatch !== 0 && !last) then();
          else
            v.run('driver', ns.doorbell, 'doorbell', id, () => {
              host.nic.doorbell();
              then();
            });
        }),
      );
    v.run('pktgen', ns.pktgen, 'pktgen builds skb', id, () =>
      this.inDom0 ? v.run('pv-overhead', ns.pvOverhead, 'PV overhead', id, xmit) : xmit(),
    );
  }

  rings() {
    return [];
  }

  pendingBytes(): number {
    return this.tcp.pendingBytes();
  }

  private rxVcpu(host: number) {
    return this.topology.hosts[host].driver.vcpu;
  }

  /** Receive side below TCP: Dom0's frames come up through the bridge. */
  private receive(host: number, f: Frame, up: () => void): void {
    if (!this.inDom0) {
      up();
      return;
    }
    const v = this.rxVcpu(host);
    const ns = this.ctx.costs.ns;
    v.run('bridge', ns.bridge, 'bridge → Dom0 stack', f.messageId, () =>
      v.run('pv-overhead', ns.pvOverhead, 'PV overhead', f.messageId, up),
    );
  }
}
