import type { Vcpu } from '../xen/vcpu.ts';
import type { Message } from './message.ts';
import type { TcpEndpoint } from './tcp.ts';

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
  /**
   * The step in progress on this segment: the vCPU it runs on and what comes after it. A segment is
   * at one step at a time, so the stack's step handlers are bound once per endpoint and take the
   * segment itself as their state (no closure per step).
   */
  via?: Vcpu;
  then?: () => void;
  /** Receive: this frame closes a GRO batch; the reader waits for what it brought (header, payload). */
  closesBatch?: boolean;
  wakesHeader?: boolean;
  wakesPayload?: boolean;
}

/** A segment with every field present, so data and ACK segments share one shape. */
export function newSegment(
  msg: Message,
  kind: Segment['kind'],
  payloadBytes: number,
  totalBytes: number,
  last: boolean,
  push: boolean,
  src: TcpEndpoint,
  dst: TcpEndpoint,
  ackBytes: number | undefined,
): Segment {
  return {
    msg,
    kind,
    payloadBytes,
    totalBytes,
    last,
    push,
    src,
    dst,
    ackBytes,
    via: undefined,
    then: undefined,
    closesBatch: false,
    wakesHeader: false,
    wakesPayload: false,
  };
}

/** How a segment leaves the domain (NIC driver, bridge, or netfront): `then` once the sender may go on. */
export type TcpEgress = (seg: Segment, from: Vcpu, then: () => void) => void;
