import type { ModelContext } from '../context.ts';
import { chunks } from '../hw/frame.ts';
import { KThread } from '../xen/kthread.ts';
import type { Domain, Vcpu } from '../xen/vcpu.ts';
import type { Message } from './message.ts';

/** A TCP segment of an RDMA-over-TCP message (header + payload), or a TSO super-segment. */
export interface Segment {
  readonly msg: Message;
  /** `request`: a READ asking the remote side for data; `data`: the data itself. */
  readonly kind: 'data' | 'request';
  readonly payloadBytes: number;
  /** Header and payload of the whole message, to know when it is all there. */
  readonly totalBytes: number;
  readonly last: boolean;
  readonly dst: TcpEndpoint;
}

/** How a segment leaves the domain (NIC driver, bridge, or netfront): `then` once the sender may go on. */
export type TcpEgress = (seg: Segment, from: Vcpu, then: () => void) => void;

export interface TcpEndpointOptions {
  /** Payload per segment the stack builds: the MSS, or 64 KiB with segmentation offload. */
  readonly segmentBytes: number;
  /** With generic receive offload, one TCP/IP receive pass covers up to this many frames. */
  readonly groFrames: number;
  readonly egress: TcpEgress;
  /** The application receives a message of `kind` (data to use, or a READ to answer). */
  readonly deliver: (m: Message, kind: 'data' | 'request') => void;
}

/**
 * The RDMA-over-TCP benchmark on one domain (cost-model §4.2): the application sends header and
 * payload with one writev; on the receiving side a progress thread blocks in recv, reads the header,
 * then the payload into the target buffer, and futex-wakes the application thread. Its vCPU layout:
 * interrupts and the application on vCPU0, the progress thread on vCPU1 (when the domain has one).
 */
export class TcpEndpoint {
  readonly appVcpu: Vcpu;
  private readonly progress: KThread;
  private readonly app: KThread;
  private readonly ready: Segment[] = [];
  private readonly toApp: Message[] = [];
  private readonly rxBytes = new Map<string, number>();
  private readonly sendQueue: (() => void)[] = [];
  private groMessage = -1;
  private groCount = 0;
  private readonly sysNs: number;
  /** False: the application reads the socket itself (no progress thread, no futex hand-off). */
  private readonly viaProgressThread: boolean;

  constructor(
    private readonly ctx: ModelContext,
    readonly domain: Domain,
    private readonly options: TcpEndpointOptions,
  ) {
    this.appVcpu = domain.vcpu(0);
    const progressThread = ctx.costs.p.tcpProgressThread === 1;
    this.viaProgressThread = progressThread;
    this.sysNs = domain.pv ? ctx.costs.ns.sysPv : ctx.costs.ns.sysNat;
    this.progress = new KThread(
      ctx,
      'progress thread',
      progressThread ? domain.vcpu(1) : this.appVcpu,
      this.readLoop,
    );
    this.app = new KThread(ctx, 'application thread', this.appVcpu, this.appLoop);
  }

  /**
   * writev(header + payload) on `v`; `onSent` when the last segment has left the stack. One socket
   * takes one writev at a time (the socket lock): later sends wait for the one in progress.
   */
  send(v: Vcpu, m: Message, kind: 'data' | 'request', dst: TcpEndpoint, onSent: () => void): void {
    this.sendQueue.push(() =>
      this.sendNow(v, m, kind, dst, () => {
        onSent();
        this.sendQueue.shift();
        this.sendQueue[0]?.();
      }),
    );
    if (this.sendQueue.length === 1) this.sendQueue[0]();
  }

  private sendNow(v: Vcpu, m: Message, kind: 'data' | 'request', dst: TcpEndpoint, onSent: () => void): void {
    const ns = this.ctx.costs.ns;
    const payload = kind === 'data' ? m.sizeBytes : 0;
    const total = payload + this.ctx.costs.p.hdrBytes;
    const segments = chunks(total, this.options.segmentBytes);
    const id = m.id;
    const sendSegment = (i: number) => {
      if (i === segments.length) {
        onSent();
        return;
      }
      v.run('tcpip', ns.tcpTxSeg, 'TCP/IP transmit', id, () =>
        this.options.egress(
          {
            msg: m,
            kind,
            payloadBytes: segments[i],
            totalBytes: total,
            last: i === segments.length - 1,
            dst,
          },
          v,
          () => sendSegment(i + 1),
        ),
      );
    };
    v.run('syscall', this.sysNs, kind === 'data' ? 'writev(header + data)' : 'send(READ request)', id, () =>
      v.run('copy', this.ctx.costs.copyNs(total), 'copy_from_user', id, () =>
        v.run('tcpip', ns.tcpTxCall, 'tcp_sendmsg', id, () => sendSegment(0)),
      ),
    );
  }

  /** A segment (or frame) reached this stack, in the receive context `r`; `next` continues that context. */
  receive(seg: Segment, r: Vcpu, next: () => void): void {
    const ns = this.ctx.costs.ns;
    const id = seg.msg.id;
    const afterStack = () => {
      const key = `${id}:${seg.kind}`;
      const got = (this.rxBytes.get(key) ?? 0) + seg.payloadBytes;
      if (got < seg.totalBytes) {
        this.rxBytes.set(key, got);
        next();
        return;
      }
      this.rxBytes.delete(key);
      r.run('tcpip', ns.tcpRxCall, 'sk_data_ready', id, () => {
        this.ready.push(seg);
        this.progress.kick(r, id);
        next();
      });
    };
    // GRO: consecutive frames of one message share one pass through TCP/IP.
    if (this.groMessage !== id || this.groCount >= this.options.groFrames) {
      this.groMessage = id;
      this.groCount = 0;
    }
    const firstOfBatch = this.groCount++ === 0;
    if (firstOfBatch) r.run('tcpip', ns.tcpRxSeg, 'TCP/IP receive', id, afterStack);
    else afterStack();
  }

  /** Bytes of partly received messages (must be 0 when a run ends). */
  get pendingBytes(): number {
    let sum = 0;
    for (const b of this.rxBytes.values()) sum += b;
    return sum;
  }

  private readonly readLoop = (): void => {
    const seg = this.ready.shift();
    if (!seg) {
      this.progress.sleep();
      return;
    }
    const v = this.progress.vcpu;
    const ns = this.ctx.costs.ns;
    const m = seg.msg;
    v.run('syscall', this.sysNs, 'recv(header)', m.id, () =>
      v.run('syscall', ns.hdrParse, 'parse RDMA header', m.id, () =>
        v.run('syscall', this.sysNs, 'recv(payload)', m.id, () =>
          v.run('copy', this.ctx.costs.copyNs(seg.totalBytes), 'copy_to_user', m.id, () => {
            if (seg.kind === 'request') {
              this.options.deliver(m, 'request'); // the path answers the READ from this thread
              this.readLoop();
            } else if (!this.viaProgressThread) {
              this.options.deliver(m, 'data'); // no progress thread: the application read it itself
              this.readLoop();
            } else {
              this.toApp.push(m);
              this.app.kick(v, m.id);
              this.readLoop();
            }
          }),
        ),
      ),
    );
  };

  private readonly appLoop = (): void => {
    const m = this.toApp.shift();
    if (!m) {
      this.app.sleep();
      return;
    }
    this.appVcpu.run('syscall', this.sysNs, 'futex wait returns', m.id, () => {
      this.options.deliver(m, 'data');
      this.appLoop();
    });
  };

  /** The progress thread's vCPU, which answers READ requests. */
  get readerVcpu(): Vcpu {
    return this.progress.vcpu;
  }
}
