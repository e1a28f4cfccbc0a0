import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { Counters, type ModelContext } from '../context.ts';
import { buildCosts } from '../costs.ts';
import { defaultParams } from '../params.ts';
import { createRun, type ModelRun } from '../run.ts';
import { MODES, OPS } from '../types.ts';
import { Iotlb } from '../xen/iotlb.ts';
import { Domain } from '../xen/vcpu.ts';
import { scenario } from './helpers.ts';

function ran(over: Parameters<typeof scenario>[0]): ModelRun {
  const run = createRun(scenario(over));
  run.sim.run();
  return run;
}

/** An IOTLB of `pagesPerVm` on a lone Dom0 vCPU; `lookup` resolves once the registration is usable. */
function cache(pagesPerVm: number) {
  const sim = new Simulator({ seed: 1 });
  const ctx: ModelContext = { sim, costs: buildCosts(defaultParams()), counters: new Counters(), ports: [] };
  const v = new Domain(ctx, 0, 'dom0', 'dom0', 1, true).vcpus[0];
  const iotlb = new Iotlb(ctx, 0, pagesPerVm, true);
  let id = 0;
  const lookup = (vm: number, key: string, pages: number) => {
    const m = id++;
    iotlb.lookup(v, vm, key, pages, m, () => iotlb.release(v, m, () => {}));
    sim.run();
  };
  return { ctx, iotlb, lookup };
}

describe('the registration cache, in pages per VM', () => {
  it("keeps each VM within its own budget: another VM's registrations never evict a VM's", () => {
    const { ctx, iotlb, lookup } = cache(8);
    lookup(0, 'a', 4);
    for (let i = 0; i < 50; i++) lookup(1, `b${i % 10}`, 2); // VM 1 churns through its own budget
    lookup(0, 'a', 4);
    expect(iotlb.usedPages(0)).toBe(4);
    expect(iotlb.usedPages(1)).toBeLessThanOrEqual(8);
    expect(ctx.counters.get('iotlbHits')).toBeGreaterThanOrEqual(1);
    expect(ctx.counters.get('iotlbMisses')).toBe(1 + 50); // VM 1 cycles 10 regions through room for 4
  });

  it('evicts the least recently used region of the VM when a new one does not fit', () => {
    const { ctx, iotlb, lookup } = cache(8);
    lookup(0, 'a', 4);
    lookup(0, 'b', 4);
    lookup(0, 'a', 4); // a is now the most recent
    lookup(0, 'c', 4); // evicts b
    expect(ctx.counters.get('iotlbEvictions')).toBe(1);
    lookup(0, 'a', 4);
    expect(ctx.counters.get('iotlbHits')).toBe(2);
    expect(iotlb.cachedPages).toBe(8);
  });

  it('maps a buffer larger than the budget for its message only, and unmaps it after', () => {
    const { ctx, iotlb, lookup } = cache(8);
    lookup(0, 'huge', 9);
    expect(iotlb.cachedPages).toBe(0);
    expect(ctx.counters.get('grantMappedPages')).toBe(9);
    expect(ctx.counters.get('grantUnmappedPages')).toBe(9);
  });

  it('the budget is the grant table of a guest: 32 frames × 512 v1 entries', () => {
    expect(defaultParams().iotlbPagesPerVm).toBe(32 * (4096 / 8));
  });

  it('zero-copy 4 KiB stream: 16 pairs register once and hit, as 8 pairs do (no cliff)', () => {
    const run = (pairs: number) =>
      ran({ mode: 'zero-copy', workload: 'stream', sizeBytes: 4096, pairs, window: 8, messages: 200 });
    const eight = run(8).result();
    const sixteen = run(16).result();
    // Each buffer slot of each side is registered once: 2 sides × window slots × pairs.
    expect(sixteen.counters.iotlbMisses).toBe(2 * 8 * 16);
    expect(sixteen.counters.iotlbEvictions ?? 0).toBe(0);
    expect(sixteen.counters.iotlbHits).toBeGreaterThan(10 * sixteen.counters.iotlbMisses);
    expect(sixteen.throughputMiBps).toBeGreaterThan(0.9 * eight.throughputMiBps);
  });
});

describe('grant conservation', () => {
  const cases = MODES.flatMap((mode) =>
    OPS.flatMap((op) => [0, 1].map((iotlbCache) => ({ mode, op, iotlbCache }))),
  );

  it.each(cases)('$mode $op, cache $iotlbCache: pages mapped = unmapped + still cached', (c) => {
    for (const over of [
      { workload: 'pingpong' as const, sizeBytes: 64, messages: 30, pairs: 1 },
      { workload: 'stream' as const, sizeBytes: 100_000, messages: 12, pairs: 2, window: 4 },
      {
        workload: 'stream' as const,
        sizeBytes: 100_000,
        messages: 12,
        pairs: 2,
        window: 4,
        iotlbPagesPerVm: 30,
      },
    ]) {
      const { iotlbPagesPerVm, ...s } = over as typeof over & { iotlbPagesPerVm?: number };
      const pairs = c.mode === 'native' || c.mode === 'dom0' ? 1 : s.pairs;
      const params = { iotlbCache: c.iotlbCache, ...(iotlbPagesPerVm ? { iotlbPagesPerVm } : {}) };
      const run = ran({ ...s, pairs, mode: c.mode, op: c.op, params });
      const counters = run.ctx.counters;
      const cached = run.topology.hosts.reduce((a, h) => a + h.iotlb.cachedPages, 0);
      expect(counters.get('grantMappedPages')).toBe(counters.get('grantUnmappedPages') + cached);
      if (c.iotlbCache === 0) expect(cached).toBe(0);
    }
  });
});
