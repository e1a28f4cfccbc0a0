import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HorizontalBarChart } from './HorizontalBarChart.tsx';
import type { HBarRow } from './hBarGeometry.ts';
import { hBarGeometry, hBarTooltip } from './hBarGeometry.ts';
import { attr, badNumbers, markup, texts, withAttr } from './testMarkup.ts';

const DOM0 = 'Driver domain (Dom0)';
const GUEST = 'Guest VM';
const tcp = { color: '#56B4E9', marker: 'circle' as const, dash: '' };
const zc = { color: '#E69F00', marker: 'square' as const, dash: '10 6' };

/** Shaped like the CPU figure at 64 B: TCP's bars about 2–5× the framework's, many small parts. */
const rows: HBarRow[] = [
  {
    key: 'dom0:tcp',
    group: DOM0,
    label: 'VM · TCP',
    swatch: tcp,
    parts: [
      { key: 'hypercall', label: 'hypercalls', value: 1.5 },
      { key: 'wakeup', label: 'sched / wake-ups', value: 12 },
      { key: 'netback', label: 'netback', value: 6.5 },
      { key: 'bridge', label: 'bridge', value: 3 },
      { key: 'irq', label: 'IRQ handling', value: 2.7 },
    ],
  },
  {
    key: 'dom0:zc',
    group: DOM0,
    label: 'VM · zero-copy',
    swatch: zc,
    parts: [
      { key: 'wakeup', label: 'sched / wake-ups', value: 6 },
      { key: 'backend', label: 'HPC backend', value: 4 },
      { key: 'irq', label: 'IRQ handling', value: 2.2 },
    ],
  },
  {
    key: 'vm:tcp',
    group: GUEST,
    label: 'VM · TCP',
    swatch: tcp,
    parts: [
      { key: 'syscall', label: 'app / syscall', value: 4 },
      { key: 'tcpip', label: 'socket + TCP/IP', value: 10 },
      { key: 'wakeup', label: 'sched / wake-ups', value: 9 },
    ],
  },
  {
    key: 'vm:zc',
    group: GUEST,
    label: 'VM · zero-copy',
    swatch: zc,
    parts: [
      { key: 'syscall', label: 'app / syscall', value: 2 },
      { key: 'frontend', label: 'HPC frontend', value: 2.2 },
      { key: 'hypercall', label: 'hypercalls', value: 0.3 },
      { key: 'events', label: 'event delivery', value: 2.7 },
    ],
  },
];
const order = [
  'syscall',
  'tcpip',
  'frontend',
  'hypercall',
  'events',
  'wakeup',
  'netback',
  'backend',
  'bridge',
  'irq',
];
const base = {
  title: 'CPU per RDMA write at 64 B, by subsystem',
  xLabel: 'CPU time per message (µs)',
  rows,
  categoryOrder: order,
};
const total = (r: HBarRow) => r.parts.reduce((s, p) => s + p.value, 0);

