import { BoundedRing } from '../../engine/ring.ts';
import type { Link } from '../../engine/link.ts';
import type { ModelContext, Counter } from '../context.ts';
import { chunks, frameBytes, wireBytes, type Frame } from './frame.ts';
import { FrameFifo } from './frameFifo.ts';
import { NicReceiver } from './nicReceiver.ts';

/** The part of a driver the NIC calls: an interrupt (after coalescing) or, when polled, a notice. */
export interface NicDriverPort {
  readonly mode: 'irq' | 'poll';
  interrupt(): void;
}

/** A frame (or one frame of a TSO super-frame) between the descriptor ring and the wire. */
interface TxPiece {
  readonly frame: Frame;
  readonly piece: Frame;
  readonly bytes: number;
  readonly lastPart: boolean;
  /** The descriptor has been fetched: the DMA may start from then on. */
  readonly readyNs: number;
}

/**
 * A NIC: a TX descriptor ring the driver fills and starts with a doorbell; a DMA engine per
 * direction limited by PCIe bandwidth; an on-chip transmit buffer that DMA fills only as far as
 * it has room, emptied frame by frame onto the uplink (so the wire paces what leaves the host's
 * memory); on receive (see NicReceiver) a bounded on-chip buffer, a bounded descriptor ring, DMA
 * into host memory and interrupt coalescing (the first frame arms a timer, the interrupt masks
 * further ones until the driver's NAPI poll completes).
 */
export class Nic {
  readonly txRing: BoundedRing<Frame>;
  private readonly posted: Frame[] = [];
  /** Fetched descriptors whose data is not yet read into the on-chip buffer. */
  private readonly dmaWaiting = new FrameFifo<TxPiece>();
  /** Frames read into the on-chip buffer, waiting for the wire. */
  private readonly onChip = new FrameFifo<TxPiece>();
  private txDmaFreeNs = 0;
  /** Bytes reserved in the on-chip transmit buffer (from DMA start until the frame's last bit left). */
  txBufBytes = 0;
  /** The most the transmit buffer held, for the bounds checks. */
  txBufPeakBytes = 0;
  readonly txBufCapacityBytes: number;
  private wireBusy = false;
  /** Destination hosts whose receivers asked for a PAUSE: a head frame for them waits. */
  private readonly pausedBy = new Set<number>();
  readonly rx: NicReceiver;
  readonly txDoneQueue = new FrameFifo<Frame>();
  private timerArmed = false;
  private napiRunning = false;
  driver: NicDriverPort | null = null;
  txDmaBusyNs = 0;
  /** Frames whose DMA is running now, by direction, for the live view. */
  dmaInFlight = { tx: 0, rx: 0 };

  // Counted per packet or event: each counter is kept, not looked up by name at every count.
  private readonly framesCounter: Counter;
  private readonly wireBytesCounter: Counter;
  private readonly interruptsCounter: Counter;

  constructor(
    private readonly ctx: ModelContext,
    readonly host: number,
    private readonly uplink: Link,
    private readonly peers: () => readonly Nic[],
  ) {
    this.framesCounter = ctx.counters.counter('frames');
    this.wireBytesCounter = ctx.counters.counter('wireBytes');
    this.interruptsCounter = ctx.counters.counter('interrupts');

    const p = ctx.costs.p;
    this.txRing = new BoundedRing<Frame>(ctx.sim, `h${host}/nic/tx-ring`, p.nicRingSlots);
    this.txBufCapacityBytes = p.nicTxBufKiB * 1024;
    this.rx = new NicReceiver(ctx, this, peers);
  }

  /** The driver writes a descriptor; `then` runs once a slot was free. The NIC starts at the doorbell. */
  post(frame: Frame, then?: () => void): void {
    // A ring with room takes the descriptor at once (as `put` would): no continuation to allocate.
    if (this.txRing.tryPut(frame)) {
      this.posted.push(frame);
      if (then) then();
      return;
    }
    this.txRing.put(frame, () => {
      this.posted.push(frame);
      then?.();
    });
  }

  /** Posts a descriptor if the ring has a free slot (true), else posts nothing (false). */
  tryPost(frame: Frame): boolean {
    if (!this.txRing.tryPut(frame)) return false;
    this.posted.push(frame);
    return true;
  }

  /** The doorbell: the NIC fetches every descriptor posted so far. */
  doorbell(): void {
    const { sim, costs } = this.ctx;
    const readyNs = sim.now + costs.ns.nicTx;
    // Indexed, then emptied in place: a doorbell rings for every few frames, so no copy of the list.
    const posted = this.posted;
    for (let f = 0; f < posted.length; f++) {
      const frame = posted[f];
      if (sim.trace.active)
        sim.trace.span(
          `h${this.host}/nic`,
          'hw',
          'nic-tx',
          frame.messageId,
          sim.now,
          readyNs,
          'NIC fetches descriptor',
        );
      if (!frame.mssBytes) {
        const bytes = frameBytes(frame.payloadBytes, frame.headerBytes);
        this.dmaWaiting.push({ frame, piece: frame, bytes, lastPart: true, readyNs });
        continue;
      }
      const parts = chunks(frame.payloadBytes, frame.mssBytes);
      parts.forEach((payload, i) => {
        const lastPart = i === parts.length - 1;
        const piece: Frame =
          parts.length === 1
            ? frame
            : { ...frame, payloadBytes: payload, mssBytes: undefined, last: frame.last && lastPart };
        this.dmaWaiting.push({
          frame,
          piece,
          bytes: frameBytes(payload, frame.headerBytes),
          lastPart,
          readyNs,
        });
      });
    }
    posted.length = 0;
    this.pumpDma();
  }

