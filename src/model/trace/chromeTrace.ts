/**
 * A run's trace as a Chrome Trace Event file (the JSON Object Format: `traceEvents`,
 * `displayTimeUnit`, `metadata`), which Perfetto UI and chrome://tracing open. Pure: records in,
 * a plain object out.
 *
 * - Each host is a process, the wire between the hosts another ("network"); each resource (a
 *   domain's vCPU, the NIC, its DMA engines, the IOTLB, a host's uplink) is a thread, named by
 *   `M` metadata events with a sort index. Work on one resource that overlaps (a pipelined NIC)
 *   goes on extra lanes, `NIC · 2`, since a viewer's thread holds only slices that nest.
 * - Every span is a complete slice (`X`): name its label, `cat` its category, `args` its message,
 *   owner and category. Times are µs, as the format has them (`ts` = ns / 1000).
 * - A message's path is drawn by flow events (`s`, then `f` with `bp: "e"`), one flow for each
 *   step from one resource to the next. Both ends sit inside their slice (at its middle), where
 *   Perfetto, chrome://tracing and DevTools all bind a flow event to the slice around it.
 * - Counters (`C`) for what the trace's spans do not show (ring occupancy, busy vCPUs, DMA in
 *   flight), and instants (`i`, thread scope) for the trace's instant records.
 */
import type { SpanRecord, TraceRecord } from '../../engine/trace.ts';
import { assignLanes, countersComponentOf, placeComponent, type TrackPlace } from './tracks.ts';

export interface SliceEvent {
  readonly ph: 'X';
  readonly name: string;
  readonly cat: string;
  readonly ts: number;
  readonly dur: number;
  readonly pid: number;
  readonly tid: number;
  readonly args: { readonly messageId: number; readonly owner: string; readonly category: string };
}

export interface FlowEvent {
  readonly ph: 's' | 'f';
  readonly name: string;
  readonly cat: string;
  readonly id: number;
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  /** On the finish: bind to the enclosing slice (not the next one to begin). */
  readonly bp?: 'e';
}

export interface CounterEvent {
  readonly ph: 'C';
  readonly name: string;
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  readonly args: Readonly<Record<string, number>>;
}

export interface InstantEvent {
  readonly ph: 'i';
  readonly s: 't';
  readonly name: string;
  readonly cat: string;
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  readonly args: { readonly messageId: number };
}

export interface MetadataEvent {
  readonly ph: 'M';
  readonly name: 'process_name' | 'process_sort_index' | 'thread_name' | 'thread_sort_index';
  readonly ts: 0;
  readonly pid: number;
  readonly tid: number;
  readonly args: { readonly name: string } | { readonly sort_index: number };
}

export type ChromeTraceEvent = SliceEvent | FlowEvent | CounterEvent | InstantEvent | MetadataEvent;

