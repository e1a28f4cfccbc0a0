import type { ModelContext, Counter } from '../context.ts';
import { frameBytes, type Frame } from '../hw/frame.ts';
import type { Nic } from '../hw/nic.ts';
import { grantCopy, pagesOf } from '../xen/grantTable.ts';
import { KThread } from '../xen/kthread.ts';
import type { Vcpu } from '../xen/vcpu.ts';
import { peekPacket, pushPacket, type Vif, type VifPacket } from './vif.ts';

/**
 * Packets netback copies in one GNTTABOP_copy, their vifs and their bytes: parallel arrays, reused
 * round after round: the first `length` entries are this round's.
 */
class Batch {
  readonly vifs: Vif[] = [];
  readonly pkts: VifPacket[] = [];
  readonly bytes: number[] = [];
  length = 0;

  add(vif: Vif, pkt: VifPacket, bytes: number): void {
    const i = this.length++;
    this.vifs[i] = vif;
    this.pkts[i] = pkt;
    this.bytes[i] = bytes;
  }

  clear(): void {
    this.length = 0;
  }
}

function noop(): void {}

/**
 * Netback: one kernel thread per group (one group per Dom0 vCPU) serving the vifs of its group. Each
 * round, as xen_netbk_kthread does, it first copies packets queued for the guests into their RX
 * rings, then takes the guests' TX requests; each direction copies everything pending, round-robin
 * over the vifs, up to `nbCopyOps` copy ops in one GNTTABOP_copy. TX then hands the packets to the
 * bridge and the native driver, ringing the doorbell every `txBatch` frames. A guest whose RX ring is
 * full only stops its own vif's queue (netif_stop_queue); the others go on.
 */
export class Netback {
  readonly thread: KThread;
  readonly vifs: Vif[] = [];
  private nextTx = 0;
  private nextRx = 0;

  // Counted per packet or event: each counter is kept, not looked up by name at every count.
  private readonly vifQueueStopsCounter: Counter;
  private readonly txPacketsCounter: Counter;
  private readonly rxPacketsCounter: Counter;

  constructor(
    private readonly ctx: ModelContext,
    private readonly nic: Nic,
    readonly host: number,
    vcpu: Vcpu,
  ) {
    this.vifQueueStopsCounter = ctx.counters.counter('vifQueueStops');
    this.txPacketsCounter = ctx.counters.counter('netbackTxPackets');
    this.rxPacketsCounter = ctx.counters.counter('netbackRxPackets');

    this.thread = new KThread(ctx, 'netback kthread', vcpu, this.loop);
  }

  /** Set by the path: what the destination host does with a frame for a vif. */
  pathRx: (f: Frame, pkt: VifPacket, next: () => void) => void = () => {};

  /** The bridge hands `pkt` to `vif`: queue it; wake netback unless that vif's queue is stopped. */
  enqueueRx(vif: Vif, pkt: VifPacket, from: Vcpu): void {
    vif.rxPending.push(pkt);
    if (!vif.rxStopped) this.thread.kick(from, pkt.id);
  }

  private readonly loop = (): void => {
    const rx = this.takeRound(this.rxBatch, true);
    if (rx.length > 0) this.receive(rx, this.txPhase);
    else this.txPhase();
  };

  private readonly txPhase = (): void => {
    const tx = this.takeRound(this.txBatch, false);
    if (tx.length > 0) this.transmit(tx, this.loop);
    else if (this.rxBatch.length > 0) this.loop();
    else {
      for (const vif of this.vifs) vif.tx.requestEvent();
      this.thread.sleep();
    }
  };

  /**
   * Round-robin over the vifs, starting one further than last time, one packet each turn, until no
   * vif has one or the copy batch is full (`nbCopyOps` copy ops, one per page). Fills `batch`, this
   * direction's (one round at a time, so each direction reuses its own).
   */
  private takeRound(batch: Batch, rx: boolean): Batch {
    batch.clear();
    const n = this.vifs.length;
    const start = rx
      ? (this.nextRx = (this.nextRx + 1) % Math.max(1, n))
      : (this.nextTx = (this.nextTx + 1) % Math.max(1, n));
    const limit = this.ctx.costs.p.nbCopyOps;
    let ops = 0;
    for (let idle = 0, i = start; idle < n; i++) {
      const vif = this.vifs[i % n];
      const pkt = rx ? this.pickRx(vif) : peekPacket(vif.tx);
      if (!pkt) {
        idle++;
        continue;
      }
      const bytes = frameBytes(pkt.payloadBytes, pkt.headerBytes);
      const pages = pagesOf(bytes);
      if (batch.length > 0 && ops + pages > limit) break;
      if (rx) vif.rxReservedSlots += vif.rxPending.shift()!.slots;
      else vif.tx.take();
      ops += pages;
      batch.add(vif, pkt, bytes);
      idle = 0;
    }
    return batch;
  }

  /** The next packet for `vif`'s guest, if its RX ring has room for it (else its queue stops). */
  private pickRx(vif: Vif): VifPacket | undefined {
    const pkt = vif.rxStopped ? undefined : vif.rxPending.peek();
    if (!pkt) return undefined;
    if (vif.rx.ring.slots - vif.rx.occupancy - vif.rxReservedSlots >= pkt.slots) return pkt;
    vif.rxStopped = true; // xen_netbk_must_stop_queue → netif_stop_queue for this vif only
    this.vifQueueStopsCounter.inc();
    return undefined;
  }

