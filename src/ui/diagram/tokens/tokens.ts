import type { Station } from '../../../model/categories.ts';
import type { Journey } from '../../../model/types.ts';
import { pointAlong, walkOf, type Point, type Walk } from '../geometry.ts';
import type { DiagramBox, DiagramLayout } from '../layout/layout.ts';
import { hopPoints, resolveSpanBox, tokenAnchor } from './placement.ts';
import { TOKEN_COLOURS } from '../theme.ts';

export { resolveSpanBox, tokenAnchor } from './placement.ts';

/** The engine's trace records, by way of the model's types (the UI may not import the engine). */
export type TraceRecord = Journey['spans'][number];
export type SpanRecord = Extract<TraceRecord, { kind: 'span' }>;
export type InstantRecord = Extract<TraceRecord, { kind: 'instant' }>;

/** How a token is drawn: a circle, a square, a diamond, a ring. */
export type TokenKind = 'message' | 'packet' | 'notification' | 'completion';

/** A message on screen at one simulated instant. */
export interface Token {
  messageId: number;
  x: number;
  y: number;
  kind: TokenKind;
  color: string;
  /** Where the message is (the station of the span it is in, or of the next one while it waits). */
  host: number | null;
  station: Station | null;
  category: string;
  label: string;
  /** Between two spans (queued): parked at the next station. */
  waiting: boolean;
}

const NOTIFICATION = new Set(['events', 'hypercall', 'irq']);
const PACKET = new Set(['wire', 'dma', 'nic-tx', 'nic-rx', 'coalesce', 'firmware']);

/** The kind of token for a span's category (and label): events and hypercalls notify, the wire and DMA carry packets. */
export function tokenKindOf(category: string, label = ''): TokenKind {
  if (/complet|\bcqe\b|\bdone\b/i.test(label)) return 'completion';
  if (NOTIFICATION.has(category)) return 'notification';
  if (PACKET.has(category)) return 'packet';
  return 'message';
}

/** A colour per message id, from a colour-blind-safe set (the shape, not the colour, tells the kind). */
export function tokenColor(messageId: number): string {
  const n = TOKEN_COLOURS.length;
  return TOKEN_COLOURS[((messageId % n) + n) % n];
}

interface PreparedSpan {
  startNs: number;
  endNs: number;
  kind: TokenKind;
  host: number | null;
  station: Station | null;
  category: string;
  label: string;
  /** From this span's station to the next span's, walked over the span's duration. */
  walk: Walk;
}

interface PreparedMessage {
  id: number;
  firstNs: number;
  lastNs: number;
  color: string;
  spans: PreparedSpan[];
  /** starts[i] = spans[i].startNs, for binary search. */
  starts: Float64Array;
}

/** Spans of one trace batch, grouped by message and bucketed by time, with their on-screen paths. */
export interface TokenIndex {
  readonly layout: DiagramLayout;
  readonly messages: readonly PreparedMessage[];
  readonly bucketNs: number;
  readonly buckets: ReadonlyMap<number, readonly number[]>;
  /** Messages too long-lived to bucket: checked at every query. */
  readonly long: readonly number[];
  readonly jitterPx: number;
  /** Number of spans indexed. */
  readonly spanCount: number;
}

export interface TokenIndexOptions {
  /** Spread tokens of different messages at one station by up to this many px (deterministic by id). Default 0. */
  jitterPx?: number;
}

/**
 * Indexes one batch of trace records against a layout: spans grouped per message and sorted, each with
 * the path its token follows, and messages bucketed by time. Build once per batch (and per layout);
 * `tokensAt` then costs a bucket lookup and a binary search per message on screen.
 */
