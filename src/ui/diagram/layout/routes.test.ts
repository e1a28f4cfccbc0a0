import { describe, expect, it } from 'vitest';
import { layoutDiagram } from './layout.ts';
import { DIAGRAM_MODES } from './modes.ts';
import { modeRoute, routeFor, stopKey, usedStops } from './routes.ts';

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
    for (const mode of DIAGRAM_MODES) {
      const r = routeFor(mode);
      const hosts = r.map((s) => s.host);
      const firstReceiver = hosts.indexOf(1);
      expect(firstReceiver, mode).toBeGreaterThan(0);
      expect(hosts.slice(0, firstReceiver).every((h) => h === 0)).toBe(true);
      expect(hosts.slice(firstReceiver).every((h) => h === 1)).toBe(true);
      expect(r[0].station, mode).toBe('app');
      expect(r[r.length - 1].station, mode).toBe('app');
    }
  });

  it('name only stations that the layout of the mode draws, and mark exactly those used', () => {
    for (const mode of DIAGRAM_MODES) {
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
