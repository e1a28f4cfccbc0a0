import { describe, expect, it } from 'vitest';
import { LiveRun } from './liveRun.ts';

const scenario = {
  mode: 'pv-tcp' as const,
  workload: 'pingpong' as const,
  op: 'write' as const,
  sizeBytes: 64,
  pairs: 1,
  window: 8,
  messages: 1,
  seed: 1,
  params: {},
};

const sum = (rows: { busyNs: number }[]) => rows.reduce((a, r) => a + r.busyNs, 0);

describe('LiveRun.cpuSpent', () => {
  it('is empty before the run starts and grows as it runs', () => {
    const live = new LiveRun(scenario);
    expect(sum(live.cpuSpent())).toBe(0);
    live.advanceTo(50_000, 1_000_000, 1000);
    const early = sum(live.cpuSpent());
    live.advanceTo(200_000, 1_000_000, 1000);
    expect(early).toBeGreaterThan(0);
    expect(sum(live.cpuSpent())).toBeGreaterThan(early);
  });

  it("charges pv-tcp's netback work to Dom0 and netfront's to the guest", () => {
    const live = new LiveRun(scenario);
    live.advanceTo(200_000, 1_000_000, 1000);
    const rows = live.cpuSpent();
    const netback = rows.filter((r) => r.category === 'netback');
    expect(netback.length).toBeGreaterThan(0);
    expect(netback.every((r) => r.domain === 'dom0' && r.vcpu.includes('/dom0/'))).toBe(true);
    expect(rows.filter((r) => r.category === 'netfront').every((r) => r.domain === 'vm')).toBe(true);
  });

  it('never exceeds the elapsed time on any vCPU', () => {
    const live = new LiveRun(scenario);
    live.advanceTo(300_000, 1_000_000, 1000);
    const byVcpu = new Map<string, number>();
    for (const r of live.cpuSpent()) byVcpu.set(r.vcpu, (byVcpu.get(r.vcpu) ?? 0) + r.busyNs);
    for (const ns of byVcpu.values()) expect(ns).toBeLessThanOrEqual(live.nowNs);
  });
});
