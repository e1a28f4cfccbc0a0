import type { ModelContext } from '../context.ts';
import { grantMap, grantUnmap } from './grantTable.ts';
import type { Vcpu } from './vcpu.ts';

/** One VM's registrations: regions by key (pages each) in LRU order, and the pages they hold. */
interface VmRegistrations {
  readonly regions: Map<string, number>;
  /** Pages of the regions above plus those being registered right now. */
  usedPages: number;
}

/**
 * The backend's registration cache (the poster's IOTLB): guest buffers it has grant-mapped, kept
 * per VM within that VM's budget of pages (`pagesPerVm`), as Xen bounds the grants of each guest.
 * A hit costs nothing more than the lookup in the request handling; a miss maps the region's pages,
 * first evicting (unmapping, with a TLB flush) that VM's least recently used regions until it fits.
 * Other VMs' registrations never evict a VM's own.
 *
 * A buffer that is not kept (cache off, or larger than the budget) is mapped for its message only:
 * `release` unmaps it when the message is done on this host. So at any moment, pages mapped =
 * pages unmapped + pages cached + pages held by messages in flight.
 */
export class Iotlb {
  private readonly vms = new Map<number, VmRegistrations>();
  /** Regions being mapped now: later lookups of the same region wait for that mapping. */
  private readonly registering = new Map<string, (() => void)[]>();
  /** Per message, the regions mapped for it alone (key → pages), unmapped by `release`. */
  private readonly transient = new Map<number, Map<string, number>>();
  /** The last lookup's outcome, for the live view. */
  last: 'hit' | 'miss' | null = null;

  constructor(
    private readonly ctx: ModelContext,
    readonly host: number,
    readonly pagesPerVm: number,
    readonly cacheOn: boolean,
  ) {}

  /** Regions kept registered, all VMs together. */
  get size(): number {
    let n = 0;
    for (const r of this.vms.values()) n += r.regions.size;
    return n;
  }

  /** Pages kept registered (the cache's contents), all VMs together. */
  get cachedPages(): number {
    let n = 0;
    for (const r of this.vms.values()) for (const pages of r.regions.values()) n += pages;
    return n;
  }

  /** Pages one VM holds registered (kept or being registered). */
  usedPages(vm: number): number {
    return this.vms.get(vm)?.usedPages ?? 0;
  }

  /** Makes `key` (`pages` pages of VM `vm`) registered, then continues with `then`; the work runs on `vcpu`. */
  lookup(vcpu: Vcpu, vm: number, key: string, pages: number, messageId: number, then: () => void): void {
    const own = this.transient.get(messageId)?.has(key);
    if (own) {
      then(); // mapped earlier for this same message (a READ's target, looked up twice)
      return;
    }
    const r = this.registrations(vm);
    if (this.cacheOn && r.regions.has(key)) {
      this.ctx.counters.inc('iotlbHits');
      this.last = 'hit';
      r.regions.delete(key);
      r.regions.set(key, pages);
      this.trace(`IOTLB hit ${key}`, messageId);
      then();
      return;
    }
    const waiters = this.registering.get(key);
    if (waiters) {
      waiters.push(then); // another message is mapping this very region: use its mapping
      return;
    }
    this.ctx.counters.inc('iotlbMisses');
    this.last = 'miss';
    this.trace(`IOTLB miss ${key}`, messageId);
    if (!this.cacheOn || pages > this.pagesPerVm) {
      this.mapForMessage(vcpu, key, pages, messageId, then);
      return;
    }
    this.makeRoom(vcpu, r, pages, messageId, () => {
      if (r.usedPages + pages > this.pagesPerVm) {
        // The rest of the budget is held by registrations still under way: map for this message only.
        this.mapForMessage(vcpu, key, pages, messageId, then);
        return;
      }
      r.usedPages += pages;
      const waiting: (() => void)[] = [];
      this.registering.set(key, waiting);
      grantMap(this.ctx, vcpu, pages, messageId, () => {
        this.registering.delete(key);
        r.regions.set(key, pages);
        then();
        for (const w of waiting) w();
      });
    });
  }

  /** Whether something is mapped for message `messageId` alone on this host (`release` will unmap it). */
  mappedFor(messageId: number): boolean {
    return this.transient.has(messageId);
  }

  /** After a message: unmaps what was mapped for it alone on this host (nothing when it was cached). */
  release(vcpu: Vcpu, messageId: number, then: () => void): void {
    const mine = this.transient.get(messageId);
    if (!mine) {
      then();
      return;
    }
    this.transient.delete(messageId);
    let pages = 0;
    for (const p of mine.values()) pages += p;
    this.unmap(vcpu, pages, messageId, then);
  }

  private registrations(vm: number): VmRegistrations {
    let r = this.vms.get(vm);
    if (!r) this.vms.set(vm, (r = { regions: new Map(), usedPages: 0 }));
    return r;
  }

  /** Evicts the VM's least recently used regions, one unmap each, until `pages` more fit its budget. */
  private makeRoom(vcpu: Vcpu, r: VmRegistrations, pages: number, messageId: number, then: () => void): void {
    if (r.usedPages + pages <= this.pagesPerVm || r.regions.size === 0) {
      then();
      return;
    }
    const [oldest, oldPages] = r.regions.entries().next().value as [string, number];
    r.regions.delete(oldest);
    r.usedPages -= oldPages;
    this.ctx.counters.inc('iotlbEvictions');
    this.unmap(vcpu, oldPages, messageId, () => this.makeRoom(vcpu, r, pages, messageId, then));
  }

  private mapForMessage(vcpu: Vcpu, key: string, pages: number, messageId: number, then: () => void): void {
    let mine = this.transient.get(messageId);
    if (!mine) this.transient.set(messageId, (mine = new Map()));
    mine.set(key, pages);
    grantMap(this.ctx, vcpu, pages, messageId, then);
  }

  private unmap(vcpu: Vcpu, pages: number, messageId: number, then: () => void): void {
    this.ctx.counters.inc('grantUnmappedPages', pages);
    grantUnmap(this.ctx, vcpu, pages, messageId, then);
  }

  private trace(name: string, messageId: number): void {
    if (this.ctx.sim.trace.active)
      this.ctx.sim.trace.instant(`h${this.host}/iotlb`, name, messageId, this.ctx.sim.now);
  }
}
