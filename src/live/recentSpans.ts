import type { SpanRecord } from '../engine/trace.ts';

/** The most spans ever held: the tokens of a busy 16-pair run need a few thousand. */
export const RECENT_SPANS_CAP = 60_000;
/** Below this many spans nothing is pruned (pruning a short list costs more than it saves). */
const PRUNE_FLOOR = 2_048;
/** How far back a token may still be drawn, until a caller says otherwise (the diagram's lookback). */
const DEFAULT_LOOKBACK_NS = 200_000;

/**
 * The spans written lately, for drawing tokens: those that end after `now − lookback` or start after
 * now. Pruned as they are added, not only when the diagram draws: a page that does not show the
 * diagram (presenter mode's charts, an embedded chart) would otherwise keep every span of the run.
 * A prune costs the spans held and the next one waits until they have doubled, so adding stays O(1)
 * on average; at most RECENT_SPANS_CAP are held (the newest, should the lookback ever hold more).
 */
export class RecentSpans {
  private spans: SpanRecord[] = [];
  private pruneAt = PRUNE_FLOOR;
  private lookbackNs = DEFAULT_LOOKBACK_NS;
  /** Changes whenever a span is added or the list is cleared (to know when to redo a token index). */
  version = 0;

  get size(): number {
    return this.spans.length;
  }

  add(span: SpanRecord, nowNs: number): void {
    this.spans.push(span);
    this.version++;
    if (this.spans.length >= this.pruneAt) this.prune(nowNs);
  }

  /** The spans that may put a token on screen at `nowNs`, looking back `lookbackNs`. */
  at(nowNs: number, lookbackNs: number): readonly SpanRecord[] {
    this.lookbackNs = lookbackNs;
    if (this.spans.length > PRUNE_FLOOR && this.spans[0].endNs < nowNs - lookbackNs) this.prune(nowNs);
    return this.spans;
  }

  clear(): void {
    this.spans = [];
    this.pruneAt = PRUNE_FLOOR;
    this.version++;
  }

  private prune(nowNs: number): void {
    const horizon = nowNs - this.lookbackNs;
    let kept = this.spans.filter((r) => r.endNs >= horizon || r.startNs > nowNs);
    if (kept.length > RECENT_SPANS_CAP / 2) kept = kept.slice(kept.length - RECENT_SPANS_CAP / 2);
    this.spans = kept;
    this.pruneAt = Math.min(RECENT_SPANS_CAP, Math.max(PRUNE_FLOOR, 2 * kept.length));
  }
}
