import { describe, expect, it } from 'vitest';
import { spentAtStation, spentOnVcpu, stationCategories, stationHwStages, type SpentRow } from './spent.ts';

const ROWS: SpentRow[] = [
  { vcpu: 'h0/dom0/vcpu1', domain: 'dom0', category: 'netback', busyNs: 1800 },
  { vcpu: 'h1/dom0/vcpu1', domain: 'dom0', category: 'netback', busyNs: 1500 },
  { vcpu: 'h0/dom0/vcpu1', domain: 'dom0', category: 'grant-copy', busyNs: 900 },
  { vcpu: 'h0/vm0/vcpu0', domain: 'vm', category: 'hypercall', busyNs: 400 },
  { vcpu: 'h0/vm0/vcpu0', domain: 'vm', category: 'events', busyNs: 1500 },
  { vcpu: 'h1/dom0/vcpu0', domain: 'dom0', category: 'events', busyNs: 1500 },
  { vcpu: 'h0/vm0/vcpu0', domain: 'vm', category: 'netfront', busyNs: 600 },
];

describe('what a run spent at a station', () => {
  it('takes the categories from the model: the event channel has hypercalls and event delivery', () => {
    expect(stationCategories('evtchn').sort()).toEqual(['events', 'hypercall']);
    expect(stationCategories('dma')).toEqual([]);
    expect(stationHwStages('dma')).toContain('coalesce');
    expect(stationHwStages('sched')).toEqual(['latency']);
  });

  it("adds up a station's categories per domain over all hosts, and nothing else", () => {
    const [vm, dom0] = spentAtStation(ROWS, 'netback', ['vm', 'dom0']);
    expect(vm).toMatchObject({ domain: 'vm', totalNs: 0, byCategory: [] });
    expect(dom0.totalNs).toBe(3300); // netback on both hosts; the grant copy is the grant table's
    const evtchn = spentAtStation(ROWS, 'evtchn', ['vm', 'dom0']);
    expect(evtchn.map((d) => d.totalNs)).toEqual([1900, 1500]);
    expect(evtchn[0].byCategory.map((c) => c.category)).toEqual(['events', 'hypercall']);
  });

  it("lists one vCPU's categories, largest first", () => {
    expect(spentOnVcpu(ROWS, 'h0/vm0/vcpu0').map((c) => [c.category, c.ns])).toEqual([
      ['events', 1500],
      ['netfront', 600],
      ['hypercall', 400],
    ]);
    expect(spentOnVcpu(ROWS, 'h9/vm0/vcpu0')).toEqual([]);
  });
});
