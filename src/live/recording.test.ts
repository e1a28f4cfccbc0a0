import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../engine/trace.ts';
import { MIB } from '../lib/units.ts';
import { CATEGORIES } from '../model/categories.ts';
import { createRun } from '../model/run.ts';
import type { Scenario } from '../model/types.ts';
import { ComponentLog } from './componentLog.ts';
import { LiveRun } from './liveRun.ts';
import {
  DEFAULT_SPAN_BUDGET_BYTES,
  Recording,
  SPAN_BYTES,
  spanCapacityFor,
  type RecordedSpan,
} from './recording.ts';
import { SpanStore } from './recordingSpans.ts';
import { attachRecording, trackPlace } from './recordingTracks.ts';

const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  mode: 'pv-tcp',
  workload: 'pingpong',
  op: 'write',
  sizeBytes: 64,
  pairs: 1,
  window: 8,
  messages: 100_000,
  seed: 1,
  params: {},
  traceCapacity: 0,
  ...over,
});

/** A model run recorded, with every span the trace wrote kept beside it for brute-force answers. */
function recorded(s: Scenario, untilNs: number, budgetBytes?: number) {
  const run = createRun(s);
  const recording = new Recording(budgetBytes);
  attachRecording(run, recording, new ComponentLog());
  const all: SpanRecord[] = [];
  run.sim.trace.subscribe((r) => {
    if (r.kind === 'span') all.push(r);
  });
  run.sim.runUntil(untilNs);
  return { run, recording, all };
}

const key = (s: RecordedSpan | SpanRecord) =>
  `${s.startNs}|${s.endNs}|${'track' in s ? s.track : s.component}|${s.category}|${s.owner}|${s.messageId}|${s.label}`;
const sorted = (keys: string[]) => [...keys].sort();

