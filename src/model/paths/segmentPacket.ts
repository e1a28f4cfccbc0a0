import { TCP_IP_HEADER_BYTES } from '../hw/frame.ts';
import type { Vcpu } from '../xen/vcpu.ts';
import type { Message } from './message.ts';
import { vifSlots, type Vif, type VifPacket } from './vif.ts';
import type { Segment } from './tcp.ts';

/**
 * A TCP segment as a packet on a vif. Besides the packet it carries where its current step goes on
 * (the sender's continuation, the driver's), so the path's step handlers are bound once and a
 * segment's journey allocates this one record instead of a closure per step. A packet is at one
 * step at a time, so one field per step is enough.
 */
export class SegmentPacket implements VifPacket {
  // Declared and assigned once in the constructor (no define-then-set per field).
  declare readonly id: number;
  declare readonly payloadBytes: number;
  declare readonly headerBytes: number;
  declare readonly dstHost: number;
  declare readonly slots: number;
  declare readonly mssBytes: number | undefined;
  declare readonly seg: Segment;
  declare readonly completes: Message | undefined;
  /** Sending: the guest's vif and vCPU, and what runs once the packet is on the TX ring. */
  declare readonly vif: Vif;
  declare readonly from: Vcpu;
  declare sent: () => void;
  /** Receiving host: what the driver does once the bridge has handed the packet to its vif. */
  declare bridged: () => void;

  constructor(seg: Segment, mss: number, ringSlots: number, vif: Vif, from: Vcpu, sent: () => void) {
    const superSegment = seg.payloadBytes > mss;
    this.id = seg.msg.id;
    this.payloadBytes = seg.payloadBytes;
    this.headerBytes = TCP_IP_HEADER_BYTES;
    this.dstHost = seg.dst.domain.host;
    this.slots = vifSlots(seg.payloadBytes, TCP_IP_HEADER_BYTES, superSegment, ringSlots);
    this.mssBytes = superSegment ? mss : undefined;
    this.seg = seg;
    this.completes = seg.last && seg.kind === 'data' && seg.msg.op === 'write' ? seg.msg : undefined;
    this.vif = vif;
    this.from = from;
    this.sent = sent;
    this.bridged = noop;
  }
}

export function noop(): void {}
