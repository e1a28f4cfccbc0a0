import { describe, expect, it } from 'vitest';
import type { ModelRun } from '../run.ts';
import type { Scenario } from '../types.ts';
import type { CounterRecord } from './chromeTrace.ts';
import { CounterSampler } from './counters.ts';
import { recordRun } from './recordTrace.ts';

const scenario: Scenario = {
  mode: 'pv-tcp',
  workload: 'stream',
  op: 'write',
  sizeBytes: 4096,
  pairs: 2,
  window: 4,
  messages: 6,
  seed: 1,
  params: {},
};

const keyOf = (r: CounterRecord) => `${r.component}/${r.name}/${r.key}`;

/** A counter's value at `atNs` in a complete series: its latest record at or before then. */
function valueAt(series: readonly CounterRecord[], atNs: number): number | undefined {
  let value: number | undefined;
  for (const r of series) if (r.atNs <= atNs) value = r.value;
  return value;
}

describe('counters kept within bounds', () => {
  const full = recordRun(scenario, { maxRecords: 1_000_000 });
  const fullByKey = new Map<string, CounterRecord[]>();
  for (const r of full.counters) fullByKey.set(keyOf(r), [...(fullByKey.get(keyOf(r)) ?? []), r]);

  it('a complete recording starts its counters at 0 (a ring when it is made) and records only changes', () => {
    expect(full.droppedRecords).toBe(0);
    for (const series of fullByKey.values()) {
      // The split drivers' rings start when the path makes them; everything else is there from 0.
      if (!/^ring vm\d+\//.test(series[0].name)) expect(series[0].atNs).toBe(0);
      for (let i = 1; i < series.length; i++) {
        expect(series[i].atNs).toBeGreaterThan(series[i - 1].atNs);
        expect(series[i].value).not.toBe(series[i - 1].value);
      }
    }
  });

  it('a bounded one keeps the newest records, and every value it keeps is the level the run had then', () => {
    const small = recordRun(scenario, { maxRecords: 400 });
    expect(small.droppedRecords).toBeGreaterThan(0);
    expect(small.counters.length).toBeLessThan(full.counters.length);
    expect(small.counters.length).toBeGreaterThan(0);
    for (const r of small.counters) expect(valueAt(fullByKey.get(keyOf(r))!, r.atNs), keyOf(r)).toBe(r.value);
    // Each counter ends at the run's last level.
    for (const [key, series] of fullByKey) {
      const kept = small.counters.filter((r) => keyOf(r) === key);
      if (kept.length > 0) expect(kept.at(-1)!.value).toBe(series.at(-1)!.value);
    }
  });
});

describe('CounterSampler.recordsFrom', () => {
  /** A run with one ring whose occupancy follows `levels` (one per µs), and nothing else. */
  function sampled(levels: number[], maxRecords: number) {
    const state = { now: 0, used: levels[0] };
    const run = {
      sim: state,
      path: { rings: () => [{ name: 'h0/vm0/tx-ring', occupancy: state.used, slots: 8 }] },
      topology: { hosts: [] },
    } as unknown as ModelRun;
    const sampler = new CounterSampler(run, maxRecords);
    for (let i = 0; i < levels.length; i++) {
      state.now = i * 1000;
      state.used = levels[i];
      sampler.sample();
    }
    return sampler;
  }
  const levels = [0, 1, 2, 1, 2, 3, 2, 1, 0, 1, 2, 3, 4, 3, 2, 1];

  it('starts a track at its level at the window’s start', () => {
    const records = sampled(levels, 100).recordsFrom(4_500);
    expect(records.map((r) => [r.atNs, r.value])).toEqual([
      [4_500, 2],
      ...levels.slice(5).map((v, i) => [(i + 5) * 1000, v]),
    ]);
  });

  it('where it kept fewer changes than the window holds, starts later at a true level, never earlier at a wrong one', () => {
    const sampler = sampled(levels, 3); // keeps 3 to 6 records
    expect(sampler.dropped).toBeGreaterThan(0);
    const records = sampler.recordsFrom(4_500);
    expect(records[0].atNs).toBeGreaterThan(4_500);
    for (const r of records) expect(r.value).toBe(levels[r.atNs / 1000]);
    expect(records.at(-1)!.value).toBe(levels.at(-1));
  });
});
