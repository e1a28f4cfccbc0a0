import { Fifo } from '../../engine/fifo.ts';
import type { ModelContext } from '../context.ts';
import { frameBytes } from '../hw/frame.ts';
import { EventChannel } from '../xen/eventChannel.ts';
import { pagesOf } from '../xen/grantTable.ts';
import { SharedRing } from '../xen/sharedRing.ts';
import type { Domain, Vcpu } from '../xen/vcpu.ts';
import type { Message } from './message.ts';
import type { Netback } from './netback.ts';
import type { Segment } from './tcp.ts';

/** A packet on a vif: a TCP segment (data or ACK, maybe a GSO super-segment), or a pktgen socket buffer. */
export interface VifPacket {
  readonly id: number;
  readonly payloadBytes: number;
  readonly headerBytes: number;
  readonly dstHost: number;
  /** Ring slots it takes: one per page, plus one for the GSO extra-info slot of a super-segment. */
  readonly slots: number;
  /** A GSO super-segment: the NIC cuts it into frames of this payload (TSO). */
  readonly mssBytes?: number;
  /** The TCP segment it carries (none for pktgen). */
  readonly seg?: Segment;
  /** Netback tells the frontend when this packet is done (the last segment of a WRITE). */
  readonly completes?: Message;
  /** pktgen: the frame reached the far NIC. */
  readonly arrived?: () => void;
}

/** A ring entry: a packet in its last slot, `null` in the slots before it (fragments, GSO extra info). */
type Slot = VifPacket | null;

/**
 * Ring slots a packet of `payloadBytes` takes: one per page, one more for a GSO super-segment's extra
 * info; never more than the ring has (a 64 KiB super-segment takes 18 of the 256 slots).
 */
export function vifSlots(payloadBytes: number, headerBytes: number, gso: boolean, ringSlots: number): number {
  return Math.min(ringSlots, pagesOf(frameBytes(payloadBytes, headerBytes)) + (gso ? 1 : 0));
}

/**
 * A VM's virtual interface: the TX and RX shared rings, the two event channels, and the queue of
 * packets the bridge gave the vif that netback has not yet copied to the guest.
 */
export class Vif {
  readonly tx: SharedRing<Slot>;
  readonly rx: SharedRing<Slot>;
  readonly toBack: EventChannel;
  readonly toFront: EventChannel;
  readonly txDone: Message[] = [];
  /** Packets for the guest waiting for netback (the vif's transmit queue in Dom0). */
  readonly rxPending = new Fifo<VifPacket>();
  /** RX slots netback has claimed for packets it is copying now. */
  rxReservedSlots = 0;
  /** netif_stop_queue: the guest's RX ring had no room; netfront's next refill wakes the queue. */
  rxStopped = false;

  constructor(ctx: ModelContext, vm: Domain, netback: Netback, netfrontIrq: () => void) {
    const name = `h${vm.host}/${vm.id}`;
    this.toBack = new EventChannel(ctx, `${vm.id} → netback`, netback.thread.vcpu, (id) =>
      netback.thread.kick(netback.thread.vcpu, id),
    );
    this.toFront = new EventChannel(ctx, `netback → ${vm.id}`, vm.vcpu(0), netfrontIrq);
    this.tx = new SharedRing(ctx, `${name}/tx-ring`, ctx.costs.p.vifRingSlots, () => this.toBack);
    this.rx = new SharedRing(ctx, `${name}/rx-ring`, ctx.costs.p.vifRingSlots, () => this.toFront);
  }
}

/**
 * Puts a packet on a ring as its slots: the leading slots silently, then the packet, whose push
 * notifies the consumer if it asked (one RING_PUSH_REQUESTS_AND_CHECK_NOTIFY per packet).
 */
export function pushPacket(ring: SharedRing<Slot>, pkt: VifPacket, from: Vcpu, then: () => void): void {
  // Most packets fit one slot: pushed at once, with no closure to fill slots before them.
  if (pkt.slots === 1) {
    ring.push(pkt, from, pkt.id, then);
    return;
  }
  const fill = (left: number) => {
    if (left === 0) ring.push(pkt, from, pkt.id, then);
    else ring.ring.put(null, () => fill(left - 1));
  };
  fill(pkt.slots - 1);
}

/** The next packet on a ring, consuming the slots before it; undefined when none is whole yet. */
export function peekPacket(ring: SharedRing<Slot>): VifPacket | undefined {
  while (ring.ring.peek() === null) ring.take();
  return ring.ring.peek() ?? undefined;
}
