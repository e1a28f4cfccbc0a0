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
    const startNs = this.freeAtNs;
    const sentNs = this.occupy(startNs, byteCount, messageId);
    const arriveNs = sentNs + this.propagationNs;
    if (onArrive) this.sim.scheduleAt(arriveNs, onArrive);
    return { startNs, sentNs, arriveNs };
  }

  /**
   * As `transmit`, for a sender that sends millions of frames: `onArrive(payload)` runs when the
   * last bit arrives (one handler for all frames, no closure per frame). Returns when the last bit
   * leaves (the Transmission's `sentNs`).
   */
  send<P>(byteCount: number, messageId: number, onArrive: Handler<P>, payload: P): number {
    const sentNs = this.occupy(this.freeAtNs, byteCount, messageId);
    this.sim.postAt(sentNs + this.propagationNs, onArrive, payload);
    return sentNs;
  }

  /**
   * Serializes a frame of `byteCount` bytes from `startNs` (when the link is free): the link is busy
   * until the last bit leaves, which it returns; counts the frame and traces its flight.
   */
  private occupy(startNs: number, byteCount: number, messageId: number): number {
    const serNs = this.serializationNs(byteCount);
    const sentNs = startNs + serNs;
    this.busyUntilNs = sentNs;
    this.busyNs += serNs;
    this.frames++;
    this.bytes += byteCount;
    if (this.sim.trace.active)
      this.sim.trace.span(this.name, 'hw', 'wire', messageId, startNs, sentNs + this.propagationNs, 'wire');
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