export function buildTokenIndex(
  records: readonly TraceRecord[],
  layout: DiagramLayout,
  options: TokenIndexOptions = {},
): TokenIndex {
  const byMessage = new Map<number, SpanRecord[]>();
  let spanCount = 0;
  for (const r of records) {
    if (r.kind !== 'span' || r.messageId < 0 || !(r.endNs >= r.startNs)) continue;
    let list = byMessage.get(r.messageId);
    if (!list) byMessage.set(r.messageId, (list = []));
    list.push(r);
    spanCount++;
  }
  const connectorIndex = new Map<string, Point[]>();
  for (const c of layout.connectors) if (c.kind !== 'data') connectorIndex.set(`${c.from}>${c.to}`, c.points);

  const messages: PreparedMessage[] = [];
  // Walks are shared between messages that take the same hop (they are read-only).
  const hopCache = new Map<DiagramBox, Map<Point, Map<DiagramBox, Walk>>>();
  const anchors = new Map<DiagramBox, Point>();
  const anchorOf = (b: DiagramBox) => {
    let p = anchors.get(b);
    if (!p) anchors.set(b, (p = tokenAnchor(b)));
    return p;
  };
  // A token with no next span rests where it is: one walk per resting point, shared.
  const stays = new Map<Point, Walk>();
  const stayAt = (p: Point) => {
    let w = stays.get(p);
    if (!w) stays.set(p, (w = walkOf([p])));
    return w;
  };
  const boxCache = new Map<string, Map<string, Map<string, DiagramBox | undefined>>>();
  const boxOf = (s: SpanRecord) => {
    let byOwner = boxCache.get(s.component);
    if (!byOwner) boxCache.set(s.component, (byOwner = new Map()));
    let byCategory = byOwner.get(s.owner);
    if (!byCategory) byOwner.set(s.owner, (byCategory = new Map()));
    if (!byCategory.has(s.category)) byCategory.set(s.category, resolveSpanBox(layout, s));
    return byCategory.get(s.category);
  };
  const ids = [...byMessage.keys()].sort((a, b) => a - b);
  for (const id of ids) {
    const spans = byMessage.get(id)!;
    // Traces arrive in time order, mostly: sort only when they do not.
    let sorted = true;
    for (let i = 1; i < spans.length && sorted; i++) {
      const a = spans[i - 1];
      const b = spans[i];
      if (a.startNs > b.startNs || (a.startNs === b.startNs && a.endNs > b.endNs)) sorted = false;
    }
    if (!sorted) spans.sort((a, b) => a.startNs - b.startNs || a.endNs - b.endNs);
    const n = spans.length;
    const boxes: (DiagramBox | undefined)[] = new Array(n);
    const spanStarts = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      boxes[i] = boxOf(spans[i]);
      spanStarts[i] = spans[i].startNs;
    }
    let lastNs = -Infinity;
    let lastIdx = 0;
    spans.forEach((s, i) => {
      if (s.endNs >= lastNs) {
        lastNs = s.endNs;
        lastIdx = i;
      }
    });
    const prepared: PreparedSpan[] = [];
    // Where the token enters each span's box (the end of the previous hop): it rests there.
    const entry: (Point | undefined)[] = new Array(spans.length);
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i];
      const box = boxes[i];
      if (!box) continue;
      const rest = entry[i] ?? anchorOf(box);
      // The next span: the first that starts when this one ends (work in parallel is not "next").
      // Spans are in start order: the first at or after the end is found by bisection.
      let lo = i + 1;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (spanStarts[mid] >= s.endNs) hi = mid;
        else lo = mid + 1;
      }
      let next = -1;
      for (let j = lo; j < n; j++) {
        if (boxes[j]) {
          next = j;
          break;
        }
      }
      let walk: Walk;
      if (next >= 0) {
        // Rest points are shared objects (anchors and walk ends), so (box, rest, next box) keys a cache by identity.
        const b = boxes[next]!;
        let byRest = hopCache.get(box);
        if (!byRest) hopCache.set(box, (byRest = new Map()));
        let byNext = byRest.get(rest);
        if (!byNext) byRest.set(rest, (byNext = new Map()));
        let cached = byNext.get(b);
        if (!cached) byNext.set(b, (cached = walkOf(hopPoints(layout, box, rest, b, connectorIndex))));
        walk = cached;
        entry[next] = walk.points[walk.points.length - 1];
      } else walk = stayAt(rest);
      prepared.push({
        startNs: s.startNs,
        endNs: s.endNs,
        kind: i === lastIdx && spans.length > 1 ? 'completion' : tokenKindOf(s.category, s.label),
        host: box.host,
        station: box.station,
        category: s.category,
        label: s.label,
        walk,
      });
    }
    if (prepared.length === 0) continue;
    const starts = new Float64Array(prepared.length);
    let last = -Infinity;
    for (let i = 0; i < prepared.length; i++) {
      starts[i] = prepared[i].startNs;
      if (prepared[i].endNs > last) last = prepared[i].endNs;
    }
    messages.push({
      id,
      firstNs: prepared[0].startNs,
      lastNs: last,
      color: tokenColor(id),
      spans: prepared,
      starts,
    });
  }
  messages.sort((a, b) => a.firstNs - b.firstNs || a.id - b.id);

  // Buckets about one typical message lifetime wide.
  const lives = messages.map((m) => m.lastNs - m.firstNs).sort((a, b) => a - b);
  const bucketNs = Math.max(1_000, lives.length ? lives[lives.length >> 1] : 1_000);
  const buckets = new Map<number, number[]>();
  const long: number[] = [];
  messages.forEach((m, i) => {
    const k0 = Math.floor(m.firstNs / bucketNs);
    const k1 = Math.floor(Math.max(m.firstNs, m.lastNs - 1) / bucketNs);
    if (k1 - k0 > 64) {
      long.push(i);
      return;
    }
    for (let k = k0; k <= k1; k++) {
      let list = buckets.get(k);
      if (!list) buckets.set(k, (list = []));
      list.push(i);
    }
  });
  return { layout, messages, bucketNs, buckets, long, jitterPx: options.jitterPx ?? 0, spanCount };
}

