import type { Handler, Simulator } from './simulator.ts';

export interface Transmission {
  /** When the first bit leaves (after frames queued before it). */
  readonly startNs: number;
  /** When the last bit leaves: start + serialization time. */
  readonly sentNs: number;
  /** When the last bit arrives: sent + propagation delay. */
  readonly arriveNs: number;
}

/**
 * A point-to-point link: frames are serialized one after another at `bitsPerSec`, then fly for
 * `propagationNs`. A frame waits while an earlier one is being serialized (FIFO).
 */
export class Link {
  private busyUntilNs = 0;
  busyNs = 0;
  frames = 0;
  bytes = 0;

  constructor(
    private readonly sim: Simulator,
    readonly name: string,
    readonly bitsPerSec: number,
    readonly propagationNs: number,
  ) {
    if (!(bitsPerSec > 0)) throw new RangeError(`${name}: bit rate must be > 0`);
    if (!(propagationNs >= 0) || !Number.isSafeInteger(propagationNs)) {
      throw new RangeError(
        `${name}: propagation delay must be a whole number of ns ≥ 0, got ${propagationNs}`,
      );
    }
  }

  /** Serialization time of a frame of `byteCount` bytes, rounded to whole nanoseconds. */
  serializationNs(byteCount: number): number {
    return Math.round((byteCount * 8 * 1e9) / this.bitsPerSec);
  }

  /** Sends `byteCount` bytes; `onArrive` runs when the last bit reaches the far end. */
  transmit(byteCount: number, onArrive?: () => void, messageId = -1): Transmission {
    const startNs = Math.max(this.sim.now, this.busyUntilNs);
    const serNs = this.serializationNs(byteCount);
    const sentNs = startNs + serNs;
    const arriveNs = sentNs + this.propagationNs;
    this.busyUntilNs = sentNs;
    this.busyNs += serNs;
    this.frames++;
    this.bytes += byteCount;
    if (this.sim.trace.active)
      this.sim.trace.span(this.name, 'hw', 'wire', messageId, startNs, arriveNs, 'wire');
    if (onArrive) this.sim.scheduleAt(arriveNs, onArrive);
    return { startNs, sentNs, arriveNs };
  }

  /**
   * As `transmit`, for a sender that sends millions of frames: `onArrive(payload)` runs when the
   * last bit arrives (one handler for all frames, no closure per frame). Returns when the last bit
   * leaves (the Transmission's `sentNs`).
   */
  send<P>(byteCount: number, messageId: number, onArrive: Handler<P>, payload: P): number {
    const startNs = Math.max(this.sim.now, this.busyUntilNs);
    const serNs = this.serializationNs(byteCount);
    const sentNs = startNs + serNs;
    const arriveNs = sentNs + this.propagationNs;
    this.busyUntilNs = sentNs;
    this.busyNs += serNs;
    this.frames++;
    this.bytes += byteCount;
    if (this.sim.trace.active)
      this.sim.trace.span(this.name, 'hw', 'wire', messageId, startNs, arriveNs, 'wire');
    this.sim.postAt(arriveNs, onArrive, payload);
    return sentNs;
  }

  /** The time a frame sent now would start serializing. */
  get freeAtNs(): number {
    return Math.max(this.sim.now, this.busyUntilNs);
  }

  /** Serialization time up to `nowNs` (a frame still being sent counts for its elapsed part). */
  busyNsAt(nowNs: number): number {
    return this.busyNs - Math.max(0, this.busyUntilNs - nowNs);
  }

  utilization(nowNs: number): number {
    return nowNs > 0 ? Math.min(1, this.busyNs / nowNs) : 0;
  }
}
