import type { ModelContext, Counter } from '../context.ts';
import type { Vcpu } from '../xen/vcpu.ts';

/**
 * One direction of a TCP connection, without congestion control: what the sender has in flight
 * (bounded by the window the socket buffers give) and what the receiver has not acknowledged yet.
 *
 * ACK policy (Linux `__tcp_ack_snd_check`, net/ipv4/tcp_input.c): an ACK goes out at once when more
 * than one full segment is unacknowledged ("more than one full frame received"), i.e. one ACK per
 * two MSS-sized segments, or per GRO'd super-packet, which is larger than one MSS; and on the
 * segment that ends a send call (PSH), as Linux's quick-ack does for the tail of a short message.
 * Not modelled: piggybacking an ACK on data going the other way (Linux's interactive "pingpong"
 * mode), and the delayed-ACK timer, which the push rule makes unnecessary here.
 */
export class TcpFlow {
  /** Sender: bytes sent and not yet acknowledged. */
  private unackedBytes = 0;
  /** The largest `unackedBytes` seen, to check the window holds. */
  private maxUnacked = 0;
  /** Sender: writers blocked on a full window (sk_stream_wait_memory), in arrival order. */
  private readonly blocked: { bytes: number; wake: (from: Vcpu) => void }[] = [];
  /** Receiver: bytes received since the last ACK it sent. */
  private rcvUnackedBytes = 0;

  // Counted per packet or event: each counter is kept, not looked up by name at every count.
  private readonly windowStallsCounter: Counter;
  private readonly acksCounter: Counter;

  constructor(
    private readonly ctx: ModelContext,
    /** Bytes the sender may have un-acknowledged (the socket buffers' window). */
    private readonly windowBytes: number,
    /** The receiver's MSS: more than this un-acknowledged triggers an ACK. */
    private readonly mssBytes: number,
  ) {
    this.windowStallsCounter = ctx.counters.counter('tcpWindowStalls');
    this.acksCounter = ctx.counters.counter('tcpAcks');
  }

  get inFlightBytes(): number {
    return this.unackedBytes;
  }

  get maxInFlightBytes(): number {
    return this.maxUnacked;
  }

  /**
   * The sender wants to send `bytes`: `go` runs now if the window has room (or nothing is in flight,
   * so a segment larger than the window still moves); otherwise the writer blocks and `wake` runs,
   * from the vCPU that processed the freeing ACK, once ACKs have freed enough.
   */
  reserve(bytes: number, go: () => void, wake: (from: Vcpu) => void): void {
    if (this.blocked.length === 0 && this.fits(bytes)) {
      this.take(bytes);
      go();
      return;
    }
    this.windowStallsCounter.inc();
    this.blocked.push({ bytes, wake });
  }

  /** An ACK for `bytes` reached the sender, processed on `from`: free the window, wake writers that now fit. */
  acked(bytes: number, from: Vcpu): void {
    this.unackedBytes -= bytes;
    if (this.unackedBytes < 0) throw new Error('TCP: more bytes acknowledged than sent');
    while (this.blocked.length > 0 && this.fits(this.blocked[0].bytes)) {
      const w = this.blocked.shift()!;
      this.take(w.bytes);
      w.wake(from);
    }
  }

  /**
   * The receiver's TCP has processed `bytes`; `closesBatch` is false for a frame GRO will merge with
   * the next. Returns the bytes to acknowledge now (0: no ACK yet).
   */
  received(bytes: number, push: boolean, closesBatch: boolean): number {
    this.rcvUnackedBytes += bytes;
    const due = push || (closesBatch && this.rcvUnackedBytes > this.mssBytes);
    if (!due || this.rcvUnackedBytes === 0) return 0;
    const ack = this.rcvUnackedBytes;
    this.rcvUnackedBytes = 0;
    this.acksCounter.inc();
    return ack;
  }

  /** Bytes received and not acknowledged, plus bytes in flight (both 0 once a run has drained). */
  get pendingBytes(): number {
    return this.unackedBytes + this.rcvUnackedBytes;
  }

  private fits(bytes: number): boolean {
    return this.unackedBytes === 0 || this.unackedBytes + bytes <= this.windowBytes;
  }

  private take(bytes: number): void {
    this.unackedBytes += bytes;
    if (this.unackedBytes <= this.maxUnacked) return;
    this.maxUnacked = this.unackedBytes;
    // The run's largest window in use, over every flow (a counter, so results report it).
    const runMax = this.ctx.counters.get('tcpMaxInFlightBytes');
    if (this.maxUnacked > runMax) this.ctx.counters.inc('tcpMaxInFlightBytes', this.maxUnacked - runMax);
  }
}