const GOLDEN = 2.399963229728653;

export interface TokensAtOptions {
  /** The reader asked for less motion (prefers-reduced-motion): tokens jump between stations instead of gliding. */
  reducedMotion?: boolean;
}

/**
 * The tokens on screen at simulated time tNs: one per span in progress (a message doing two things at
 * once shows twice), placed along the path from its station to the next by the fraction of the span
 * elapsed (with reduced motion: at the path's start); a message between spans waits at its next
 * station. The same index, time and options give the same tokens, to the pixel.
 */
export function tokensAt(index: TokenIndex, tNs: number, options: TokensAtOptions = {}): Token[] {
  const out: Token[] = [];
  if (!Number.isFinite(tNs) || index.messages.length === 0) return out;
  const k = Math.floor(tNs / index.bucketNs);
  const candidates = index.long.length
    ? [...(index.buckets.get(k) ?? []), ...index.long].sort((a, b) => a - b)
    : (index.buckets.get(k) ?? []);
  for (const mi of candidates) {
    const m = index.messages[mi];
    if (tNs < m.firstNs || tNs >= m.lastNs) continue;
    // Last span starting at or before t.
    let lo = 0;
    let hi = m.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (m.starts[mid] <= tNs) lo = mid;
      else hi = mid - 1;
    }
    const jitter = jitterOf(m.id, index.jitterPx);
    let any = false;
    let lastStation: string | null = null;
    for (let i = lo; i >= 0; i--) {
      const s = m.spans[i];
      if (s.endNs <= tNs || s.startNs > tNs) continue;
      const place = `${s.host}/${s.station}`;
      if (place === lastStation) continue; // two spans at one station: one token
      lastStation = place;
      // Reduced motion: the token stays at its station for the whole span, then jumps to the next.
      const f = options.reducedMotion
        ? 0
        : s.endNs > s.startNs
          ? (tNs - s.startNs) / (s.endNs - s.startNs)
          : 1;
      const p = pointAlong(s.walk, f);
      out.push(token(m, s, p.x + jitter.x, p.y + jitter.y, false));
      any = true;
    }
    if (!any) {
      // Between spans: wait where the next one starts.
      const next = m.spans[lo + 1];
      if (next) {
        const p = next.walk.points[0];
        out.push(token(m, next, p.x + jitter.x, p.y + jitter.y, true));
      }
    }
  }
  return out;
}

function token(m: PreparedMessage, s: PreparedSpan, x: number, y: number, waiting: boolean): Token {
  return {
    messageId: m.id,
    x,
    y,
    kind: s.kind,
    color: m.color,
    host: s.host,
    station: s.station,
    category: s.category,
    label: s.label,
    waiting,
  };
}

function jitterOf(id: number, px: number): Point {
  if (px <= 0) return { x: 0, y: 0 };
  const a = id * GOLDEN;
  const r = px * (0.35 + 0.65 * (((id * 7) % 5) / 4));
  return { x: Math.cos(a) * r, y: Math.sin(a) * r };
}

/** One-shot convenience: index the records and read the tokens at tNs (index once per batch in a frame loop). */
export function computeTokens(
  records: readonly TraceRecord[],
  layout: DiagramLayout,
  tNs: number,
  options?: TokenIndexOptions,
): Token[] {
  return tokensAt(buildTokenIndex(records, layout, options), tNs);
}
