import { describe, expect, it } from 'vitest';
import { scaleLog } from 'd3-scale';
import {
  chooseTimeUnit,
  formatBytesLabel,
  formatLogTick,
  formatPercent,
  formatTimeNs,
  formatWithUnit,
  unitFromLabel,
} from './format.ts';
import { estimateTextWidth, fitLabel, labelStep, layoutLegend, truncate } from './layout.ts';
import { byteTicks } from './ticks.ts';
import { nearestIndex } from './hover.ts';
import { categoryStyles, fontSizes, seriesStyle } from './theme.ts';

describe('format', () => {
  it('labels sizes in binary units', () => {
    expect([64, 1024, 65536, 1024 ** 2, 4 * 1024 ** 2].map(formatBytesLabel)).toEqual([
      '64 B',
      '1 KiB',
      '64 KiB',
      '1 MiB',
      '4 MiB',
    ]);
    expect(formatBytesLabel(1536)).toBe('1.5 KiB');
    expect(formatBytesLabel(NaN)).toBe('–');
  });

  it('finds the unit in an axis label and formats values with it', () => {
    expect(unitFromLabel('throughput (MiB/s)')).toBe('MiB/s');
    expect(unitFromLabel('CPU time per message (µs)')).toBe('µs');
    expect(unitFromLabel('no unit')).toBe('');
    expect(formatWithUnit(398.25, 'MiB/s')).toBe('398 MiB/s');
    expect(formatWithUnit(2.345, 'µs')).toBe('2.35 µs');
    expect(formatPercent(42)).toBe('42%');
    expect(formatWithUnit(Infinity, 'µs')).toBe('–');
  });

  it('chooses the time unit by the span', () => {
    expect(chooseTimeUnit(5e6).unit).toBe('ms');
    expect(chooseTimeUnit(900e3).unit).toBe('µs');
    expect(chooseTimeUnit(1999).unit).toBe('ns');
    expect(chooseTimeUnit(3e9).unit).toBe('s');
    expect(chooseTimeUnit(NaN).unit).toBe('ns');
    expect(formatTimeNs(2_500_000, chooseTimeUnit(5e6))).toBe('2.5 ms');
  });

  it('writes log ticks as plain decimals', () => {
    expect(formatLogTick(10000)).toBe('10,000');
    expect(formatLogTick(0.1)).toBe('0.1');
  });
});

describe('layout', () => {
  it('keeps the unit when an axis label must be shortened', () => {
    const label = 'CPU time per message (µs)';
    expect(fitLabel(label, 1000, 16)).toBe(label);
    const short = fitLabel(label, 150, 16);
    expect(short).toMatch(/…/);
    expect(short).toMatch(/\(µs\)$/);
    expect(estimateTextWidth(short, 16)).toBeLessThanOrEqual(150);
    expect(fitLabel(label, 10, 16)).toBe('(µs)');
  });

  it('truncates titles with an ellipsis', () => {
    expect(truncate('Driver domain (Dom0) · zero-copy', 100, 18, true)).toMatch(/…$/);
    expect(truncate('short', 100, 18)).toBe('short');
  });

  it('wraps legend entries into rows within the width', () => {
    const entries = ['alpha', 'beta', 'gamma', 'delta'].map((k) => ({ key: k, label: `label ${k}` }));
    const wide = layoutLegend(entries, 2000, 15);
    expect(new Set(wide.items.map((i) => i.y)).size).toBe(1);
    const narrow = layoutLegend(entries, 200, 15);
    expect(new Set(narrow.items.map((i) => i.y)).size).toBeGreaterThan(1);
    expect(narrow.height).toBeGreaterThan(wide.height);
    // An entry wider than the legend gets a row of its own; every other entry stays inside.
    for (const item of narrow.items.filter((i) => i.x > 0))
      expect(item.x + item.width).toBeLessThanOrEqual(200);
    expect(layoutLegend([], 200, 15).height).toBe(0);
  });

  it('thins labels until they do not overlap, preferring to label the last one', () => {
    const positions = Array.from({ length: 17 }, (_, i) => i * 30);
    expect(
      labelStep(
        positions,
        positions.map(() => 20),
        4,
      ),
    ).toBe(1);
    // 45 px labels need 3 steps of 30 px; 4 divides 16, so 64 B … 4 MiB are both labelled.
    expect(
      labelStep(
        positions,
        positions.map(() => 45),
        30,
      ),
    ).toBe(4);
  });

  it('finds the nearest column', () => {
    const xs = [10, 20, 40];
    expect(nearestIndex(xs, 0)).toBe(0);
    expect(nearestIndex(xs, 14)).toBe(0);
    expect(nearestIndex(xs, 16)).toBe(1);
    expect(nearestIndex(xs, 31)).toBe(2);
    expect(nearestIndex(xs, 99)).toBe(2);
    expect(nearestIndex([], 5)).toBe(-1);
    expect(nearestIndex(xs, NaN)).toBe(-1);
  });
});

describe('ticks', () => {
  it('puts byte ticks on powers of two with unit labels, thinned to fit', () => {
    const scale = scaleLog()
      .base(2)
      .domain([64, 4 * 1024 ** 2])
      .range([0, 500]);
    const ticks = byteTicks(scale, 15);
    expect(ticks).toHaveLength(17);
    const labelled = ticks.filter((t) => t.label !== '');
    expect(labelled.length).toBeGreaterThan(2);
    expect(labelled.length).toBeLessThan(17);
    expect(labelled[0].label).toBe('64 B');
    expect(labelled[labelled.length - 1].label).toBe('4 MiB');
    for (const t of labelled) expect(t.label).toMatch(/^\d+(\.\d+)? (B|KiB|MiB)$/);
    const wide = byteTicks(scale.copy().range([0, 3000]), 15);
    expect(wide.every((t) => t.label !== '')).toBe(true);
  });
});

describe('theme', () => {
  it('keeps text large and series distinct in colour, dash and marker', () => {
    const f = fontSizes();
    expect(f.tick).toBeGreaterThanOrEqual(14);
    expect(f.title).toBeGreaterThanOrEqual(16);
    expect(fontSizes(0.5).tick).toBe(f.tick);
    expect(fontSizes(2).tick).toBe(2 * f.tick);
    const styles = Array.from({ length: 7 }, (_, i) => seriesStyle(i));
    for (const key of ['color', 'dash', 'marker'] as const)
      expect(new Set(styles.map((s) => s[key])).size).toBe(7);
  });

  it('gives neighbouring categories different colours and patterns, and 40 distinct looks', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const styles = [...categoryStyles(keys).values()];
    expect(new Set(styles.map((s) => `${s.color}/${s.hatch}`)).size).toBe(40);
    for (let i = 1; i < styles.length; i++) {
      expect(styles[i].color).not.toBe(styles[i - 1].color);
      expect(styles[i].hatch).not.toBe(styles[i - 1].hatch);
    }
  });
});
