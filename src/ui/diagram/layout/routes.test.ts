import { describe, expect, it } from 'vitest';
import { MODE_DESCRIPTORS } from '../../../model/modes.ts';
import { MODES, OPS, WORKLOADS } from '../../../model/types.ts';
import { LAYERS } from './layers.ts';
import { layoutDiagram } from './layout.ts';
import { modeRoute, routeFor, stopKey, usedStops } from './route.ts';

const stations = (mode: Parameters<typeof routeFor>[0]) =>
  routeFor(mode).map((s) => `${s.place}:${s.station}`);

describe('routes', () => {
  it('tell pv-tcp from zero-copy at a glance', () => {
    const pv = stations('pv-tcp');
    const zc = stations('zero-copy');
    expect(pv).not.toEqual(zc);
    expect(pv.slice(0, 12)).toEqual([
      'vm:app',
      'vm:copy',
      'vm:tcpip',
      'vm:netfront',
      'xen:evtchn',
      'xen:sched',
      'dom0:netback',
      'xen:grant',
      'dom0:bridge',
      'dom0:driver',
      'nic:dma',
      'net:wire',
    ]);
    for (const s of ['vm:netfront', 'dom0:netback', 'xen:grant', 'dom0:bridge', 'vm:tcpip']) {
      expect(pv).toContain(s);
      expect(zc).not.toContain(s);
    }
    for (const s of ['vm:frontend', 'dom0:backend', 'xen:iotlb']) {
      expect(zc).toContain(s);
      expect(pv).not.toContain(s);
    }
  });

  it('send from host 0 and receive on host 1', () => {
    for (const mode of MODES) {
      const r = routeFor(mode);
      const hosts = r.map((s) => s.host);
      const firstReceiver = hosts.indexOf(1);
      expect(firstReceiver, mode).toBeGreaterThan(0);
      expect(hosts.slice(0, firstReceiver).every((h) => h === 0)).toBe(true);
      expect(hosts.slice(firstReceiver).every((h) => h === 1)).toBe(true);
      // From the application's domain to the application's domain (the hypervisor, NIC and wire in between).
      for (const end of [r[0], r[r.length - 1]]) expect(['vm', 'dom0', 'linux'], mode).toContain(end.place);
    }
  });

  it('name only stations that the layout of the mode draws, and mark exactly those used', () => {
    for (const mode of MODES) {
      for (const size of [
        { width: 900, height: 520 },
        { width: 1400, height: 760 },
      ]) {
        const L = layoutDiagram({ ...size, vmsPerHost: 3, mode });
        const ids = new Set(L.boxes.map((b) => b.id));
        const used = usedStops(mode);
        for (const key of used) expect(ids.has(key), `${mode}: ${key}`).toBe(true);
        for (const s of routeFor(mode))
          expect(ids.has(stopKey(s.host, s)), `${mode}: ${stopKey(s.host, s)}`).toBe(true);
        for (const b of L.boxes.filter((x) => x.kind === 'station'))
          expect(b.used, `${mode}: ${b.id}`).toBe(used.has(b.id));
      }
    }
  });

  it('fade what the shown workload and op do not charge, and only that', () => {
    for (const mode of MODES)
      for (const workload of WORKLOADS)
        for (const op of OPS) {
          const L = layoutDiagram({ width: 1000, height: 560, vmsPerHost: 1, mode, workload, op });
          const used = usedStops(mode, { workload, op });
          for (const b of L.boxes.filter((x) => x.kind === 'station'))
            expect(b.used, `${mode} ${workload} ${op}: ${b.id}`).toBe(used.has(b.id));
        }
    // A zero-copy READ: the target's backend sends the data and the issuer's backend places it.
    const zc = layoutDiagram({
      width: 1000,
      height: 560,
      vmsPerHost: 1,
      mode: 'zero-copy',
      workload: 'stream',
      op: 'read',
    });
    expect(zc.boxes.find((b) => b.id === 'h1/dom0/backend')?.used).toBe(true);
    expect(zc.boxes.find((b) => b.id === 'h0/dom0/copy')?.used).toBe(true);
    // … and the target's guest takes no part; in a WRITE it does, and the issuer's Dom0 copies nothing.
    expect(zc.boxes.find((b) => b.id === 'h1/vm/frontend')?.used).toBe(false);
    const zw = layoutDiagram({
      width: 1000,
      height: 560,
      vmsPerHost: 1,
      mode: 'zero-copy',
      workload: 'stream',
      op: 'write',
    });
    expect(zw.boxes.find((b) => b.id === 'h1/vm/frontend')?.used).toBe(true);
    expect(zw.boxes.find((b) => b.id === 'h0/dom0/copy')?.used).toBe(false);
  });

  it('draw each mode with the domains its descriptor names', () => {
    for (const mode of MODES) {
      const L = layoutDiagram({ width: 1000, height: 560, vmsPerHost: 2, mode });
      const domains = new Set(L.boxes.filter((b) => b.kind === 'domain' && b.host === 0).map((b) => b.place));
      for (const d of MODE_DESCRIPTORS[mode].domains) expect(domains.has(d), `${mode}: ${d}`).toBe(true);
      expect(domains.has('vm'), mode).toBe(MODE_DESCRIPTORS[mode].hasVms);
      expect(domains.has('xen'), mode).toBe(LAYERS[mode].kind !== 'native');
    }
  });

  it('draw the poster’s b₁, c₁ and d₁ where the split driver is used', () => {
    const arrows = (mode: Parameters<typeof routeFor>[0]) => {
      const L = layoutDiagram({ width: 1000, height: 560, vmsPerHost: 1, mode });
      return [...new Set(L.connectors.filter((c) => c.arrow).map((c) => c.arrow))].sort();
    };
    expect(arrows('zero-copy')).toEqual(['b1', 'c1', 'd1']);
    expect(arrows('stub-domain')).toEqual(['b1', 'c1', 'd1']);
    expect(arrows('hw-offload')).toEqual(['b1', 'd1']);
    expect(arrows('pv-tcp')).toEqual([]);
    expect(arrows('native')).toEqual([]);
    // b₁ runs from the frontend to the backend, c₁ from the backend to the driver.
    const zc = modeRoute('zero-copy');
    const b1 = zc.arrows.find((a) => a.name === 'b1')!;
    const c1 = zc.arrows.find((a) => a.name === 'c1')!;
    expect(zc.sender[b1.hops[0][0]].station).toBe('frontend');
    expect(zc.sender[b1.hops[b1.hops.length - 1][1]].station).toBe('backend');
    expect(c1.hops).toHaveLength(1);
    expect(zc.sender[c1.hops[0][0]].station).toBe('backend');
    expect(zc.sender[c1.hops[0][1]].station).toBe('driver');
  });
});
