import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../engine/trace.ts';
import { createRun } from '../run.ts';
import type { Scenario } from '../types.ts';
import {
  FLOW_CATEGORY,
  usOf,
  type ChromeTraceFile,
  type CounterEvent,
  type FlowEvent,
  type InstantEvent,
  type MetadataEvent,
  type SliceEvent,
} from './chromeTrace.ts';
import { TRACE_MAX_RECORDS, chromeTraceOf, recordRun } from './recordTrace.ts';
import { assignLanes, placeComponent } from './tracks.ts';

const scenario = (mode: Scenario['mode']): Scenario => ({
  mode,
  workload: 'pingpong',
  op: 'write',
  sizeBytes: 64,
  pairs: 2,
  window: 4,
  messages: 3,
  seed: 1,
  params: {},
});

/** The whole ns an importer that multiplies µs by 1000 and truncates reads (Perfetto's does). */
const nsRead = (us: number) => Math.trunc(us * 1000);

interface ByPhase {
  X: SliceEvent;
  s: FlowEvent;
  f: FlowEvent;
  C: CounterEvent;
  i: InstantEvent;
  M: MetadataEvent;
}
const ofPhase = <P extends keyof ByPhase>(f: ChromeTraceFile, ph: P) =>
  f.traceEvents.filter((e): e is ByPhase[P] => e.ph === ph);

describe.each(['pv-tcp', 'zero-copy'] as const)('the Chrome trace of a %s ping-pong, 2 pairs', (mode) => {
  const s = scenario(mode);
  const recording = recordRun(s, { maxRecords: TRACE_MAX_RECORDS });
  const { file, counts } = chromeTraceOf(recording, s);
  const spans = recording.records.filter((r): r is SpanRecord => r.kind === 'span');
  const slices = ofPhase(file, 'X');

  it('is the JSON Object Format, and survives JSON.stringify / JSON.parse unchanged', () => {
    expect(file.displayTimeUnit).toBe('ns');
    expect(Array.isArray(file.traceEvents)).toBe(true);
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
    expect(file.metadata).toMatchObject({ scenario: { mode, pairs: 2 }, slices: slices.length });
  });

  it('reads the run without changing it: as many events as the same run alone', () => {
    const alone = createRun(s);
    alone.sim.run();
    expect(recording.events).toBe(alone.sim.eventsProcessed);
    expect(recording.droppedRecords).toBe(0);
  });

  it('has one complete slice per span, ts and dur in µs (ns / 1000), name and cat strings', () => {
    expect(slices.length).toBe(spans.length);
    expect(counts.slices).toBe(spans.length);
    for (const e of slices) {
      for (const k of ['ts', 'dur', 'pid', 'tid'] as const) expect(typeof e[k], k).toBe('number');
      expect(Number.isFinite(e.ts) && e.ts >= 0).toBe(true);
      expect(Number.isFinite(e.dur) && e.dur >= 0).toBe(true);
      expect(typeof e.name).toBe('string');
      expect(typeof e.cat).toBe('string');
      expect(e.args).toEqual({ messageId: expect.any(Number), owner: expect.any(String), category: e.cat });
    }
    // One slice against its span: the first span of message 1.
    const span = spans.find((r) => r.messageId === 1)!;
    const slice = slices.find(
      (e) => e.args.messageId === 1 && e.name === span.label && nsRead(e.ts) === span.startNs,
    )!;
    expect(slice).toBeDefined();
    expect(slice.ts).toBeCloseTo(span.startNs / 1000, 9);
    expect(slice.dur).toBeCloseTo((span.endNs - span.startNs) / 1000, 9);
    expect(slice.cat).toBe(span.category);
    // Every slice reads back as exactly its span's whole ns.
    const key = (startNs: number, durNs: number, name: string, id: number) =>
      `${startNs}/${durNs}/${name}/${id}`;
    const fromSpans = spans.map((r) => key(r.startNs, r.endNs - r.startNs, r.label, r.messageId)).sort();
    const fromSlices = slices.map((e) => key(nsRead(e.ts), nsRead(e.dur), e.name, e.args.messageId)).sort();
    expect(fromSlices).toEqual(fromSpans);
  });

  it('names every process and thread it uses, and never reuses a tid across processes', () => {
    const meta = ofPhase(file, 'M');
    const processNames = new Map(
      meta.filter((m) => m.name === 'process_name').map((m) => [m.pid, (m.args as { name: string }).name]),
    );
    const threadNames = new Map(
      meta.filter((m) => m.name === 'thread_name').map((m) => [m.tid, { pid: m.pid, args: m.args }]),
    );
    expect([...processNames.values()].sort()).toEqual(['host0', 'host1', 'network']);
    for (const e of file.traceEvents) {
      if (e.ph === 'M') continue;
      expect(processNames.has(e.pid), `process of ${e.ph} ${e.name}`).toBe(true);
      expect(threadNames.get(e.tid)?.pid, `thread of ${e.ph} ${e.name}`).toBe(e.pid);
      expect(processNames.has(e.tid)).toBe(false);
    }
    for (const kind of ['process_sort_index', 'thread_sort_index'])
      expect(meta.filter((m) => m.name === kind).length).toBe(
        kind === 'process_sort_index' ? processNames.size : threadNames.size,
      );
    const names = [...threadNames.values()].map((t) => (t.args as { name: string }).name);
    expect(names).toEqual(
      expect.arrayContaining(['dom0 vcpu0', 'vm0 vcpu0', 'vm1 vcpu0', 'NIC', 'wire from host0']),
    );
  });

  it('never overlaps two slices on one thread (a viewer drops slices that do not nest)', () => {
    const byTid = new Map<number, typeof slices>();
    for (const e of slices) byTid.set(e.tid, [...(byTid.get(e.tid) ?? []), e]);
    for (const list of byTid.values()) {
      const sorted = list
        .map((e) => [nsRead(e.ts), nsRead(e.ts) + nsRead(e.dur)])
        .sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i][0]).toBeGreaterThanOrEqual(sorted[i - 1][1]);
    }
  });

  it('links each message across tracks with flows whose start and finish bind inside a slice of their thread', () => {
    const starts = ofPhase(file, 's');
    const finishes = ofPhase(file, 'f');
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.length).toBe(counts.flows);
    expect(finishes.length).toBe(starts.length);
    const finishById = new Map(finishes.map((f) => [f.id, f]));
    expect(finishById.size).toBe(finishes.length);
    let acrossHosts = 0;
    for (const s of starts) {
      const f = finishById.get(s.id)!;
      expect(f, `finish of flow ${s.id}`).toBeDefined();
      expect(f.cat).toBe(s.cat);
      expect(s.cat).toBe(FLOW_CATEGORY);
      expect(f.name).toBe(s.name);
      expect(f.bp).toBe('e');
      expect(f.tid).not.toBe(s.tid);
      if (f.pid !== s.pid) acrossHosts++;
    }
    expect(acrossHosts).toBeGreaterThan(0);
    for (const flow of [...starts, ...finishes]) {
      const t = nsRead(flow.ts);
      const around = slices.find(
        (e) =>
          e.tid === flow.tid && e.pid === flow.pid && nsRead(e.ts) <= t && t <= nsRead(e.ts) + nsRead(e.dur),
      );
      expect(around, `slice around ${flow.ph} ${flow.id} at ${flow.ts} µs`).toBeDefined();
      expect(flow.ts).toBeGreaterThanOrEqual(around!.ts);
      expect(flow.ts).toBeLessThanOrEqual(around!.ts + around!.dur);
    }
  });

  it('carries counters with numeric values, ring occupancy and busy vCPUs among them', () => {
    const counters = ofPhase(file, 'C');
    expect(counters.length).toBe(counts.counterSamples);
    for (const c of counters) {
      const values = Object.values(c.args);
      expect(values.length).toBe(1);
      for (const v of values) expect(Number.isFinite(v)).toBe(true);
      expect(c.ts).toBeGreaterThanOrEqual(0);
    }
    const ring = counters.filter((c) => c.name.startsWith('ring '));
    expect(ring.some((c) => c.args.used > 0)).toBe(true);
    // The split drivers' rings too (a path makes them as its frontends start, after the run began).
    const splitRings = ring.filter((c) => /^ring vm\d+\//.test(c.name));
    expect(splitRings.some((c) => c.args.used > 0)).toBe(true);
    const busy = counters.filter((c) => c.name.startsWith('vm0 busy vCPUs'));
    expect(busy.some((c) => c.args.busy > 0)).toBe(true);
  });

  it('has the trace’s instants as thread-scoped instant events', () => {
    const instants = ofPhase(file, 'i');
    expect(instants.length).toBe(recording.records.filter((r) => r.kind === 'instant').length);
    expect(instants.length).toBeGreaterThan(0);
    for (const i of instants) {
      expect(i.s).toBe('t');
      expect(typeof i.name).toBe('string');
      expect(Number.isFinite(i.ts)).toBe(true);
    }
  });
});

