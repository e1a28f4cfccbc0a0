import { describe, expect, it } from 'vitest';
import { runScenario } from '../run.ts';
import { scenario } from './helpers.ts';

/** Under load, queues form where the cost model says the bottleneck is (cost-model §4.3–4.4). */
describe('bottlenecks under load', () => {
  it('pv-tcp: the single netback thread of the sending Dom0 is saturated and the vif TX ring fills', () => {
    const r = runScenario(
      scenario({ mode: 'pv-tcp', workload: 'stream', sizeBytes: 1 << 20, window: 8, messages: 12 }),
    );
    const u = r.utilization;
    const netback = u['h0/dom0/vcpu1'];
    expect(netback).toBeGreaterThan(0.95);
    for (const [name, value] of Object.entries(u)) {
      if (name.includes('/vcpu') && name !== 'h0/dom0/vcpu1') expect(value).toBeLessThan(netback);
    }
    // Ring occupancy is averaged over the whole run, warm-up and drain included.
    expect(u['h0/vm0/tx-ring']).toBeGreaterThan(0.4);
    expect(u['h0/wire']).toBeLessThan(0.5);
  });

  it('zero-copy: the wire is saturated while every CPU has room to spare', () => {
    const r = runScenario(
      scenario({ mode: 'zero-copy', workload: 'stream', sizeBytes: 1 << 20, window: 8, messages: 24 }),
    );
    expect(r.utilization['h0/wire']).toBeGreaterThan(0.95);
    // The busiest CPU is the receiving Dom0's vCPU0 (interrupts, placement copy): still well short of full.
    for (const [name, value] of Object.entries(r.utilization)) {
      if (name.includes('/vcpu')) expect(value).toBeLessThan(0.8);
    }
  });

  it('pktgen in a VM: the guest waits on a full TX ring while netback works', () => {
    const r = runScenario(scenario({ mode: 'pv-tcp', workload: 'pktgen', sizeBytes: 1514, messages: 5000 }));
    expect(r.utilization['h0/vm0/tx-ring']).toBeGreaterThan(0.8); // whole run, warm-up included
    expect(r.utilization['h0/dom0/vcpu1']).toBeGreaterThan(0.97);
    expect(r.utilization['h0/vm0/vcpu0']).toBeLessThan(0.3);
  });

  it('a registration cache turned off costs Dom0 a map and an unmap per message', () => {
    const on = runScenario(
      scenario({ mode: 'zero-copy', workload: 'stream', sizeBytes: 1 << 20, window: 1, messages: 6 }),
    );
    const off = runScenario(
      scenario({
        mode: 'zero-copy',
        workload: 'stream',
        sizeBytes: 1 << 20,
        window: 1,
        messages: 6,
        params: { iotlbCache: 0 },
      }),
    );
    expect(on.counters.iotlbHits).toBeGreaterThan(0);
    expect(off.counters.iotlbHits ?? 0).toBe(0);
    expect(off.counters.grantUnmaps).toBeGreaterThanOrEqual(12);
    // Measured after the warm-up, a cache that is on maps nothing more; one that is off maps every time.
    expect(on.cpuNsPerMessage.dom0!['grant-map'] ?? 0).toBe(0);
    expect(off.cpuNsPerMessage.dom0!['grant-map']!).toBeGreaterThan(1000);
    expect(off.latencyUs.mean).toBeGreaterThan(on.latencyUs.mean);
  });
});