  /*
   * One netback thread runs one round at a time (copy RX, then TX, then the next round), so the
   * round's state lives here and each step's continuation is bound once: a packet's journey through
   * netback allocates no closure. Each step schedules exactly what the nested callbacks did.
   */
  private readonly txBatch = new Batch();
  private txThen: () => void = noop;
  /** The group of frames going to the NIC with one doorbell: [txFrom, txTo), and the next to post. */
  private txFrom = 0;
  private txTo = 0;
  private txNext = 0;
  private readonly rxBatch = new Batch();
  private rxThen: () => void = noop;
  private rxNext = 0;

  private transmit(batch: Batch, then: () => void): void {
    const { ctx } = this;
    const k = batch.length;
    this.txThen = then;
    this.txPacketsCounter.inc(k);
    this.thread.vcpu.run('netback', ctx.costs.ns.nbTx * k, `netback TX ×${k}`, batch.pkts[0].id, this.txCopy);
  }

  private readonly txCopy = (): void => {
    const batch = this.txBatch;
    grantCopy(
      this.ctx,
      this.thread.vcpu,
      batch.bytes,
      'guest → Dom0',
      batch.pkts[0].id,
      this.txForwardFirst,
      batch.length,
    );
  };

  private readonly txForwardFirst = (): void => this.txForward(0);

  /** Forward the copied packets in groups of `txBatch`: bridge, driver, descriptors, one doorbell. */
  private txForward(from: number): void {
    const batch = this.txBatch;
    const k = batch.length;
    if (from === k) {
      this.respond(batch, this.txThen);
      return;
    }
    const to = Math.min(k, from + this.ctx.costs.p.txBatch);
    this.txFrom = from;
    this.txTo = to;
    const n = to - from;
    this.thread.vcpu.run(
      'bridge',
      this.ctx.costs.ns.bridge * n,
      `bridge → eth0 ×${n}`,
      batch.pkts[from].id,
      this.txBridged,
    );
  }

  private readonly txBridged = (): void => {
    const n = this.txTo - this.txFrom;
    const gid = this.txBatch.pkts[this.txFrom].id;
    this.thread.vcpu.run('driver', this.ctx.costs.ns.drvTx * n, `driver xmit ×${n}`, gid, this.txPostFirst);
  };

  private readonly txPostFirst = (): void => this.txPost(this.txFrom);
  private readonly txPostNext = (): void => this.txPost(this.txNext);

  /** Descriptors from `i` on; a full ring makes the driver wait for a slot, then go on. */
  private txPost(i: number): void {
    const batch = this.txBatch;
    for (; i < this.txTo; i++) {
      const f = this.frame(batch.pkts[i]);
      if (!this.nic.tryPost(f)) {
        this.txNext = i + 1;
        this.nic.post(f, this.txPostNext);
        return;
      }
    }
    const gid = batch.pkts[this.txFrom].id;
    this.thread.vcpu.run('driver', this.ctx.costs.ns.doorbell, 'doorbell', gid, this.txRang);
  }

  private readonly txRang = (): void => {
    this.nic.doorbell();
    this.txForward(this.txTo);
  };

  /** TX responses: guests whose WRITE has fully left their memory are told so. */
  private respond(batch: Batch, then: () => void): void {
    // Most batches complete no WRITE: nobody to tell.
    let completes = false;
    for (let i = 0; i < batch.length; i++) if (batch.pkts[i].completes) completes = true;
    if (!completes) {
      then();
      return;
    }
    const told = new Set<Vif>();
    for (let i = 0; i < batch.length; i++) {
      const vif = batch.vifs[i];
      const pkt = batch.pkts[i];
      if (!pkt.completes) continue;
      vif.txDone.push(pkt.completes);
      told.add(vif);
    }
    const vifs = [...told];
    const notify = (i: number) => {
      if (i === vifs.length) then();
      else vifs[i].toFront.send(this.thread.vcpu, batch.pkts[0].id, () => notify(i + 1));
    };
    notify(0);
  }

  private receive(batch: Batch, then: () => void): void {
    const { ctx } = this;
    const k = batch.length;
    this.rxThen = then;
    this.rxPacketsCounter.inc(k);
    this.thread.vcpu.run('netback', ctx.costs.ns.nbRx * k, `netback RX ×${k}`, batch.pkts[0].id, this.rxCopy);
  }

  private readonly rxCopy = (): void => {
    const batch = this.rxBatch;
    grantCopy(
      this.ctx,
      this.thread.vcpu,
      batch.bytes,
      'Dom0 → guest',
      batch.pkts[0].id,
      this.rxPushFirst,
      batch.length,
    );
  };

  private readonly rxPushFirst = (): void => this.rxPush(0);
  private readonly rxPushNext = (): void => this.rxPush(this.rxNext + 1);

  /** Puts packet `i` of the batch on its guest's RX ring, then the next. */
  private rxPush(i: number): void {
    const batch = this.rxBatch;
    if (i === batch.length) {
      this.rxThen();
      return;
    }
    const vif = batch.vifs[i];
    const pkt = batch.pkts[i];
    vif.rxReservedSlots -= pkt.slots;
    this.rxNext = i;
    pushPacket(vif.rx, pkt, this.thread.vcpu, this.rxPushNext);
  }

  /** A frame for a vif reached the destination's driver: the packet it carries is its tag. */
  private readonly onFrame = (f: Frame, next: () => void): void => this.pathRx(f, f.tag as VifPacket, next);

  private frame(pkt: VifPacket): Frame {
    return {
      messageId: pkt.id,
      srcHost: this.host,
      dstHost: pkt.dstHost,
      payloadBytes: pkt.payloadBytes,
      headerBytes: pkt.headerBytes,
      mssBytes: pkt.mssBytes,
      last: true,
      rx: pkt.seg ? 'driver' : 'sink',
      onReceive: pkt.seg ? this.onFrame : pkt.arrived,
      tag: pkt,
    };
  }
}
