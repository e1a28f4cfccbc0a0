import { BoundedRing } from '../../engine/ring.ts';
import type { Link } from '../../engine/link.ts';
import type { ModelContext } from '../context.ts';
import { chunks, frameBytes, wireBytes, type Frame } from './frame.ts';

/** The part of a driver the NIC calls: an interrupt (after coalescing) or, when polled, a notice. */
export interface NicDriverPort {
  readonly mode: 'irq' | 'poll';
  interrupt(): void;
}

/**
 * A NIC: a TX descriptor ring the driver fills and starts with a doorbell; a DMA engine per
 * direction limited by PCIe bandwidth (frames queue for it, first come first served); the uplink;
 * on receive, DMA into host memory and interrupt coalescing (the first frame arms a timer, the
 * interrupt masks further ones until the driver's NAPI poll completes).
 */
export class Nic {
  readonly txRing: BoundedRing<Frame>;
  private readonly posted: Frame[] = [];
  private txDmaFreeNs = 0;
  private rxDmaFreeNs = 0;
  readonly rxQueue: Frame[] = [];
  readonly txDoneQueue: Frame[] = [];
  private timerArmed = false;
  private napiRunning = false;
  driver: NicDriverPort | null = null;
  txDmaBusyNs = 0;
  rxDmaBusyNs = 0;
  /** Frames whose DMA is running now, by direction, for the live view. */
  dmaInFlight = { tx: 0, rx: 0 };

  constructor(
    private readonly ctx: ModelContext,
    readonly host: number,
    private readonly uplink: Link,
    private readonly peers: () => readonly Nic[],
  ) {
    this.txRing = new BoundedRing<Frame>(ctx.sim, `h${host}/nic/tx-ring`, ctx.costs.p.nicRingSlots);
  }

  /** The driver writes a descriptor; `then` runs once a slot was free. The NIC starts at the doorbell. */
  post(frame: Frame, then?: () => void): void {
    this.txRing.put(frame, () => {
      this.posted.push(frame);
      then?.();
    });
  }

  /** The doorbell: the NIC fetches every descriptor posted so far. */
  doorbell(): void {
    for (const frame of this.posted.splice(0)) this.startTx(frame);
  }

  /** Frames the driver still has to see, for the trace of an interrupt. */
  headMessageId(): number {
    return this.rxQueue[0]?.messageId ?? this.txDoneQueue[0]?.messageId ?? -1;
  }

  get hasWork(): boolean {
    return this.rxQueue.length > 0 || this.txDoneQueue.length > 0;
  }

  /** The driver's NAPI poll found nothing more: interrupts are on again. */
  napiComplete(): void {
    this.napiRunning = false;
    if (this.hasWork) this.signal();
  }

  private startTx(frame: Frame): void {
    const { sim, costs } = this.ctx;
    const parts = frame.mssBytes ? chunks(frame.payloadBytes, frame.mssBytes) : [frame.payloadBytes];
    let dmaStart = Math.max(sim.now + costs.ns.nicTx, this.txDmaFreeNs);
    if (sim.trace.active)
      sim.trace.span(
        `h${this.host}/nic`,
        'hw',
        'nic-tx',
        frame.messageId,
        sim.now,
        sim.now + costs.ns.nicTx,
        'NIC fetches descriptor',
      );
    parts.forEach((payload, i) => {
      const dmaNs = costs.dmaNs(frameBytes(payload, frame.headerBytes));
      const dmaEnd = dmaStart + dmaNs;
      this.txDmaBusyNs += dmaNs;
      const lastPart = i === parts.length - 1;
      const piece: Frame =
        parts.length === 1
          ? frame
          : { ...frame, payloadBytes: payload, mssBytes: undefined, last: frame.last && lastPart };
      if (sim.trace.active)
        sim.trace.span(
          `h${this.host}/dma-tx`,
          'hw',
          'dma',
          frame.messageId,
          dmaStart,
          dmaEnd,
          'DMA from memory (d₁)',
        );
      this.dmaInFlight.tx++;
      sim.scheduleAt(dmaEnd, () => {
        this.dmaInFlight.tx--;
        this.send(piece);
        if (lastPart) this.txComplete(frame);
      });
      dmaStart = dmaEnd;
    });
    this.txDmaFreeNs = dmaStart;
  }

  private send(frame: Frame): void {
    const peer = this.peers()[frame.dstHost];
    this.ctx.counters.inc('frames');
    this.ctx.counters.inc('wireBytes', wireBytes(frame.payloadBytes, frame.headerBytes));
    this.uplink.transmit(
      wireBytes(frame.payloadBytes, frame.headerBytes),
      () => peer.receive(frame),
      frame.messageId,
    );
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

  /** The last bit of `frame` has arrived from the wire. */
  receive(frame: Frame): void {
    const { sim, costs } = this.ctx;
    const dmaNs = costs.dmaNs(frameBytes(frame.payloadBytes, frame.headerBytes));
    const start = Math.max(sim.now + costs.ns.nicRx, this.rxDmaFreeNs);
    const end = start + dmaNs;
    this.rxDmaFreeNs = end;
    this.rxDmaBusyNs += dmaNs;
    if (sim.trace.active) {
      sim.trace.span(
        `h${this.host}/nic`,
        'hw',
        'nic-rx',
        frame.messageId,
        sim.now,
        sim.now + costs.ns.nicRx,
        'NIC receives',
      );
      sim.trace.span(`h${this.host}/dma-rx`, 'hw', 'dma', frame.messageId, start, end, 'DMA to memory');
    }
    this.dmaInFlight.rx++;
    sim.scheduleAt(end, () => {
      this.dmaInFlight.rx--;
      this.received(frame);
    });
  }

  private received(frame: Frame): void {
    this.ctx.counters.inc('rxFrames');
    if (frame.rx === 'sink' || frame.rx === 'direct') {
      frame.onReceive?.(frame, noop);
      return;
    }
    this.rxQueue.push(frame);
    this.signal();
  }

  /** New work for the driver: a polling driver notices; otherwise coalesce, then interrupt. */
  private signal(): void {
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
      this.ctx.counters.inc('interrupts');
      driver.interrupt();
    });
  }
}

function noop(): void {}
