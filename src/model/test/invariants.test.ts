import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../run.ts';
import { allVcpus } from '../topology.ts';
import { randomScenarios as scenarios } from './randomScenarios.ts';

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
