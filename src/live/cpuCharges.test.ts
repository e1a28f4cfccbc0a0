import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../model/run.ts';
import { randomScenarios } from '../model/test/randomScenarios.ts';
import { CpuCharges } from './cpuCharges.ts';
import { cpuSpent } from './cpuSpent.ts';

describe('CpuCharges', () => {
  it('sees every charge the processors make: the log adds up to their accounting, row by row', () => {
    fc.assert(
      fc.property(randomScenarios, fc.integer({ min: 1, max: 20_000 }), (s, events) => {
        const run = createRun({ ...s, messages: 1_000 });
        const charges = new CpuCharges(run, 1 << 21);
        run.sim.runEvents(events);
        const logged = charges.laterNs(0);
        const byRow = new Map(charges.rows.map((r, i) => [`${r.vcpu} ${r.owner} ${r.category}`, logged[i]]));
        const head = cpuSpent(run);
        expect(head.length).toBe(charges.rows.length);
        for (const h of head) expect(byRow.get(`${h.vcpu} ${h.domain} ${h.category}`)).toBe(h.busyNs);
        // Nothing was charged after the last event.
        expect([...charges.laterNs(run.sim.eventsProcessed)].every((ns) => ns === 0)).toBe(true);
      }),
      { numRuns: 30, seed: 9 },
    );
  });

  it('keeps the last `capacity` charges and says when a cursor is older than what it keeps', () => {
    const run = createRun({
      mode: 'pv-tcp',
      workload: 'stream',
      op: 'write',
      sizeBytes: 64,
      pairs: 1,
      window: 8,
      messages: 1_000,
      seed: 1,
      params: {},
    });
    const charges = new CpuCharges(run, 50);
    run.sim.runEvents(5_000);
    const now = run.sim.eventsProcessed;
    expect(charges.covers(now - 10)).toBe(true);
    expect(charges.covers(10)).toBe(false);
    expect(() => charges.laterNs(10)).toThrow(RangeError);
    expect(charges.byteLength).toBe(50 * 14);
  });
});
