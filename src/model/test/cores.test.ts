import { describe, expect, it } from 'vitest';
import { createRun, type ModelRun } from '../run.ts';
import { allVcpus } from '../topology.ts';
import { scenario } from './helpers.ts';

function ran(over: Parameters<typeof scenario>[0]): ModelRun {
  const run = createRun(scenario(over));
  run.sim.run();
  return run;
}

describe('host cores', () => {
  it('while every vCPU has a core of its own, the core count changes nothing', () => {
    for (const mode of ['pv-tcp', 'zero-copy', 'stub-domain'] as const) {
      const few = ran({ mode, messages: 20, params: { hostCores: 5 } }).result();
      const many = ran({ mode, messages: 20, params: { hostCores: 128 } }).result();
      expect(few.latencyUs).toEqual(many.latencyUs);
    }
  });

  it('vCPUs beyond the cores share them: no two vCPUs of one core ever run at once', () => {
    const run = createRun(
      scenario({
        mode: 'pv-tcp',
        workload: 'stream',
        pairs: 4,
        sizeBytes: 9000,
        messages: 30,
        params: { hostCores: 3 },
      }),
    );
    run.sim.run();
    const byCore = new Map<string, { name: string; busyNs: number }[]>();
    for (const v of allVcpus(run.topology)) {
      expect(v.core).not.toBeNull();
      const list = byCore.get(v.core!.name) ?? [];
      list.push({ name: v.name, busyNs: v.cpu.busyNs });
      byCore.set(v.core!.name, list);
    }
    expect(byCore.size).toBe(3 * run.topology.hosts.length);
    // A core's vCPUs together were busy no longer than the run: they took turns.
    for (const list of byCore.values())
      expect(list.reduce((a, x) => a + x.busyNs, 0)).toBeLessThanOrEqual(run.sim.now);
  });

  it('spans of the vCPUs of one core never overlap in time', () => {
    const run = createRun(
      scenario({
        mode: 'zero-copy',
        workload: 'stream',
        pairs: 2,
        sizeBytes: 20_000,
        messages: 8,
        traceCapacity: 200_000,
        params: { hostCores: 1 },
      }),
    );
    run.sim.run();
    const cpuSpans = run.sim.trace
      .records()
      .filter((r) => r.kind === 'span' && r.component.startsWith('h0/') && r.component.includes('/vcpu'))
      .map((r) => (r.kind === 'span' ? [r.startNs, r.endNs] : [0, 0]))
      .sort((a, b) => a[0] - b[0]);
    expect(cpuSpans.length).toBeGreaterThan(10);
    for (let i = 1; i < cpuSpans.length; i++)
      expect(cpuSpans[i][0]).toBeGreaterThanOrEqual(cpuSpans[i - 1][1]);
  });

  it('sharing cores slows a CPU-bound run down', () => {
    const s = {
      mode: 'pv-tcp' as const,
      workload: 'stream' as const,
      pairs: 8,
      sizeBytes: 65536,
      messages: 20,
    };
    const shared = ran({ ...s, params: { hostCores: 4 } }).result();
    const own = ran({ ...s, params: { hostCores: 128 } }).result();
    expect(shared.throughputMiBps).toBeLessThan(own.throughputMiBps);
  });
});
