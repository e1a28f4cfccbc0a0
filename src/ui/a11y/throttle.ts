// When a live region may speak again: at most once every few seconds, and only when the numbers have
// changed enough to be worth hearing (a screen reader that speaks every frame says nothing useful).

/** What was last announced, and when (ms on any monotonic clock). */
export interface AnnounceState {
  readonly values: readonly number[] | null;
  readonly atMs: number;
}

export interface AnnounceRule {
  /** Quiet time after an announcement, ms. */
  readonly minIntervalMs: number;
  /** Smallest relative change of any value that is worth announcing (0.05 = 5 %). */
  readonly minRelativeChange: number;
}

export const INITIAL_ANNOUNCE: AnnounceState = { values: null, atMs: -Infinity };

/** Whether a value moved by more than `rel` of its size (any move from or to 0 counts). */
function moved(before: number, after: number, rel: number): boolean {
  if (before === after) return false;
  const scale = Math.max(Math.abs(before), Math.abs(after));
  return scale === 0 ? false : Math.abs(after - before) / scale > rel;
}

/**
 * Whether to announce `values` at `nowMs` given what was last announced: yes the first time, then only
 * after the quiet interval and when some value changed by more than the rule's fraction (or the number
 * of values changed). Returns the new state when it announces, else null.
 */
export function nextAnnouncement(
  last: AnnounceState,
  values: readonly number[],
  nowMs: number,
  rule: AnnounceRule,
): AnnounceState | null {
  if (last.values === null) return { values: [...values], atMs: nowMs };
  if (nowMs - last.atMs < rule.minIntervalMs) return null;
  const prev = last.values;
  const changed =
    prev.length !== values.length || values.some((v, i) => moved(prev[i], v, rule.minRelativeChange));
  return changed ? { values: [...values], atMs: nowMs } : null;
}