export interface ChromeTraceFile {
  readonly traceEvents: ChromeTraceEvent[];
  /** How a viewer shows times; the file's `ts` and `dur` are µs whatever this says. */
  readonly displayTimeUnit: 'ns';
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A counter's value from some time on: one series (`key`) of a named counter on a component's host. */
export interface CounterRecord {
  /** Whose host the counter belongs to, e.g. `h0/vm0/tx-ring`. */
  readonly component: string;
  /** The counter, e.g. `ring vm0/tx-ring`. */
  readonly name: string;
  /** The series, e.g. `used`. */
  readonly key: string;
  readonly atNs: number;
  readonly value: number;
}

export interface ChromeTraceCounts {
  readonly slices: number;
  /** Flows, each one `s` and one `f` event. */
  readonly flows: number;
  readonly counterSamples: number;
  readonly instants: number;
  readonly processes: number;
  readonly threads: number;
}

/** The flow events' category and the name of each message's flows. */
export const FLOW_CATEGORY = 'message';

const bits = new DataView(new ArrayBuffer(8));

/** The next double above `x` (x ≥ 0, finite). */
function nextUp(x: number): number {
  bits.setFloat64(0, x);
  bits.setBigUint64(0, bits.getBigUint64(0) + 1n);
  return bits.getFloat64(0);
}

/**
 * Nanoseconds as the format's microseconds: ns / 1000, or where that double times 1000 falls just
 * short of `ns` (1001 / 1000 × 1000 = 1000.9999…), the next double up, so an importer that
 * multiplies by 1000 and truncates (Perfetto's does) reads back the same whole ns; otherwise a slice
 * that ends where the next begins would overlap it by 1 ns there.
 */
export function usOf(ns: number): number {
  const us = ns / 1000;
  return Math.trunc(us * 1000) >= ns ? us : nextUp(us);
}

/**
 * Thread ids start here, above every process id: importers key threads by tid across the file, and
 * a thread whose tid equals another process's pid would be taken for that process's main thread.
 */
const FIRST_TID = 1_000;

/** The threads of a trace: one per (component, lane), numbered across the whole file. */
class Tracks {
  private readonly processes = new Map<string, { pid: number; order: number }>();
  private readonly threads = new Map<string, { pid: number; tid: number; name: string; order: number }>();

  pidOf(place: TrackPlace): number {
    let p = this.processes.get(place.process);
    if (!p) {
      p = { pid: this.processes.size + 1, order: place.processOrder };
      this.processes.set(place.process, p);
    }
    return p.pid;
  }

  /** The thread of `component`'s lane `lane` (0 is the component's own name). */
  of(component: string, lane = 0): { pid: number; tid: number } {
    const key = `${component}\u0000${lane}`;
    let t = this.threads.get(key);
    if (!t) {
      const place = placeComponent(component);
      const pid = this.pidOf(place);
      const name = lane === 0 ? place.thread : `${place.thread} · ${lane + 1}`;
      t = { pid, tid: FIRST_TID + this.threads.size, name, order: place.threadOrder * 100 + lane };
      this.threads.set(key, t);
    }
    return { pid: t.pid, tid: t.tid };
  }

  metadata(): MetadataEvent[] {
    const out: MetadataEvent[] = [];
    for (const [name, p] of this.processes) {
      // A process's own events name its main thread (tid = pid), which holds nothing here.
      out.push({ ph: 'M', name: 'process_name', ts: 0, pid: p.pid, tid: p.pid, args: { name } });
      out.push({
        ph: 'M',
        name: 'process_sort_index',
        ts: 0,
        pid: p.pid,
        tid: p.pid,
        args: { sort_index: p.order },
      });
    }
    for (const t of this.threads.values()) {
      out.push({ ph: 'M', name: 'thread_name', ts: 0, pid: t.pid, tid: t.tid, args: { name: t.name } });
      out.push({
        ph: 'M',
        name: 'thread_sort_index',
        ts: 0,
        pid: t.pid,
        tid: t.tid,
        args: { sort_index: t.order },
      });
    }
    return out;
  }

