import type { ModelContext, Counter } from '../context.ts';
import { frameBytes, type Frame } from './frame.ts';
import { FrameFifo } from './frameFifo.ts';
import type { Nic } from './nic.ts';

/** The largest frame on the wire (jumbo payload, Ethernet header, FCS, preamble, gap), for PAUSE headroom. */
const MAX_WIRE_FRAME_BYTES = 9000 + 14 + 24;

/**
 * A NIC's receive side. A frame that arrives from the wire waits in the on-chip buffer for a free
 * descriptor of the RX ring, is DMAed into host memory, and holds its descriptor until the driver
 * takes it in NAPI (frames the NIC places itself free it at once). When the on-chip buffer nears
 * full it sends an IEEE 802.3x PAUSE, which holds frames for this host at their senders (through
 * the switch, whose buffers are not modelled) until it has drained to half; with PAUSE off, a frame
 * that does not fit is dropped and counted.
 */
export class NicReceiver {
  /** Frames in the on-chip buffer, waiting for a descriptor. */
  private readonly waiting = new FrameFifo<Frame>();
  /** Frames in host memory, waiting for the driver. */
  private readonly queue = new FrameFifo<Frame>();
  private dmaFreeNs = 0;
  dmaBusyNs = 0;
  bufBytes = 0;
  bufPeakBytes = 0;
  readonly bufCapacityBytes: number;
  ringUsed = 0;
  ringPeak = 0;
  readonly ringSlots: number;
  private readonly xoffBytes: number;
  private pauseSent = false;

  // Counted per packet or event: each counter is kept, not looked up by name at every count.
  private readonly rxDropsCounter: Counter;
  private readonly rxFramesCounter: Counter;
  private readonly pauseFramesCounter: Counter;

  constructor(
    private readonly ctx: ModelContext,
    private readonly nic: Nic,
    private readonly peers: () => readonly Nic[],
  ) {
    this.rxDropsCounter = ctx.counters.counter('rxDrops');
    this.rxFramesCounter = ctx.counters.counter('rxFrames');
    this.pauseFramesCounter = ctx.counters.counter('pauseFrames');

    const p = ctx.costs.p;
    this.bufCapacityBytes = p.nicRxBufKiB * 1024;
    this.ringSlots = p.nicRxRingSlots;
    // Room for what the other hosts can still send before the PAUSE reaches them: a frame being
    // serialized, one more, and the bytes in flight over the round trip of the propagation delay.
    const inFlightBytes = Math.ceil((p.linkGbps / 8) * 2 * ctx.costs.ns.prop);
    const headroom = (p.hosts - 1) * (2 * MAX_WIRE_FRAME_BYTES + inFlightBytes);
    this.xoffBytes = Math.max(this.bufCapacityBytes / 2, this.bufCapacityBytes - headroom);
  }

  get hasWork(): boolean {
    return this.queue.length > 0;
  }

  /** Frames inside the receive side (buffer, DMA, ring), for the checks at the end of a run. */
  get framesInside(): number {
    return this.waiting.length + this.ringUsed;
  }

  headMessageId(): number | undefined {
    return this.queue.peek()?.messageId;
  }

  /** The last bit of `frame` has arrived from the wire (a bound handler: the link schedules it as is). */
  readonly arrive = (frame: Frame): void => {
    const bytes = frameBytes(frame.payloadBytes, frame.headerBytes);
    if (this.bufBytes + bytes > this.bufCapacityBytes) {
      this.rxDropsCounter.inc();
      return;
    }
    this.bufBytes += bytes;
    if (this.bufBytes > this.bufPeakBytes) this.bufPeakBytes = this.bufBytes;
    this.waiting.push(frame);
    this.checkPause();
    this.pump();
  };

  /** The driver takes the oldest received frame; its descriptor is refilled. */
  take(): Frame | undefined {
    const frame = this.queue.shift();
    if (frame) this.freeDescriptor();
    return frame;
  }

  private freeDescriptor(): void {
    this.ringUsed--;
    this.pump();
  }

  private pump(): void {
    const { sim, costs } = this.ctx;
    const host = this.nic.host;
    while (this.ringUsed < this.ringSlots) {
      const frame = this.waiting.shift();
      if (!frame) return;
      this.ringUsed++;
      if (this.ringUsed > this.ringPeak) this.ringPeak = this.ringUsed;
      const bytes = frameBytes(frame.payloadBytes, frame.headerBytes);
      const dmaNs = costs.dmaNs(bytes);
      const start = Math.max(sim.now + costs.ns.nicRx, this.dmaFreeNs);
      const end = start + dmaNs;
      this.dmaFreeNs = end;
      this.dmaBusyNs += dmaNs;
      if (sim.trace.active) {
        sim.trace.span(`h${host}/nic`, 'hw', 'nic-rx', frame.messageId, sim.now, start, 'NIC receives');
        sim.trace.span(`h${host}/dma-rx`, 'hw', 'dma', frame.messageId, start, end, 'DMA to memory');
      }
      this.nic.dmaInFlight.rx++;
      sim.postAt(end, this.dmaDone, frame);
    }
  }

  /** A frame's DMA into host memory ended (one handler for all frames: the frame is the payload). */
  private readonly dmaDone = (frame: Frame): void => {
    this.nic.dmaInFlight.rx--;
    this.bufBytes -= frameBytes(frame.payloadBytes, frame.headerBytes);
    this.checkPause();
    this.received(frame);
  };

  private received(frame: Frame): void {
    this.rxFramesCounter.inc();
    this.ctx.arrived?.(frame.payloadBytes);
    if (frame.rx === 'sink' || frame.rx === 'direct') {
      this.freeDescriptor();
      frame.onReceive?.(frame, noop);
      return;
    }
    this.queue.push(frame);
    this.nic.signal();
  }

  private checkPause(): void {
    if (this.ctx.costs.p.nicPause !== 1) return;
    if (!this.pauseSent && this.bufBytes > this.xoffBytes) this.sendPause(true);
    else if (this.pauseSent && this.bufBytes <= this.xoffBytes / 2) this.sendPause(false);
  }

  private sendPause(on: boolean): void {
    this.pauseSent = on;
    if (on) this.pauseFramesCounter.inc();
    const me = this.nic.host;
    this.ctx.sim.schedule(this.ctx.costs.ns.prop, () => {
      for (const peer of this.peers()) if (peer !== this.nic) peer.pause(me, on);
    });
  }
}

function noop(): void {}
