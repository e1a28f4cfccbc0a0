import { Fifo } from '../../engine/fifo.ts';
import type { ModelContext } from '../context.ts';
import { KThread } from '../xen/kthread.ts';
import type { Domain, Vcpu } from '../xen/vcpu.ts';
import type { Message } from './message.ts';
import { TcpFlow } from './tcpAck.ts';
import { newSegment, type Segment, type TcpEgress } from './tcpSegment.ts';
import { SendCall } from './tcpSend.ts';

export type { Segment, TcpEgress } from './tcpSegment.ts';

/** What the reader can take from the socket: a message's header, or (then) its payload. */
interface Readable {
  readonly seg: Segment;
  readonly part: 'header' | 'payload';
}

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

  /** One system call's worth: the syscall and tcp_sendmsg, then its segments (see SendCall). */
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
    const call = new SendCall(
      this.ctx,
      this,
      this.options.egress,
      this.flowTo(dst),
      v,
      m,
      kind,
      dst,
      c.bytes,
      this.options.segmentBytes,
      total,
      lastCall,
      then,
    );
    v.run('syscall', this.sysNs, c.label, m.id, () =>
      v.run('tcpip', ns.tcpTxCall, 'tcp_sendmsg', m.id, call.start),
    );
  }

  /** A segment (or frame) reached this stack, in the receive context `r`; `next` continues that context. */
  receive(seg: Segment, r: Vcpu, next: () => void): void {
    seg.via = r;
    seg.then = next;
    if (seg.kind === 'ack') {
      r.run('tcpip', this.ackRxNs, 'TCP ACK receive', seg.msg.id, this.ackReceived, seg);
      return;
    }
    const id = seg.msg.id;
    // GRO: consecutive frames of one message share one pass through TCP/IP.
    if (this.groMessage !== id || this.groCount >= this.options.groFrames) {
      this.groMessage = id;
      this.groCount = 0;
    }
    const firstOfBatch = this.groCount++ === 0;
    seg.closesBatch = this.groCount >= this.options.groFrames;
    if (firstOfBatch) r.run('tcpip', this.ctx.costs.ns.tcpRxSeg, 'TCP/IP receive', id, this.afterStack, seg);
    else this.afterStack(seg);
  }

  private readonly afterStack = (seg: Segment): void => {
    const id = seg.msg.id;
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
      this.ackThenNext(seg);
      return;
    }
    seg.wakesHeader = header;
    seg.wakesPayload = payload;
    seg.via!.run('tcpip', this.ctx.costs.ns.tcpRxCall, 'sk_data_ready', id, this.dataReady, seg);
  };

  private readonly dataReady = (seg: Segment): void => {
    if (seg.wakesHeader) this.ready.push({ seg, part: 'header' });
    if (seg.wakesPayload) this.ready.push({ seg, part: 'payload' });
    this.progress.kick(seg.via!, seg.msg.id);
    this.ackThenNext(seg);
  };

  /** After queueing the data, TCP decides whether to ACK (tcp_ack_snd_check follows tcp_data_queue). */
  private ackThenNext(seg: Segment): void {
    const r = seg.via!;
    const next = seg.then!;
    seg.via = undefined;
    seg.then = undefined;
    const ackBytes = seg.src.flowTo(this).received(seg.payloadBytes, seg.push, seg.closesBatch!);
    if (ackBytes === 0) {
      next();
      return;
    }
    const ack = newSegment(seg.msg, 'ack', 0, 0, false, false, this, seg.src, ackBytes);
    ack.via = r;
    ack.then = next;
    r.run('tcpip', this.ctx.costs.ns.tcpTxSeg, 'TCP ACK transmit', seg.msg.id, this.ackOut, ack);
  }

  private readonly ackOut = (ack: Segment): void => {
    const r = ack.via!;
    const next = ack.then!;
    ack.via = undefined;
    ack.then = undefined;
    this.options.egress(ack, r, next);
  };

  /** An ACK for data this endpoint sent: free the window (which may wake a blocked writer). */
  private readonly ackReceived = (seg: Segment): void => {
    const next = seg.then!;
    this.flowTo(seg.src).acked(seg.ackBytes ?? 0, seg.via!);
    seg.via = undefined;
    seg.then = undefined;
    next();
  };

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
