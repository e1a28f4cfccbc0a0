import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../run.ts';
import { allVcpus } from '../topology.ts';
import { MODES, OPS, type Scenario } from '../types.ts';
import { MODE_DESCRIPTORS } from '../modes.ts';

/** Small random scenarios over every mode, workload and operation. */
const scenarios = fc
  .record({
    mode: fc.constantFrom(...MODES),
    workload: fc.constantFrom('pingpong', 'stream', 'pktgen'),
    op: fc.constantFrom(...OPS),
    sizeBytes: fc.constantFrom(1, 64, 1500, 4096, 9000, 65536, 300_000),
    pairs: fc.integer({ min: 1, max: 3 }),
    window: fc.integer({ min: 1, max: 8 }),
    messages: fc.integer({ min: 1, max: 12 }),
    warmupMessages: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    iotlbCache: fc.constantFrom(0, 1),
    dom0Vcpus: fc.integer({ min: 1, max: 4 }),
    vmVcpus: fc.integer({ min: 1, max: 2 }),
    coalUs: fc.constantFrom(0, 2, 20),
    jitterPct: fc.constantFrom(0, 10),
  })
  .map(({ iotlbCache, dom0Vcpus, vmVcpus, coalUs, jitterPct, ...s }): Scenario => {
    const workload = s.workload === 'pktgen' && !MODE_DESCRIPTORS[s.mode].pktgen ? 'stream' : s.workload;
    return {
      ...s,
      workload: workload as Scenario['workload'],
      sizeBytes: workload === 'pktgen' ? Math.min(Math.max(s.sizeBytes, 60), 1514) : s.sizeBytes,
      pairs: MODE_DESCRIPTORS[s.mode].hasVms ? s.pairs : 1,
      messages: workload === 'pktgen' ? s.messages * 20 : s.messages,
      params: { iotlbCache, dom0Vcpus, vmVcpus, coalUs, jitterPct },
    };
  });

describe('invariants on every run', () => {
  it('bytes sent = bytes received, every message completes, rings end empty, CPU accounting adds up', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const run = createRun(s);
        run.sim.run();
        const r = run.result();
        const pairs = r.pairs;
        // Every pair warms up, then the window measures `messages` per pair on average; after it
        // closes nothing new is issued and everything in flight drains.
        expect(r.counters.bytesSent).toBe(r.counters.bytesReceived);
        expect(r.counters.messagesIssued).toBeGreaterThanOrEqual(pairs * (s.messages + s.warmupMessages!));
        expect(r.counters.messagesDelivered).toBe(r.counters.messagesIssued);
        expect(r.measuredMessages).toBe(pairs * s.messages);
        if (s.workload !== 'pktgen') expect(r.counters.messagesCompleted).toBe(r.counters.messagesIssued);
        expect(r.counters.framesInNicsAtEnd).toBe(0);
        expect(r.counters.ringsNonEmptyAtEnd).toBe(0);
        expect(r.counters.partialMessagesAtEnd).toBe(0);
        for (const v of allVcpus(run.topology)) {
          const charged = v.cpu.accounting().reduce((a, x) => a + x.busyNs, 0);
          expect(charged).toBe(v.cpu.busyNs);
          expect(v.cpu.busyNs).toBeLessThanOrEqual(run.sim.now);
          expect(v.cpu.busy).toBe(false);
        }
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });

  it('the same scenario gives the same result, bit for bit', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const a = createRun({ ...s, traceCapacity: 5000 });
        const b = createRun({ ...s, traceCapacity: 5000 });
        a.sim.run();
        b.sim.run();
        expect(a.result()).toEqual(b.result());
        expect(a.sim.trace.records()).toEqual(b.sim.trace.records());
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});

describe('seeds', () => {
  it('with jitter on, different seeds give different latencies and the same seed the same', () => {
    const at = (seed: number) => {
      const run = createRun({
        mode: 'pv-tcp',
        workload: 'pingpong',
        op: 'write',
        sizeBytes: 64,
        pairs: 1,
        window: 1,
        messages: 20,
        seed,
        params: { jitterPct: 10 },
      });
      run.sim.run();
      return run.result().latencyUs;
    };
    expect(at(1)).toEqual(at(1));
    expect(at(1).mean).not.toBe(at(2).mean);
    expect(at(1).p99).toBeGreaterThan(at(1).p50);
  });
});