  /** Frames the driver still has to see, for the trace of an interrupt. */
  headMessageId(): number {
    return this.rx.headMessageId() ?? this.txDoneQueue.peek()?.messageId ?? -1;
  }

  get hasWork(): boolean {
    return this.rx.hasWork || this.txDoneQueue.length > 0;
  }

  /** The driver's NAPI poll found nothing more: interrupts are on again. */
  napiComplete(): void {
    this.napiRunning = false;
    if (this.hasWork) this.signal();
  }

  /** Frames waiting inside the NIC (transmit side), for the checks at the end of a run. */
  get framesInside(): number {
    return this.dmaWaiting.length + this.onChip.length + this.rx.framesInside;
  }

  /** Reads waiting frames into the on-chip buffer while it has room (one frame may always go in). */
  private pumpDma(): void {
    const { sim, costs } = this.ctx;
    for (;;) {
      const next = this.dmaWaiting.peek();
      if (!next) return;
      if (this.txBufBytes > 0 && this.txBufBytes + next.bytes > this.txBufCapacityBytes) return;
      this.dmaWaiting.shift();
      this.txBufBytes += next.bytes;
      if (this.txBufBytes > this.txBufPeakBytes) this.txBufPeakBytes = this.txBufBytes;
      const dmaNs = costs.dmaNs(next.bytes);
      const start = Math.max(sim.now, next.readyNs, this.txDmaFreeNs);
      const end = start + dmaNs;
      this.txDmaFreeNs = end;
      this.txDmaBusyNs += dmaNs;
      if (sim.trace.active)
        sim.trace.span(
          `h${this.host}/dma-tx`,
          'hw',
          'dma',
          next.frame.messageId,
          start,
          end,
          'DMA from memory (d₁)',
        );
      this.dmaInFlight.tx++;
      sim.postAt(end, this.txDmaDone, next);
    }
  }

  /** A frame's DMA into the on-chip buffer ended (one handler for all: the piece is the payload). */
  private readonly txDmaDone = (next: TxPiece): void => {
    this.dmaInFlight.tx--;
    this.onChip.push(next);
    this.pumpWire();
    if (next.lastPart) this.txComplete(next.frame);
  };

  /** Starts the head frame on the uplink when the wire is free and its destination is not paused. */
  private pumpWire(): void {
    if (this.wireBusy) return;
    const head = this.onChip.peek();
    if (!head || this.pausedBy.has(head.piece.dstHost)) return;
    this.onChip.shift();
    const frame = head.piece;
    const peer = this.peers()[frame.dstHost];
    const bytesOnWire = wireBytes(frame.payloadBytes, frame.headerBytes);
    this.framesCounter.inc();
    this.wireBytesCounter.inc(bytesOnWire);
    this.wireBusy = true;
    const sentNs = this.uplink.send(bytesOnWire, frame.messageId, peer.rx.arrive, frame);
    this.ctx.sim.postAt(sentNs, this.wireDone, head);
  }

  /** The last bit of `head` left: its buffer space is free, the wire takes the next frame. */
  private readonly wireDone = (head: TxPiece): void => {
    this.wireBusy = false;
    this.txBufBytes -= head.bytes;
    this.pumpWire();
    this.pumpDma();
  };

  /** A receiver asks this NIC to hold frames for `dstHost` (on) or lets them go again (off). */
  pause(dstHost: number, on: boolean): void {
    if (on) this.pausedBy.add(dstHost);
    else if (this.pausedBy.delete(dstHost)) this.pumpWire();
  }

  private txComplete(frame: Frame): void {
    this.txRing.take();
    if (!frame.onTxDone) return;
    if (frame.txDoneDirect) frame.onTxDone(frame, noop);
    else {
      this.txDoneQueue.push(frame);
      this.signal();
    }
  }

  /** New work for the driver: a polling driver notices; otherwise coalesce, then interrupt. */
  signal(): void {
    const driver = this.driver;
    if (!driver) throw new Error(`host ${this.host}: NIC has no driver`);
    if (this.napiRunning) return;
    if (driver.mode === 'poll') {
      this.napiRunning = true;
      driver.interrupt();
      return;
    }
    if (this.timerArmed) return;
    this.timerArmed = true;
    const { sim, costs } = this.ctx;
    if (sim.trace.active)
      sim.trace.span(
        `h${this.host}/nic`,
        'hw',
        'coalesce',
        this.headMessageId(),
        sim.now,
        sim.now + costs.ns.coal,
        'interrupt coalescing',
      );
    sim.schedule(costs.ns.coal, () => {
      this.timerArmed = false;
      this.napiRunning = true;
      this.interruptsCounter.inc();
      driver.interrupt();
    });
  }
}

function noop(): void {}
