import { describe, expect, it } from 'vitest';
import { ROUTES, rolesOf, spanStop, stopsOfEnd, type Role, type Stop } from '../routes.ts';
import { MODES, OPS, WORKLOADS } from '../types.ts';
import { routeCases, traceOf } from './routeCases.ts';

// With two hosts every pair runs from host 0 (its source) to host 1 (its destination).
const endOf = (host: number | null) => (host === 1 ? 'dst' : 'src');

describe('routes declared by the paths', () => {
  const cases = routeCases();
  /** Stops charged per mode, op and role, where the role is known (streams and pktgen: the source issues). */
  const charged = new Map<string, Set<Stop>>();
  const note = (key: string, stop: Stop) => {
    let set = charged.get(key);
    if (!set) charged.set(key, (set = new Set()));
    set.add(stop);
  };

  it('declare every stop a traced span is charged at, on the end of the pair that charges it', () => {
    const missing = new Set<string>();
    for (const c of cases) {
      const route = ROUTES[c.mode];
      const declared = {
        src: stopsOfEnd(route, c.workload, c.op, 'src'),
        dst: stopsOfEnd(route, c.workload, c.op, 'dst'),
      };
      for (const r of traceOf(c)) {
        if (r.kind !== 'span') continue;
        const at = spanStop(r);
        if (at === null) {
          missing.add(`${c.label}: no stop for ${r.component} ${r.owner} ${r.category}`);
          continue;
        }
        const end = endOf(at.host);
        const roles = rolesOf(c.workload, end);
        if (roles.length === 1) note(`${c.mode} ${c.op} ${roles[0]}`, at.stop);
        if (!declared[end].has(at.stop))
          missing.add(`${c.label}: ${end} ${at.stop} (${r.category}: ${r.label})`);
      }
    }
    expect([...missing].sort()).toEqual([]);
    // About 150 short runs: seconds alone, more on a busy machine.
  }, 120_000);

  it('declare no stop that no workload charges at that end', () => {
    const unused: string[] = [];
    for (const mode of MODES)
      for (const op of OPS)
        for (const role of ['issuer', 'target'] as Role[])
          for (const stop of ROUTES[mode].charges[op][role])
            if (!charged.get(`${mode} ${op} ${role}`)?.has(stop))
              unused.push(`${mode} ${op} ${role}: ${stop}`);
    expect(unused).toEqual([]);
  });

  it('draw the data’s way through stops the ends charge (the receiver’s cable is the sender’s link)', () => {
    for (const mode of MODES) {
      const r = ROUTES[mode];
      expect(r.mode).toBe(mode);
      for (const s of r.sender) expect(r.charges.write.issuer, `${mode} sender`).toContain(s);
      for (const s of r.receiver)
        if (s !== 'net:wire') expect(r.charges.write.target, `${mode} receiver`).toContain(s);
      const sends = (s: Stop) => r.sender.includes(s);
      if (r.arrows.b1) expect(r.arrows.b1.every(sends), `${mode} b₁`).toBe(true);
      if (r.arrows.c1) expect(r.arrows.c1.every(sends), `${mode} c₁`).toBe(true);
    }
  });

  it('give every workload a role for each end', () => {
    for (const w of WORKLOADS) expect(rolesOf(w, 'src')).toContain('issuer');
  });
});
