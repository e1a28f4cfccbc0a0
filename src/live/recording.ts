import type { SpanRecord } from '../engine/trace.ts';
import { MIB } from '../lib/units.ts';
import { CATEGORIES } from '../model/categories.ts';
import { SpanStore, SPAN_BYTES } from './recordingSpans.ts';
import { SERIES_ENTRY_BYTES, TimedSeries } from './recordingSeries.ts';
import { trackPlace, type TrackPlace } from './recordingTracks.ts';

/** What the live run keeps of its spans: 64 MiB, about 2 million spans (34 bytes each). */
export const DEFAULT_SPAN_BUDGET_BYTES = 64 * MIB;
/** Entries per counter (a ring's occupancy, sampled as the run advances): 128 KiB each. */
const COUNTER_ENTRIES = 8_192;
/** Entries of the running totals (a frame's payload arriving, a message delivered): 2 MiB each. */
const TOTAL_ENTRIES = 131_072;

/** Spans a budget holds. */
export function spanCapacityFor(budgetBytes: number): number {
  return Math.max(2, Math.floor(budgetBytes / SPAN_BYTES));
}

/** One recorded span, as plain values (for tests, hovers and a message's spans). */
export interface RecordedSpan {
  readonly startNs: number;
  readonly endNs: number;
  readonly track: string;
  readonly category: string;
  /** The domain charged (`dom0`, `vm`, …), `hw` for hardware, `wait` for waiting. */
  readonly owner: string;
  readonly messageId: number;
  readonly label: string;
}

/** What a range of simulated time holds: CPU by domain and category, bytes and messages. */
export interface RangeSummary {
  readonly fromNs: number;
  readonly toNs: number;
  /** CPU time inside the range (spans clipped to it), per domain charged and category, largest first. */
  readonly cpu: readonly { owner: string; category: string; ns: number }[];
  readonly cpuTotalNs: number;
  /** Payload bytes placed at receivers, frame by frame, inside the range. */
  readonly bytesArrived: number;
  /** Messages (pktgen: packets) delivered inside the range. */
  readonly messagesDelivered: number;
}

/** Names to small indices, up to a limit; past it every new name shares the last index. */
class StringTable {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly limit: number) {}
  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      if (this.names.length >= this.limit) return this.limit - 1;
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
  clear(): void {
    this.names.length = 0;
    this.index.clear();
  }
}

export interface Counter {
  readonly name: string;
  /** The largest value it can take (a ring's slots), for drawing it to scale. */
  max: number;
  readonly series: TimedSeries;
}

/**
 * The recording of a live run: its spans (SpanStore), the rings' and event channels' state sampled
 * as the run advances, and running totals of bytes arrived and messages delivered, all in bounded
 * typed arrays. Every view of the timeline is a function of this and a time; the live run clears it
 * when it replays from the start, so it always holds the run as it is now.
 */
export class Recording {
  readonly spans: SpanStore;
  readonly tracks = new StringTable(65_535);
  readonly categories = new StringTable(255);
  readonly owners = new StringTable(255);
  readonly labels = new StringTable(65_535);
  /** Payload bytes arrived so far (a running total per frame arrival). */
  readonly bytesArrived = new TimedSeries(TOTAL_ENTRIES);
  /** Messages delivered so far (a running total per delivery). */
  readonly delivered = new TimedSeries(TOTAL_ENTRIES);
  private readonly counterList: Counter[] = [];
  private readonly counterByName = new Map<string, Counter>();
  private cpuByCategory: boolean[] = [];
  /** Samples the run's counters now (set by `attachRecording`; nothing before). */
  sampleNow: () => void = () => {};
  /**
   * Off while a replay runs far from where it is going (see RecordedRun.fastForward): nothing is
   * recorded until it is on again, so a replay to a late time costs the model, not the recording.
   */
  enabled = true;

  constructor(readonly spanBudgetBytes = DEFAULT_SPAN_BUDGET_BYTES) {
    this.spans = new SpanStore(spanCapacityFor(spanBudgetBytes));
  }

  /** A span the run wrote, during its event number `writtenAtEvents` (0 when not told). */
  record(r: SpanRecord, writtenAtEvents = 0): void {
    const category = this.categories.id(r.category);
    this.cpuByCategory[category] ??= Object.hasOwn(CATEGORIES, r.category);
    this.spans.push(
      r.startNs,
      r.endNs,
      this.tracks.id(r.component),
      category,
      this.owners.id(r.owner),
      r.messageId,
      this.labels.id(r.label),
      writtenAtEvents,
    );
  }

