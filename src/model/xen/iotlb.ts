import type { ModelContext } from '../context.ts';
import { grantMap, grantUnmap } from './grantTable.ts';
import type { Vcpu } from './vcpu.ts';

/**
 * The backend's registration cache (the poster's IOTLB): guest buffers it has grant-mapped, by
 * region, least recently used first. A hit costs nothing more than the lookup in the request
 * handling; a miss maps the region's pages (and evicting a region unmaps it, with a TLB flush).
 * With the cache off, every message maps its buffer and unmaps it when the message is done.
 */
export class Iotlb {
  private readonly regions = new Map<string, number>(); // key → pages, in LRU order
  /** The last lookup's outcome, for the live view. */
  last: 'hit' | 'miss' | null = null;

  constructor(
    private readonly ctx: ModelContext,
    readonly host: number,
    private readonly capacity: number,
    readonly cacheOn: boolean,
  ) {}

  get size(): number {
    return this.regions.size;
  }

  /** Makes `key` (of `pages` pages) registered, then continues with `then`; the work runs on `vcpu`. */
  lookup(vcpu: Vcpu, key: string, pages: number, messageId: number, then: () => void): void {
    if (this.cacheOn && this.regions.has(key)) {
      this.ctx.counters.inc('iotlbHits');
      this.last = 'hit';
      this.regions.delete(key);
      this.regions.set(key, pages);
      this.trace(`IOTLB hit ${key}`, messageId);
      then();
      return;
    }
    this.ctx.counters.inc('iotlbMisses');
    this.last = 'miss';
    this.trace(`IOTLB miss ${key}`, messageId);
    const register = () =>
      grantMap(this.ctx, vcpu, pages, messageId, () => {
        if (this.cacheOn) this.regions.set(key, pages);
        then();
      });
    if (this.cacheOn && this.regions.size >= this.capacity) {
      const [oldest, oldPages] = this.regions.entries().next().value as [string, number];
      this.regions.delete(oldest);
      this.ctx.counters.inc('iotlbEvictions');
      grantUnmap(this.ctx, vcpu, oldPages, messageId, register);
    } else {
      register();
    }
  }

  /** After a message: with the cache off, the buffer is unmapped again. */
  release(vcpu: Vcpu, pages: number, messageId: number, then: () => void): void {
    if (this.cacheOn) then();
    else grantUnmap(this.ctx, vcpu, pages, messageId, then);
  }

  private trace(name: string, messageId: number): void {
    if (this.ctx.sim.trace.active)
      this.ctx.sim.trace.instant(`h${this.host}/iotlb`, name, messageId, this.ctx.sim.now);
  }
}