/** A deterministic sequence of numbers in [0, 1) for the test's windows. */
function unitSequence(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('SpanStore', () => {
  it('takes 34 bytes a span: 10^6 spans in under 64 MiB, counted from the arrays', () => {
    expect(SPAN_BYTES).toBe(34);
    const store = new SpanStore(1_000_000);
    for (let i = 0; i < 1_000_000; i++) store.push(i * 10, i * 10 + 5, i % 7, i % 19, i % 3, i, i % 50);
    expect(store.size).toBe(1_000_000);
    expect(store.byteLength).toBe(1_000_000 * SPAN_BYTES);
    expect(store.byteLength).toBeLessThanOrEqual(64 * MIB);
  });

  it('holds as many spans as its budget allows, and grows its arrays only as spans come', () => {
    expect(spanCapacityFor(DEFAULT_SPAN_BUDGET_BYTES)).toBe(Math.floor((64 * MIB) / 34));
    const r = new Recording(1 * MIB);
    expect(r.spans.capacity).toBe(Math.floor(MIB / 34));
    expect(new Recording().spans.byteLength).toBeLessThan(MIB); // not 64 MiB up front
  });

  it('keeps spans in start order when they come out of order, and drops the earliest when full', () => {
    const store = new SpanStore(100);
    const starts: number[] = [];
    const seq = unitSequence(7);
    for (let i = 0; i < 250; i++) {
      const start = i * 100 - Math.floor(seq() * 450); // up to 4 places early
      starts.push(start);
      store.push(start, start + 50, 0, 0, 0, i, 0);
    }
    expect(store.size).toBe(100);
    expect(store.dropped).toBe(150);
    const kept = Array.from({ length: store.size }, (_, i) => store.start[store.at(i)]);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    // What is kept is the latest-starting 100 (give or take a span that came after its time had gone).
    const latest = [...starts].sort((a, b) => a - b).slice(-100);
    expect(kept.filter((s) => latest.includes(s)).length).toBeGreaterThanOrEqual(98);
  });
});

describe('Recording of a real run', () => {
  const cases: [string, Scenario, number][] = [
    ['pv-tcp ping-pong', scenario(), 2_000_000],
    [
      'zero-copy streaming, 2 pairs',
      scenario({ mode: 'zero-copy', workload: 'stream', sizeBytes: 65536, pairs: 2 }),
      1_500_000,
    ],
  ];

  it.each(cases)('%s: overlap queries agree with a filter over every span', (_, s, until) => {
    const { recording, all } = recorded(s, until);
    expect(recording.spans.size).toBe(all.length);
    const seq = unitSequence(3);
    const tracks = [...new Set(all.map((r) => r.component))];
    for (let k = 0; k < 40; k++) {
      const a = seq() * until;
      const t0 = Math.round(a);
      const t1 = Math.round(a + seq() * 50_000);
      const track = k % 2 === 0 ? undefined : tracks[k % tracks.length];
      const want = all
        .filter((r) => r.endNs >= t0 && r.startNs <= t1 && (track === undefined || r.component === track))
        .map(key);
      const got = recording.spansOverlapping(t0, t1, track);
      expect(sorted(got.map(key))).toEqual(sorted(want));
      expect(got.map((g) => g.startNs)).toEqual(got.map((g) => g.startNs).sort((x, y) => x - y));
    }
  });

  it.each(cases)('%s: a message’s spans, and a range’s CPU by domain and category', (_, s, until) => {
    const { run, recording, all } = recorded(s, until);
    for (const id of [0, 3, 10]) {
      const want = all.filter((r) => r.messageId === id).map(key);
      expect(want.length).toBeGreaterThan(0);
      expect(sorted(recording.messageSpans(id).map(key))).toEqual(sorted(want));
    }
    const [t0, t1] = [until * 0.3, until * 0.7];
    const cpu = new Map<string, number>();
    for (const r of all) {
      if (!Object.hasOwn(CATEGORIES, r.category)) continue;
      const ns = Math.min(r.endNs, t1) - Math.max(r.startNs, t0);
      if (ns > 0) cpu.set(`${r.owner}/${r.category}`, (cpu.get(`${r.owner}/${r.category}`) ?? 0) + ns);
    }
    const summary = recording.summary(t0, t1);
    expect(summary.cpuTotalNs).toBeGreaterThan(0);
    expect(new Map(summary.cpu.map((c) => [`${c.owner}/${c.category}`, c.ns]))).toEqual(cpu);
    expect(summary.cpu.some((c) => c.owner === 'wait' || c.owner === 'hw')).toBe(false);
    // Over the whole run the deliveries are the Recorder's count.
    expect(recording.summary(0, run.sim.now).messagesDelivered).toBe(run.recorder.messagesDelivered);
    expect(recording.summary(0, run.sim.now).bytesArrived).toBe(run.recorder.payloadBytesArrived);
    expect(summary.messagesDelivered).toBeGreaterThan(0);
    expect(summary.messagesDelivered).toBeLessThan(run.recorder.messagesDelivered);
  });

  it('with a small budget keeps the latest spans, and its queries stay right for what it keeps', () => {
    const s = scenario({ workload: 'stream', sizeBytes: 65536, pairs: 2 });
    const { recording, all } = recorded(s, 2_000_000, 5_000 * SPAN_BYTES);
    expect(all.length).toBeGreaterThan(10_000);
    expect(recording.spans.size).toBe(5_000);
    expect(recording.spans.dropped).toBe(all.length - 5_000);
    const earliestKept = recording.spans.start[recording.spans.at(0)];
    const t0 = earliestKept + 50_000;
    const t1 = t0 + 100_000;
    const want = all.filter((r) => r.endNs >= t0 && r.startNs <= t1 && r.startNs >= earliestKept).map(key);
    expect(sorted(recording.spansOverlapping(t0, t1).map(key))).toEqual(sorted(want));
  });
});

describe('LiveRun’s recording', () => {
  const live = () => new LiveRun(scenario({ messages: 1 }));

  it('records as the run advances, samples the rings, and is rebuilt when the run replays', () => {
    const run = live();
    run.advanceTo(400_000, Number.MAX_SAFE_INTEGER, 10_000);
    run.advanceTo(800_000, Number.MAX_SAFE_INTEGER, 10_000);
    const rec = run.recording;
    const spansThen = rec.spans.size;
    expect(spansThen).toBeGreaterThan(500);
    expect(rec.summary(0, run.nowNs).messagesDelivered).toBe(run.readout().delivered);
    const rings = rec.counters.filter((c) => trackPlace(c.name).kind === 'ring');
    expect(rings.length).toBeGreaterThanOrEqual(4);
    for (const c of rings)
      for (let i = 0; i < c.series.size; i++) expect(c.series.valueAt(i)).toBeLessThanOrEqual(c.max);
    // Back in time within the recording: a lookup, the recording kept whole.
    run.seek(300_000);
    expect(run.nowNs).toBe(300_000);
    expect(run.headNs).toBe(800_000);
    expect(rec.spans.size).toBe(spansThen);
    // Before what the recording keeps (here: 50 event times): the run replays from the start, and
    // the recording with it.
    const short = new LiveRun(scenario({ messages: 1 }), 50);
    short.advanceTo(800_000, Number.MAX_SAFE_INTEGER, 10_000);
    expect(short.keptFromNs).toBeGreaterThan(300_000);
    short.seek(300_000);
    expect(short.headNs).toBe(300_000);
    expect(short.recording.spans.size).toBeLessThan(spansThen);
    const fresh = live();
    fresh.advanceTo(300_000, Number.MAX_SAFE_INTEGER, 10_000);
    expect(short.recording.spans.size).toBe(fresh.recording.spans.size);
    short.advanceTo(800_000, Number.MAX_SAFE_INTEGER, 10_000);
    expect(short.recording.spans.size).toBe(spansThen);
  });

  it('its CPU over the run matches what the processors were charged', () => {
    const run = live();
    run.advanceTo(1_000_000, Number.MAX_SAFE_INTEGER, 10_000);
    const charged = run.cpuSpent().reduce((a, c) => a + c.busyNs, 0);
    // The processors count finished work; the recording clips running spans at now.
    const recordedNs = run.recording.summary(0, run.nowNs).cpuTotalNs;
    expect(recordedNs).toBeGreaterThan(0);
    expect(Math.abs(recordedNs - charged)).toBeLessThan(0.02 * charged);
  });

  it('names every track by its place: host, group and leaf', () => {
    expect(trackPlace('h1/vm0/vcpu1')).toEqual({ host: 1, group: 'vm0', leaf: 'vcpu1', kind: 'vcpu' });
    expect(trackPlace('h0/dma-tx')).toEqual({ host: 0, group: 'nic', leaf: 'dma-tx', kind: 'nic' });
    expect(trackPlace('h0/wire')).toEqual({ host: 0, group: 'wire', leaf: '', kind: 'wire' });
    expect(trackPlace('h0/nic/tx-ring')).toEqual({ host: 0, group: 'nic', leaf: 'tx-ring', kind: 'ring' });
    expect(trackPlace('h0/vm0/evtchn').kind).toBe('evtchn');
  });
});
