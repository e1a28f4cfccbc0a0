import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { Counters, type ModelContext } from '../context.ts';
import { buildCosts } from '../costs.ts';
import { CALIBRATIONS, defaultParams } from '../params.ts';
import { createRun, type ModelRun } from '../run.ts';
import { allVcpus } from '../topology.ts';
import type { DomainKind } from '../categories.ts';
import { wakeThread } from '../xen/events.ts';
import { Domain } from '../xen/vcpu.ts';
import { oneMessage, scenario } from './helpers.ts';

const us = 1000;

/** CPU ns charged to `category`, by domain kind, over the whole run. */
function charged(run: ModelRun, category: string): Partial<Record<DomainKind, number>> {
  const out: Partial<Record<DomainKind, number>> = {};
  for (const v of allVcpus(run.topology))
    for (const a of v.cpu.accounting())
      if (a.category === category) out[v.kind] = (out[v.kind] ?? 0) + a.busyNs;
  return out;
}

function ran(over: Parameters<typeof scenario>[0]): ModelRun {
  const run = createRun(scenario(over));
  run.sim.run();
  return run;
}

describe('hardware completions go through interrupt moderation', () => {
  it('hw-offload: coalUs adds its delay to the one-way latency', () => {
    const short = oneMessage({ mode: 'hw-offload', params: { coalUs: 2 } }).latencyNs;
    const long = oneMessage({ mode: 'hw-offload', params: { coalUs: 50 } }).latencyNs;
    expect(long - short).toBe(48 * us);
  });

  it('hw-offload: the NIC raises the interrupt (counted), no domain pays a hypercall for it', () => {
    const { run } = oneMessage({ mode: 'hw-offload' });
    expect(run.ctx.counters.get('interrupts')).toBeGreaterThan(0);
  });
});

describe('sr-iov as OS bypass (Xen-IB VMM-bypass)', () => {
  it('polling: no system call, hypercall or event delivery anywhere, and coalescing does not matter', () => {
    const run = ran({ mode: 'sr-iov', messages: 20 });
    for (const category of ['syscall', 'hypercall', 'events', 'wakeup'])
      expect(charged(run, category)).toEqual({});
    expect(run.ctx.counters.get('interrupts')).toBe(0);
    const slow = oneMessage({ mode: 'sr-iov', params: { coalUs: 50 } }).latencyNs;
    expect(slow).toBe(oneMessage({ mode: 'sr-iov' }).latencyNs);
  });

  it('srIovIrq: completions arrive by coalesced interrupts Xen injects, and pay for it', () => {
    const run = ran({ mode: 'sr-iov', messages: 20, params: { srIovIrq: 1 } });
    expect(run.ctx.counters.get('interrupts')).toBeGreaterThan(0);
    expect(charged(run, 'events').vm).toBeGreaterThan(0);
    expect(charged(run, 'syscall').vm ?? 0).toBeGreaterThan(0); // the application polls its event queue
    const short = oneMessage({ mode: 'sr-iov', params: { srIovIrq: 1, coalUs: 2 } }).latencyNs;
    const long = oneMessage({ mode: 'sr-iov', params: { srIovIrq: 1, coalUs: 50 } }).latencyNs;
    expect(long - short).toBe(48 * us);
  });
});

describe("calibration B's PV-kernel TCP factor", () => {
  const b = CALIBRATIONS.B.params;

  it('leaves native Linux TCP/IP costs as they are (the benchmark still makes two send() calls)', () => {
    const sameCalls = { tcpSendCalls: b.tcpSendCalls! };
    const a = charged(ran({ mode: 'native', messages: 10, params: sameCalls }), 'tcpip').linux!;
    const withB = charged(ran({ mode: 'native', messages: 10, params: b }), 'tcpip').linux!;
    expect(a).toBeGreaterThan(0);
    expect(withB).toBe(a);
  });

  it('doubles TCP/IP in PV domains (the guests and Dom0)', () => {
    const a = charged(ran({ mode: 'pv-tcp', messages: 10 }), 'tcpip');
    const withB = charged(ran({ mode: 'pv-tcp', messages: 10, params: { pvTcpFactor: 2 } }), 'tcpip');
    expect(withB.vm).toBe(2 * a.vm!);
    const dom0A = charged(ran({ mode: 'dom0', messages: 10 }), 'tcpip').dom0!;
    const dom0B = charged(ran({ mode: 'dom0', messages: 10, params: { pvTcpFactor: 2 } }), 'tcpip').dom0!;
    expect(dom0B).toBe(2 * dom0A);
  });
});

describe('a wake-up on a busy vCPU', () => {
  function context(): ModelContext {
    const sim = new Simulator({ seed: 1 });
    return { sim, costs: buildCosts(defaultParams()), counters: new Counters(), ports: [] };
  }

  it('overlaps its latency with the work in progress instead of idling after it', () => {
    const ctx = context();
    const v = new Domain(ctx, 0, 'vm0', 'vm', 1, true).vcpus[0];
    let doneAt = -1;
    v.run('frontend', 10 * us, 'busy work', 0);
    wakeThread(ctx, v, v, 'thread', 0, () => (doneAt = ctx.sim.now));
    ctx.sim.run();
    const ns = ctx.costs.ns;
    expect(ns.wakeThread - ns.wakeThreadCpu).toBeLessThan(10 * us); // the latency ran out meanwhile
    expect(doneAt).toBe(10 * us + ns.wakeThreadCpu);
  });

  it('pays only what is left of the latency when the work is shorter', () => {
    const ctx = context();
    const v = new Domain(ctx, 0, 'vm0', 'vm', 1, true).vcpus[0];
    let doneAt = -1;
    v.run('frontend', 500, 'short work', 0);
    wakeThread(ctx, v, v, 'thread', 0, () => (doneAt = ctx.sim.now));
    ctx.sim.run();
    expect(doneAt).toBe(ctx.costs.ns.wakeThread); // latency from the wake, then the CPU part
  });

  it('on an idle vCPU, the whole latency is idle time', () => {
    const ctx = context();
    const v = new Domain(ctx, 0, 'vm0', 'vm', 1, true).vcpus[0];
    let doneAt = -1;
    wakeThread(ctx, null, v, 'thread', 0, () => (doneAt = ctx.sim.now));
    ctx.sim.run();
    expect(doneAt).toBe(ctx.costs.ns.wakeThread);
    expect(v.cpu.busyNs).toBe(ctx.costs.ns.wakeThreadCpu);
  });
});
