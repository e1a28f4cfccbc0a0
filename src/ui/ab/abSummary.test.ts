import { describe, expect, it } from 'vitest';
import { initialState } from '../../store/appStore.ts';
import { DEFAULT_SETTINGS } from '../../store/settings.ts';
import type { AbSide } from '../../store/ab.ts';
import { formatChange, metricRows, settingsDiff } from './abSummary.ts';

const side = (meanUs: number, miBps: number, delivered: number, cpu: AbSide['cpuNs']): AbSide => ({
  readout: {
    ...initialState().readout,
    delivered,
    latency: { what: '', meanUs, meanLabel: '', lastUs: meanUs, coldUs: null },
    throughput: { miBps, label: '' },
  },
  cpuNs: cpu,
});

describe('the A/B summary', () => {
  it('lists only what differs, constants included, not the speed', () => {
    const a = DEFAULT_SETTINGS;
    const b = { ...a, mode: 'pv-tcp' as const, vms: 4, speedNsPerSec: 1e6, params: { coalUs: 10 } };
    const diff = settingsDiff(a, b);
    expect(diff.map((d) => d.what)).toEqual(['I/O path', 'VMs per host', 'coalUs (µs)']);
    expect(diff[1]).toEqual({ what: 'VMs per host', a: '1', b: '4' });
    expect(settingsDiff(a, { ...a, speedNsPerSec: 5 })).toEqual([]);
  });

  it('compares per-message CPU by domain and category, with B’s change against A', () => {
    const a = side(77, 10, 10, { vm: { tcpip: 20_000, copy: 10_000 }, dom0: { netback: 50_000 } });
    const b = side(28, 20, 20, { vm: { frontend: 4_000 }, dom0: { backend: 40_000 } });
    const rows = metricRows(a, b);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('latency')!.change).toBeCloseTo(28 / 77 - 1, 9);
    expect(byKey.get('throughput')!.change).toBe(1);
    // 30,000 ns over 10 messages = 3 µs; 4,000 ns over 20 = 0.2 µs.
    expect(byKey.get('cpu-vm')!.a).toBeCloseTo(3, 9);
    expect(byKey.get('cpu-vm')!.b).toBeCloseTo(0.2, 9);
    // A category only one side charged is shown, the other side empty (not zero).
    expect(byKey.get('cpu-vm-tcpip')!.b).toBeNull();
    expect(byKey.get('cpu-vm-frontend')!.a).toBeNull();
    expect(byKey.get('cpu-dom0-backend')!.change).toBeNull();
  });

  it('writes a change as a signed percentage', () => {
    expect(formatChange(0.1234)).toBe('+12.3 %');
    expect(formatChange(-0.5)).toBe('−50.0 %');
    expect(formatChange(0)).toBe('±0 %');
    expect(formatChange(null)).toBe('—');
  });
});