  /** A counter's value at tNs (kept only when it changed), with the largest value it can take. */
  sampleCounter(name: string, tNs: number, value: number, max: number): void {
    const c = this.counter(name, max);
    c.max = Math.max(c.max, value);
    c.series.pushChange(tNs, value);
  }

  /** A counter by name, made on first use (for a sampler that keeps it at hand). */
  counter(name: string, max: number): Counter {
    let c = this.counterByName.get(name);
    if (!c) {
      c = { name, max, series: new TimedSeries(COUNTER_ENTRIES) };
      this.counterByName.set(name, c);
      this.counterList.push(c);
    }
    c.max = Math.max(c.max, max);
    return c;
  }

  get counters(): readonly Readonly<Counter>[] {
    return this.counterList;
  }

  /** Where a track (a span track or a counter's name) sits in the timeline's tree. */
  place(name: string): TrackPlace {
    return trackPlace(name);
  }

  /** Whether the span at array index `i` is CPU time (a category of the CPU chart, not waiting or hardware). */
  isCpu(i: number): boolean {
    return this.cpuByCategory[this.spans.category[i]] === true;
  }

  /** The span at array index `i` (from `spans.visit` or `spans.at`). */
  span(i: number): RecordedSpan {
    const s = this.spans;
    return {
      startNs: s.start[i],
      endNs: s.end[i],
      track: this.tracks.names[s.track[i]],
      category: this.categories.names[s.category[i]],
      owner: this.owners.names[s.owner[i]],
      messageId: s.message[i],
      label: this.labels.names[s.label[i]],
    };
  }

  /** Spans overlapping [t0Ns, t1Ns], on one track (by name) or on all, in start order. */
  spansOverlapping(t0Ns: number, t1Ns: number, track?: string): RecordedSpan[] {
    const out: RecordedSpan[] = [];
    const t = track === undefined ? -1 : this.tracks.names.indexOf(track);
    if (track !== undefined && t < 0) return out;
    this.spans.visit(t0Ns, t1Ns, t, (i) => out.push(this.span(i)));
    return out;
  }

  /** Every kept span of one message, in start order. */
  messageSpans(messageId: number): RecordedSpan[] {
    return this.spans.ofMessage(messageId).map((i) => this.span(i));
  }

  /** CPU, bytes and messages inside [fromNs, toNs]. */
  summary(fromNs: number, toNs: number): RangeSummary {
    const byKey = new Map<number, number>(); // owner × 256 + category → ns
    let cpuTotalNs = 0;
    const s = this.spans;
    s.visit(fromNs, toNs, -1, (i) => {
      if (!this.isCpu(i)) return;
      const ns = Math.min(s.end[i], toNs) - Math.max(s.start[i], fromNs);
      if (ns <= 0) return;
      const key = s.owner[i] * 256 + s.category[i];
      byKey.set(key, (byKey.get(key) ?? 0) + ns);
      cpuTotalNs += ns;
    });
    const cpu = [...byKey]
      .map(([key, ns]) => ({
        owner: this.owners.names[Math.floor(key / 256)],
        category: this.categories.names[key % 256],
        ns,
      }))
      .sort((a, b) => b.ns - a.ns || a.owner.localeCompare(b.owner) || a.category.localeCompare(b.category));
    return {
      fromNs,
      toNs,
      cpu,
      cpuTotalNs,
      bytesArrived: this.bytesArrived.growth(fromNs, toNs),
      messagesDelivered: this.delivered.growth(fromNs, toNs),
    };
  }

  /** Bytes held by every array of the recording now. */
  get byteLength(): number {
    let n = this.spans.byteLength + this.bytesArrived.byteLength + this.delivered.byteLength;
    for (const c of this.counterList) n += c.series.byteLength;
    return n;
  }

  /** Empty, for a run replayed from the start (the arrays are kept for reuse). */
  clear(): void {
    this.spans.clear();
    this.tracks.clear();
    this.categories.clear();
    this.owners.clear();
    this.labels.clear();
    this.cpuByCategory = [];
    this.bytesArrived.clear();
    this.delivered.clear();
    this.counterList.length = 0;
    this.counterByName.clear();
    this.sampleNow = () => {};
    this.enabled = true;
  }
}

export { SPAN_BYTES, SERIES_ENTRY_BYTES };