describe('HorizontalBarChart', () => {
  it('stacks each bar left to right in the category order, on one linear scale shared by every bar', () => {
    const html = markup(<HorizontalBarChart {...base} width={540} height={360} />);
    const partsOf = (row: string) => withAttr(html, 'data-row', row).filter((t) => t.startsWith('<rect'));
    const x = (t: string) => Number(attr(t, 'x'));
    const w = (t: string) => Number(attr(t, 'width'));
    for (const r of rows) {
      const parts = partsOf(r.key);
      expect(parts.map((t) => attr(t, 'data-category'))).toEqual(
        [...r.parts].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)).map((p) => p.key),
      );
      // Each part starts where the previous one ends.
      for (let i = 1; i < parts.length; i++)
        expect(x(parts[i])).toBeCloseTo(x(parts[i - 1]) + w(parts[i - 1]), 1);
    }
    // One scale: bar lengths are in the ratio of their totals, across groups too.
    const length = (row: string) => partsOf(row).reduce((s, t) => s + w(t), 0);
    expect(length('dom0:tcp') / length('vm:zc')).toBeCloseTo(total(rows[0]) / total(rows[3]), 1);
    expect(length('vm:tcp') / length('dom0:zc')).toBeCloseTo(total(rows[2]) / total(rows[1]), 1);
    expect(badNumbers(html)).toEqual([]);
  });

  it('prints every total at its bar’s end, with the unit', () => {
    const html = markup(<HorizontalBarChart {...base} width={540} height={360} />);
    const totals = withAttr(html, 'data-total');
    expect(totals).toHaveLength(4);
    for (const t of totals) {
      const row = attr(t, 'data-row')!;
      const parts = withAttr(html, 'data-row', row).filter((p) => p.startsWith('<rect'));
      const end = Math.max(...parts.map((p) => Number(attr(p, 'x')) + Number(attr(p, 'width'))));
      expect(Number(attr(t, 'x'))).toBeGreaterThan(end);
      expect(Number(attr(t, 'x'))).toBeLessThan(end + 12);
    }
    expect(texts(html)).toEqual(expect.arrayContaining(['25.7 µs', '12.2 µs', '23 µs', '7.2 µs']));
  });

  it('at 64 B, every bar of both domains is tens of px long in a 540 px panel', () => {
    const g = hBarGeometry(base, 540, 360);
    for (const group of [DOM0, GUEST]) {
      const mine = g.rows.filter((r) => r.group === group);
      expect(mine).toHaveLength(2);
      for (const r of mine) {
        expect(r.end - g.plot.left, r.key).toBeGreaterThan(40);
        expect(r.height, r.key).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it('shows the full group titles and wraps a long title instead of cutting it', () => {
    const long = 'CPU per RDMA write at 64 B (swept size nearest 100 B), by domain and subsystem';
    const html = markup(<HorizontalBarChart {...base} title={long} width={540} height={400} />);
    const all = texts(html);
    expect(all).toContain(DOM0);
    expect(all).toContain(GUEST);
    const titleLines = withAttr(html, 'data-testid', 'chart-title');
    expect(titleLines.length).toBe(2);
    const drawn = [...html.matchAll(/data-testid="chart-title"[^>]*>([^<]*)</g)].map((m) => m[1]).join(' ');
    expect(drawn).toBe(long);
    expect(all).toContain('CPU time per message (µs)');
  });

  it('reads out the part under the pointer with its share, or the largest parts', () => {
    const g = hBarGeometry(base, 540, 360);
    const wake = g.parts.find((p) => p.row === 'dom0:tcp' && p.category === 'wakeup')!;
    const one = hBarTooltip(g, 0, wake.x + wake.width / 2)!;
    expect(one.heading).toBe(`${DOM0} · VM · TCP: 25.7 µs`);
    expect(one.rows).toHaveLength(1);
    expect(one.rows[0].text).toBe('sched / wake-ups: 12 µs (47%)');
    const all = hBarTooltip(g, 0, null)!;
    expect(all.rows.map((r) => r.key)).toEqual([
      'dom0:tcp:wakeup',
      'dom0:tcp:netback',
      'dom0:tcp:bridge',
      'dom0:tcp:irq',
      'dom0:tcp:hypercall',
    ]);
  });

  it('never puts a non-finite number in the geometry, whatever the input', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(0, -1, NaN, Infinity, 1e308));
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 4 }), { maxLength: 5 }),
        fc.integer({ min: -10, max: 3000 }),
        (values, size) => {
          const input: HBarRow[] = values.map((vs, i) => ({
            key: `r${i}`,
            group: i % 2 ? 'a' : 'b',
            label: `row ${i}`,
            parts: vs.map((v, j) => ({ key: `c${j}`, label: `c${j}`, value: v })),
          }));
          const g = hBarGeometry({ xLabel: 'x (µs)', rows: input }, size, size);
          const nums = [
            ...g.parts.flatMap((p) => [p.x, p.y, p.width, p.height]),
            ...g.rows.flatMap((r) => [r.y, r.end, r.cy]),
            ...g.xTicks.map((t) => t.pos),
          ];
          return nums.every(Number.isFinite) && g.parts.every((p) => p.width >= 0);
        },
      ),
    );
  });
});