describe('usOf', () => {
  it('is ns / 1000 to the last digit, and reads back as the same whole ns when multiplied and truncated', () => {
    const wrong: number[] = [];
    for (let ns = 0; ns < 300_000; ns++) {
      const us = usOf(ns);
      if (nsRead(us) !== ns || Math.abs(us - ns / 1000) > Number.EPSILON * Math.max(1, ns / 1000))
        wrong.push(ns);
    }
    expect(wrong).toEqual([]);
    // Without the nudge, 1001 ns would read back as 1000.
    expect(nsRead(1001 / 1000)).toBe(1000);
    expect(nsRead(usOf(1001))).toBe(1001);
  });
});

describe('tracks', () => {
  it('places vCPUs, hardware and the wire, and names them for people', () => {
    expect(placeComponent('h1/vm0/vcpu1')).toMatchObject({ process: 'host1', thread: 'vm0 vcpu1' });
    expect(placeComponent('h0/dma-tx')).toMatchObject({ process: 'host0', thread: 'NIC DMA tx' });
    expect(placeComponent('h1/wire')).toMatchObject({ process: 'network', thread: 'wire from host1' });
    expect(placeComponent('elsewhere')).toMatchObject({ process: 'other', thread: 'elsewhere' });
    expect(placeComponent('h0/dom0/vcpu0').threadOrder).toBeLessThan(
      placeComponent('h0/vm0/vcpu0').threadOrder,
    );
  });

  it('puts overlapping intervals on separate lanes, touching ones on the same', () => {
    const lanes = assignLanes([
      { startNs: 0, endNs: 10 },
      { startNs: 5, endNs: 12 },
      { startNs: 10, endNs: 20 },
      { startNs: 12, endNs: 12 },
    ]);
    expect(lanes).toEqual([0, 1, 0, 1]);
  });
});
