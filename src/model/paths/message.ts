import type { Op } from '../types.ts';
import type { Pair } from '../topology.ts';

/**
 * One RDMA operation of an application. WRITE moves `sizeBytes` from the issuer to the remote side;
 * READ moves them from the remote side to the issuer. `delivered` fires when the data is usable by
 * the application that receives it; `completed` when the issuer learns its operation is done.
 */
export interface Message {
  readonly id: number;
  readonly pair: Pair;
  readonly op: Op;
  readonly sizeBytes: number;
  /** Which end of the pair issues it: the pair's source side, or (ping-pong replies) its destination. */
  readonly issuer: 'src' | 'dst';
  /** The issuer's buffer slot (a registered region is reused per slot). */
  readonly slot: number;
  readonly issuedNs: number;
  deliveredNs: number;
  completedNs: number;
  readonly onDelivered: (m: Message) => void;
  readonly onCompleted: (m: Message) => void;
}

export interface Side {
  readonly host: number;
  readonly vm: number;
}

/** The issuing and the remote side of a message. */
export function sidesOf(m: Message): { issuer: Side; remote: Side } {
  const src = { host: m.pair.srcHost, vm: m.pair.srcVm };
  const dst = { host: m.pair.dstHost, vm: m.pair.dstVm };
  return m.issuer === 'src' ? { issuer: src, remote: dst } : { issuer: dst, remote: src };
}

/** An I/O path: it carries messages from application to application, stage by stage. */
export interface IoPath {
  issue(m: Message): void;
  /**
   * pktgen: produce one socket buffer of `frameBytes` on the sending side of `pair` (as fast as the
   * domain can); `then` runs when the producer may make the next one; `last` flushes; `arrived`
   * when the frame reached the far NIC. Only paths
   * with a pktgen.
   */
  pktgen?(
    pair: Pair,
    frameBytes: number,
    id: number,
    last: boolean,
    then: () => void,
    arrived: () => void,
  ): void;
  /** Shared rings of the path, to check they end empty and to show their occupancy. */
  rings(): { name: string; occupancy: number; slots: number; averageOccupancy: (nowNs: number) => number }[];
}

export function markDelivered(m: Message, nowNs: number): void {
  m.deliveredNs = nowNs;
  m.onDelivered(m);
}

export function markCompleted(m: Message, nowNs: number): void {
  m.completedNs = nowNs;
  m.onCompleted(m);
}
