import { Fifo } from '../../engine/fifo.ts';
import type { ModelContext } from '../context.ts';
import { chunks } from '../hw/frame.ts';
import { wakeThread } from '../xen/events.ts';
import { KThread } from '../xen/kthread.ts';
import type { Domain, Vcpu } from '../xen/vcpu.ts';
import type { Message } from './message.ts';
import { TcpFlow } from './tcpAck.ts';

/**
 * A TCP segment of an RDMA-over-TCP message (header + payload), a TSO/GSO super-segment, or an
 * ACK-only segment (no payload) going back to the data's sender.
 */
export interface Segment {
  readonly msg: Message;
  /** `request`: a READ asking the remote side for data; `data`: the data itself; `ack`: an ACK. */
  readonly kind: 'data' | 'request' | 'ack';
  readonly payloadBytes: number;
  /** Header and payload of the whole message, to know when it is all there. */
  readonly totalBytes: number;
  /** The last segment of its message. */
  readonly last: boolean;
  /** The last segment of a send call (PSH set): the receiver acknowledges it at once. */
  readonly push: boolean;
  readonly src: TcpEndpoint;
  readonly dst: TcpEndpoint;
  /** ACK: the bytes it acknowledges. */
  readonly ackBytes?: number;
}

/** What the reader can take from the socket: a message's header, or (then) its payload. */
interface Readable {
  readonly seg: Segment;
  readonly part: 'header' | 'payload';
}

/** How a segment leaves the domain (NIC driver, bridge, or netfront): `then` once the sender may go on. */
export type TcpEgress = (seg: Segment, from: Vcpu, then: () => void) => void;

export interface TcpEndpointOptions {
  /** Payload per segment the stack builds: the MSS, or 64 KiB with segmentation offload. */
  readonly segmentBytes: number;
  /** The MSS on the wire: more than this un-acknowledged makes the receiver ACK. */
  readonly mssBytes: number;
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
  private readonly ready = new Fifo<Readable>();
  private readonly toApp = new Fifo<Message>();
  /** Bytes received so far of partly received messages, by message id: data, and READ requests. */
  private readonly rxDataBytes = new Map<number, number>();
  private readonly rxRequestBytes = new Map<number, number>();
  private readonly sendQueue: (() => void)[] = [];
  private groMessage = -1;
  private groCount = 0;
  /** Flows this endpoint sends on, by receiving endpoint. */
  private readonly flows = new Map<TcpEndpoint, TcpFlow>();
  private readonly sysNs: number;
  private readonly ackRxNs: number;
  /** False: the application reads the socket itself (no progress thread, no futex hand-off). */
  private readonly viaProgressThread: boolean;

  constructor(
    private readonly ctx: ModelContext,
    readonly domain: Domain,
    readonly options: TcpEndpointOptions,
  ) {
    this.appVcpu = domain.vcpu(0);
    const progressThread = ctx.costs.p.tcpProgressThread === 1;
    this.viaProgressThread = progressThread;
    this.sysNs = domain.pv ? ctx.costs.ns.sysPv : ctx.costs.ns.sysNat;
    this.ackRxNs = Math.round(ctx.costs.p.tcpAckRxUs * 1000);
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
    const hdr = this.ctx.costs.p.hdrBytes;
    const payload = kind === 'data' ? m.sizeBytes : 0;
    const total = payload + hdr;
    // The benchmark writes header and payload with one writev, or (tcpSendCalls 2) with two send()s.
    const calls =
      this.ctx.costs.p.tcpSendCalls === 2 && payload > 0
        ? [
            { bytes: hdr, label: 'send(header)' },
            { bytes: payload, label: 'send(payload)' },
          ]
        : [{ bytes: total, label: kind === 'data' ? 'writev(header + data)' : 'send(READ request)' }];
    const call = (c: number) => {
      if (c === calls.length) onSent();
      else this.sendCall(v, m, kind, dst, calls[c], total, c === calls.length - 1, () => call(c + 1));
    };
    call(0);
  }

  /** The flow from this endpoint to `dst` (its window; the receiver's ACK state). */
  flowTo(dst: TcpEndpoint): TcpFlow {
    let f = this.flows.get(dst);
    if (!f) {
      f = new TcpFlow(this.ctx, this.ctx.costs.p.tcpWindowBytes, dst.options.mssBytes);
      this.flows.set(dst, f);
    }
    return f;
  }

  /**
   * One system call's worth: tcp_sendmsg, then per segment: wait for room in the window, copy that
   * segment in from user space, send it down the stack. The copy of segment i + 1 thus follows
   * segment i's transmission, which other CPUs carry on with (netback, the NIC) meanwhile.
   */
  private sendCall(
    v: Vcpu,
    m: Message,
    kind: 'data' | 'request',
    dst: TcpEndpoint,
    c: { bytes: number; label: string },
    total: number,
    lastCall: boolean,
    then: () => void,
  ): void {
    const ns = this.ctx.costs.ns;
    const segments = chunks(c.bytes, this.options.segmentBytes);
    const flow = this.flowTo(dst);
    const id = m.id;
    const sendSegment = (i: number) => {
      if (i === segments.length) {
        then();
        return;
      }
      const bytes = segments[i];
      const push = i === segments.length - 1;
      const go = () =>
        v.run('copy', this.ctx.costs.copyNs(bytes), 'copy_from_user', id, () =>
          v.run('tcpip', ns.tcpTxSeg, 'TCP/IP transmit', id, () =>
            this.options.egress(
              {
                msg: m,
                kind,
                payloadBytes: bytes,
                totalBytes: total,
                last: lastCall && push,
                push,
                src: this,
                dst,
              },
              v,
              () => sendSegment(i + 1),
            ),
          ),
        );
      // Socket buffer full: the writer sleeps until an ACK frees room (sk_write_space wakes it).
      flow.reserve(bytes, go, (from) => wakeThread(this.ctx, from, v, 'writer (sk_write_space)', id, go));
    };
    v.run('syscall', this.sysNs, c.label, id, () =>
      v.run('tcpip', ns.tcpTxCall, 'tcp_sendmsg', id, () => sendSegment(0)),
    );
  }

