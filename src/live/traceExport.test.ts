import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/types.ts';
import { LiveRun } from './liveRun.ts';

const scenario: Scenario = {
  mode: 'pv-tcp',
  workload: 'pingpong',
  op: 'write',
  sizeBytes: 64,
  pairs: 2,
  window: 4,
  messages: 1,
  seed: 1,
  params: {},
};

/** The last value of each counter in a trace file, by process (host) name, counter name and series. */
function lastCounterValues(events: readonly { ph: string; name: string; pid: number; args?: unknown }[]) {
  const processes = new Map<number, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'process_name') processes.set(e.pid, (e.args as { name: string }).name);
  const last = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'C')
      for (const [k, v] of Object.entries(e.args as object))
        last.set(`${processes.get(e.pid)}/${e.name}/${k}`, v);
  return last;
}

describe('LiveRun.chromeTrace', () => {
  it('holds the spans of the trace buffer now, and counters that end where the live run stands', () => {
    const live = new LiveRun(scenario);
    live.advanceTo(400_000, Number.MAX_SAFE_INTEGER, 1_000);
    // Stop in the middle of things: a few single events past a round time.
    for (let i = 0; i < 7; i++) live.stepForward();
    const { file, counts } = live.chromeTrace();
    const spans = live.spansBetween(0, Infinity);
    expect(counts.slices).toBe(spans.length);
    expect(file.traceEvents.filter((e) => e.ph === 'X').length).toBe(spans.length);
    expect(file.metadata).toMatchObject({
      events: live.events,
      simulatedNs: live.nowNs,
      scenario: { mode: 'pv-tcp' },
    });
    expect(file.metadata).not.toHaveProperty('countersOmitted');

    const last = lastCounterValues(file.traceEvents);
    const rings = live.components().rings;
    expect(Object.keys(rings).length).toBeGreaterThan(0);
    for (const [name, { used, slots }] of Object.entries(rings)) {
      const [, host, ring] = /^h(\d+)\/(.+)$/.exec(name)!;
      const key = `host${host}/ring ${ring} (${slots} slots)/used`;
      expect(last.get(key), key).toBe(used);
    }
    // Busy vCPUs of each domain, summed over the hosts, as the diagram shows them now.
    const busyNow = Object.values(live.components().cpuBusy).reduce((a, b) => a + b, 0);
    const busyTraced = [...last].filter(([k]) => k.includes(' busy vCPUs')).reduce((a, [, v]) => a + v, 0);
    expect(busyTraced).toBe(busyNow);
  });

  it('leaves the live run where it was', () => {
    const live = new LiveRun(scenario);
    live.advanceTo(150_000, Number.MAX_SAFE_INTEGER, 1_000);
    const before = { now: live.nowNs, events: live.events, readout: live.readout() };
    live.chromeTrace();
    expect({ now: live.nowNs, events: live.events, readout: live.readout() }).toEqual(before);
    expect(live.stepForward()).toBe(true);
  });
});