  get counts(): { processes: number; threads: number } {
    return { processes: this.processes.size, threads: this.threads.size };
  }
}

/** Where a flow event binds inside a slice: its middle, in whole ns. */
const middleNs = (s: SpanRecord) => s.startNs + Math.floor((s.endNs - s.startNs) / 2);

/**
 * The Chrome trace of `records` (spans and instants, any order) and `counters`, with `metadata`
 * (the scenario, what was kept) in the file's `metadata`.
 */
export function toChromeTrace(
  records: readonly TraceRecord[],
  counters: readonly CounterRecord[],
  metadata: Readonly<Record<string, unknown>>,
): { file: ChromeTraceFile; counts: ChromeTraceCounts } {
  const tracks = new Tracks();
  const spans: SpanRecord[] = [];
  const instants: TraceRecord[] = [];
  for (const r of records) (r.kind === 'span' ? spans : instants).push(r);

  // Lanes per component, so that slices on one thread never overlap.
  const byComponent = new Map<string, number[]>();
  spans.forEach((s, i) => {
    const list = byComponent.get(s.component);
    if (list) list.push(i);
    else byComponent.set(s.component, [i]);
  });
  const threadOf = new Array<{ pid: number; tid: number }>(spans.length);
  for (const [component, indices] of [...byComponent].sort(([a], [b]) => a.localeCompare(b))) {
    const lanes = assignLanes(indices.map((i) => spans[i]));
    indices.forEach((i, k) => (threadOf[i] = tracks.of(component, lanes[k])));
  }

  // Flows: a message's spans in time order; a step to another thread is one flow.
  const flowsAfter = new Map<number, FlowEvent[]>();
  const attach = (spanIndex: number, e: FlowEvent) => {
    const list = flowsAfter.get(spanIndex);
    if (list) list.push(e);
    else flowsAfter.set(spanIndex, [e]);
  };
  const byMessage = new Map<number, number[]>();
  spans.forEach((s, i) => {
    if (s.messageId < 0) return;
    const list = byMessage.get(s.messageId);
    if (list) list.push(i);
    else byMessage.set(s.messageId, [i]);
  });
  let flows = 0;
  for (const [messageId, indices] of [...byMessage].sort(([a], [b]) => a - b)) {
    indices.sort((a, b) => spans[a].startNs - spans[b].startNs || spans[a].endNs - spans[b].endNs || a - b);
    for (let k = 1; k < indices.length; k++) {
      const from = indices[k - 1];
      const to = indices[k];
      if (threadOf[from].tid === threadOf[to].tid) continue;
      const id = ++flows;
      const name = `${FLOW_CATEGORY} ${messageId}`;
      attach(from, {
        ph: 's',
        name,
        cat: FLOW_CATEGORY,
        id,
        ts: usOf(middleNs(spans[from])),
        ...threadOf[from],
      });
      attach(to, {
        ph: 'f',
        bp: 'e',
        name,
        cat: FLOW_CATEGORY,
        id,
        ts: usOf(middleNs(spans[to])),
        ...threadOf[to],
      });
    }
  }

  // Slices in time order, each followed by the flow events bound to it: where a flow event shares
  // its time with another slice's start, the importer has already seen its own slice.
  const events: ChromeTraceEvent[] = [];
  const order = spans.map((_, i) => i);
  order.sort((a, b) => spans[a].startNs - spans[b].startNs || spans[a].endNs - spans[b].endNs || a - b);
  for (const i of order) {
    const s = spans[i];
    events.push({
      ph: 'X',
      name: s.label,
      cat: s.category,
      ts: usOf(s.startNs),
      dur: usOf(s.endNs - s.startNs),
      ...threadOf[i],
      args: { messageId: s.messageId, owner: s.owner, category: s.category },
    });
    for (const f of flowsAfter.get(i) ?? []) events.push(f);
  }

  for (const r of instants) {
    if (r.kind !== 'instant') continue;
    events.push({
      ph: 'i',
      s: 't',
      name: r.name,
      cat: r.name.split(' ', 1)[0] || 'instant',
      ts: usOf(r.atNs),
      ...tracks.of(r.component),
      args: { messageId: r.messageId },
    });
  }

  for (const c of counters) {
    const owner = countersComponentOf(c.component) ?? 'counters';
    events.push({ ph: 'C', name: c.name, ts: usOf(c.atNs), ...tracks.of(owner), args: { [c.key]: c.value } });
  }

  const counts: ChromeTraceCounts = {
    slices: spans.length,
    flows,
    counterSamples: counters.length,
    instants: instants.length,
    ...tracks.counts,
  };
  return {
    file: {
      traceEvents: [...tracks.metadata(), ...events],
      displayTimeUnit: 'ns',
      metadata: { ...metadata, ...counts },
    },
    counts,
  };
}
