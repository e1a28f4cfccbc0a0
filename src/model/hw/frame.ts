/** Ethernet framing, in bytes. */
export const ETH_HEADER_BYTES = 14;
/** FCS 4 + preamble and start delimiter 8 + inter-frame gap 12: on the wire, not in the buffer. */
export const ETH_WIRE_OVERHEAD_BYTES = 24;
const ETH_MIN_FRAME_BYTES = 60;
/** IPv4 20 + TCP 20 + timestamps 12. */
export const TCP_IP_HEADER_BYTES = 52;

/**
 * What the destination does with a frame: its driver handles it, the NIC places it (`direct`), or it
 * is only counted (`sink`, pktgen); for the last two `onReceive` runs at once, with no CPU.
 */
export type RxKind = 'driver' | 'direct' | 'sink';

/** A frame (or, with `mssBytes`, a TSO super-frame the NIC cuts into frames). */
export interface Frame {
  readonly messageId: number;
  readonly srcHost: number;
  readonly dstHost: number;
  /** Application bytes carried. */
  readonly payloadBytes: number;
  /** Protocol headers inside the Ethernet payload (IP + TCP, or the RDMA header). */
  readonly headerBytes: number;
  /** TCP segmentation offload: the NIC sends frames of at most this payload. */
  readonly mssBytes?: number;
  /** The last frame of its message. */
  readonly last: boolean;
  readonly rx: RxKind;
  /** At the destination, in the driver's receive context (or at placement for `direct`); calls `next` when done. */
  readonly onReceive?: (frame: Frame, next: () => void) => void;
  /** When the NIC has read the whole frame from memory: the buffer may be reused. */
  readonly onTxDone?: (frame: Frame, next: () => void) => void;
  /** The completion needs no driver (the NIC reports it itself). */
  readonly txDoneDirect?: boolean;
  /** What the layer above attached (e.g. the packet it carries), for `onReceive` bound once per sender. */
  readonly tag?: unknown;
}

/** Bytes of the frame in memory (Ethernet header included, FCS excluded). */
export function frameBytes(payloadBytes: number, headerBytes: number): number {
  return Math.max(ETH_MIN_FRAME_BYTES, payloadBytes + headerBytes + ETH_HEADER_BYTES);
}

/** Bytes the frame occupies on the wire. */
export function wireBytes(payloadBytes: number, headerBytes: number): number {
  return frameBytes(payloadBytes, headerBytes) + ETH_WIRE_OVERHEAD_BYTES;
}

/** Splits `totalBytes` into chunks of at most `chunkBytes` (at least one chunk, maybe empty). */
export function chunks(totalBytes: number, chunkBytes: number): number[] {
  const out: number[] = [];
  let left = totalBytes;
  do {
    const c = Math.min(left, chunkBytes);
    out.push(c);
    left -= c;
  } while (left > 0);
  return out;
}