  /** A segment (or frame) reached this stack, in the receive context `r`; `next` continues that context. */
  receive(seg: Segment, r: Vcpu, next: () => void): void {
    if (seg.kind === 'ack') {
      this.receiveAck(seg, r, next);
      return;
    }
    const ns = this.ctx.costs.ns;
    const id = seg.msg.id;
    // GRO: consecutive frames of one message share one pass through TCP/IP.
    if (this.groMessage !== id || this.groCount >= this.options.groFrames) {
      this.groMessage = id;
      this.groCount = 0;
    }
    const firstOfBatch = this.groCount++ === 0;
    const closesBatch = this.groCount >= this.options.groFrames;
    // After queueing the data, TCP decides whether to ACK (tcp_ack_snd_check follows tcp_data_queue).
    const ackThenNext = () => {
      const ackBytes = seg.src.flowTo(this).received(seg.payloadBytes, seg.push, closesBatch);
      if (ackBytes === 0) next();
      else
        r.run('tcpip', ns.tcpTxSeg, 'TCP ACK transmit', id, () =>
          this.options.egress(
            {
              msg: seg.msg,
              kind: 'ack',
              payloadBytes: 0,
              totalBytes: 0,
              last: false,
              push: false,
              src: this,
              dst: seg.src,
              ackBytes,
            },
            r,
            next,
          ),
        );
    };
    const afterStack = () => {
      const rxBytes = seg.kind === 'data' ? this.rxDataBytes : this.rxRequestBytes;
      const before = rxBytes.get(id) ?? 0;
      const got = before + seg.payloadBytes;
      const hdr = this.ctx.costs.p.hdrBytes;
      // The reader waits first for the header, then for the payload: each arrival it waits for wakes it.
      const header = before < hdr && got >= hdr;
      const payload = got >= seg.totalBytes;
      if (!payload) rxBytes.set(id, got);
      else rxBytes.delete(id);
      if (!header && !payload) {
        ackThenNext();
        return;
      }
      r.run('tcpip', ns.tcpRxCall, 'sk_data_ready', id, () => {
        if (header) this.ready.push({ seg, part: 'header' });
        if (payload) this.ready.push({ seg, part: 'payload' });
        this.progress.kick(r, id);
        ackThenNext();
      });
    };
    if (firstOfBatch) r.run('tcpip', ns.tcpRxSeg, 'TCP/IP receive', id, afterStack);
    else afterStack();
  }

  /** An ACK for data this endpoint sent: free the window (which may wake a blocked writer). */
  private receiveAck(seg: Segment, r: Vcpu, next: () => void): void {
    r.run('tcpip', this.ackRxNs, 'TCP ACK receive', seg.msg.id, () => {
      this.flowTo(seg.src).acked(seg.ackBytes ?? 0, r);
      next();
    });
  }

  /** The largest number of un-acknowledged bytes any flow of this endpoint had. */
  get maxInFlightBytes(): number {
    let max = 0;
    for (const f of this.flows.values()) max = Math.max(max, f.maxInFlightBytes);
    return max;
  }

  /** Bytes in flight or received and not acknowledged, on this endpoint's flows (0 once drained). */
  get unackedBytes(): number {
    let sum = 0;
    for (const f of this.flows.values()) sum += f.pendingBytes;
    return sum;
  }

  /** Bytes of partly received messages (must be 0 when a run ends). */
  get pendingBytes(): number {
    let sum = 0;
    for (const b of this.rxDataBytes.values()) sum += b;
    for (const b of this.rxRequestBytes.values()) sum += b;
    return sum;
  }

  private readonly readLoop = (): void => {
    const item = this.ready.shift();
    if (!item) {
      this.progress.sleep(); // blocked in recv until sk_data_ready wakes it
      return;
    }
    const v = this.progress.vcpu;
    const ns = this.ctx.costs.ns;
    const { seg, part } = item;
    const m = seg.msg;
    if (part === 'header') {
      v.run('syscall', this.sysNs, 'recv(header)', m.id, () =>
        v.run('syscall', ns.hdrParse, 'parse RDMA header', m.id, () =>
          v.run('syscall', this.sysNs, 'recv(payload)', m.id, this.readLoop),
        ),
      );
      return;
    }
    v.run('copy', this.ctx.costs.copyNs(seg.totalBytes), 'copy_to_user', m.id, () => {
      if (seg.kind === 'request') {
        this.options.deliver(m, 'request'); // the path answers the READ from this thread
      } else if (!this.viaProgressThread) {
        this.options.deliver(m, 'data'); // no progress thread: the application read it itself
      } else {
        this.toApp.push(m);
        this.app.kick(v, m.id);
      }
      this.readLoop();
    });
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
