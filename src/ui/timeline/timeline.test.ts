import { describe, expect, it } from 'vitest';
import { timeTicks } from './timelineAxis.ts';
import { spanColour } from './timelineColours.ts';
import { timelineRows } from './timelineRows.ts';
import { fit, followAt, initialView, pan, timeAtX, xAtTime, zoom } from './timelineView.ts';
import { categoryStyles } from '../../charts/index.ts';
import { CATEGORY_ORDER } from '../panels/chartData.ts';

describe('the timeline view', () => {
  it('follows the cursor, zooms around an anchor and pans by a fraction', () => {
    const v = initialView(1_000_000, 200_000);
    expect(v.follow).toBe(true);
    expect(v.endNs - v.startNs).toBe(200_000);
    expect(v.startNs).toBeLessThan(1_000_000);
    expect(v.endNs).toBeGreaterThan(1_000_000);
    const anchor = 0.25;
    const at = v.startNs + anchor * 200_000;
    const z = zoom(v, 2, anchor);
    expect(z.endNs - z.startNs).toBe(100_000);
    expect(z.startNs + anchor * 100_000).toBeCloseTo(at, 6);
    const p = pan(z, -0.5);
    expect(p.startNs).toBeCloseTo(z.startNs - 50_000, 6);
    expect(p.follow).toBe(false);
    expect(followAt(p, 2_000_000).follow).toBe(true);
    expect(timeAtX(z, xAtTime(z, at, 800), 800)).toBeCloseTo(at, 6);
    expect(pan(initialView(0), -1).startNs).toBe(0); // never before t = 0
    expect(fit(1000, 3000).startNs).toBeLessThan(1000);
  });
});

describe('the time axis', () => {
  it('picks 1-2-5 steps at least the spacing apart, in the unit of the window', () => {
    const ticks = timeTicks(12_300_000, 12_310_000, 600, 100);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks[0].label).toMatch(/^12\.30\d ms$/);
    expect(timeTicks(0, 800, 800, 80).map((t) => t.label)).toContain('100 ns');
    expect(timeTicks(0, 200_000, 600, 100).map((t) => t.label)).toContain('50 µs');
  });
});

describe('the rows', () => {
  it('go host, then Dom0, the VMs, the NIC and the wire; vCPUs before rings and events', () => {
    const names = [
      'h0/vm0/vcpu0',
      'h0/dom0/vcpu1',
      'h0/wire',
      'h0/dma-tx',
      'h1/dom0/vcpu0',
      'h0/dom0/vcpu0',
      'h0/nic',
    ];
    const counters = [{ name: 'h0/vm0/tx-ring' }, { name: 'h0/vm0/evtchn' }, { name: 'h0/nic/tx-ring' }];
    const place = (n: string) => {
      const [h, g, l = ''] = n.split('/');
      const host = Number(h.slice(1));
      if (g === 'wire') return { host, group: 'wire', leaf: '', kind: 'wire' as const };
      if (g === 'nic' && !l) return { host, group: 'nic', leaf: 'nic', kind: 'nic' as const };
      if (g.startsWith('dma')) return { host, group: 'nic', leaf: g, kind: 'nic' as const };
      const kind = l.startsWith('vcpu')
        ? ('vcpu' as const)
        : l === 'evtchn'
          ? ('evtchn' as const)
          : ('ring' as const);
      return { host, group: g, leaf: l, kind };
    };
    const rows = timelineRows({ tracks: { names }, counters, place }, 20, 20);
    expect(rows.map((r) => (r.kind === 'host' ? r.groupLabel : r.name))).toEqual([
      'Host 0',
      'h0/dom0/vcpu0',
      'h0/dom0/vcpu1',
      'h0/vm0/vcpu0',
      'h0/vm0/tx-ring',
      'h0/vm0/evtchn',
      'h0/dma-tx',
      'h0/nic',
      'h0/nic/tx-ring',
      'h0/wire',
      'Host 1',
      'h1/dom0/vcpu0',
    ]);
    expect(rows[1].groupLabel).toBe('Dom0');
    expect(rows[2].groupLabel).toBe('');
    expect(rows[3]).toMatchObject({ groupLabel: 'VM 0', label: 'vCPU 0' });
    for (let i = 1; i < rows.length; i++) expect(rows[i].y).toBe(rows[i - 1].y + rows[i - 1].height);
  });

  it('colours a CPU category exactly as the CPU chart does', () => {
    const chart = categoryStyles(CATEGORY_ORDER);
    for (const c of CATEGORY_ORDER) expect(spanColour(c)).toBe(chart.get(c)!.color);
    expect(spanColour('wire')).not.toBe(spanColour('copy'));
  });
});
