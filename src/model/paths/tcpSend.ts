import type { ModelContext } from '../context.ts';
import { chunks } from '../hw/frame.ts';
import { wakeThread } from '../xen/events.ts';
import type { Vcpu } from '../xen/vcpu.ts';
import type { Message } from './message.ts';
import type { TcpFlow } from './tcpAck.ts';
import type { TcpEndpoint } from './tcp.ts';
import { newSegment, type TcpEgress } from './tcpSegment.ts';

/**
 * One send call's segments, as tcp_sendmsg sends them: per segment, wait for room in the window,
 * copy that segment in from user space, send it down the stack. The copy of segment i + 1 thus
 * follows segment i's transmission, which other CPUs carry on with (netback, the NIC) meanwhile.
 * A call sends one segment at a time, so the segment in progress is a field and each step's
 * continuation is bound once per call (a 4 MiB write is thousands of segments, none with closures).
 */
export class SendCall {
  private readonly segments: number[];
  private i = 0;

  constructor(
    private readonly ctx: ModelContext,
    private readonly src: TcpEndpoint,
    private readonly egress: TcpEgress,
    private readonly flow: TcpFlow,
    private readonly v: Vcpu,
    private readonly m: Message,
    private readonly kind: 'data' | 'request',
    private readonly dst: TcpEndpoint,
    bytes: number,
    segmentBytes: number,
    private readonly totalBytes: number,
    private readonly lastCall: boolean,
    private readonly then: () => void,
  ) {
    this.segments = chunks(bytes, segmentBytes);
  }

  /** Sends segment 0, then each next one once the previous has gone down the stack. */
  readonly start = (): void => this.segment();

  private segment(): void {
    if (this.i === this.segments.length) {
      this.then();
      return;
    }
    // Socket buffer full: the writer sleeps until an ACK frees room (sk_write_space wakes it).
    this.flow.reserve(this.segments[this.i], this.go, this.wake);
  }

  private readonly go = (): void => {
    const bytes = this.segments[this.i];
    this.v.run('copy', this.ctx.costs.copyNs(bytes), 'copy_from_user', this.m.id, this.copied);
  };

  private readonly wake = (from: Vcpu): void =>
    wakeThread(this.ctx, from, this.v, 'writer (sk_write_space)', this.m.id, this.go);

  private readonly copied = (): void =>
    this.v.run('tcpip', this.ctx.costs.ns.tcpTxSeg, 'TCP/IP transmit', this.m.id, this.transmit);

  private readonly transmit = (): void => {
    const push = this.i === this.segments.length - 1;
    const seg = newSegment(
      this.m,
      this.kind,
      this.segments[this.i],
      this.totalBytes,
      this.lastCall && push,
      push,
      this.src,
      this.dst,
      undefined,
    );
    this.egress(seg, this.v, this.next);
  };

  private readonly next = (): void => {
    this.i++;
    this.segment();
  };
}
