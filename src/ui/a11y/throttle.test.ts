import { describe, expect, it } from 'vitest';
import { INITIAL_ANNOUNCE, nextAnnouncement, type AnnounceRule } from './throttle.ts';

const RULE: AnnounceRule = { minIntervalMs: 5_000, minRelativeChange: 0.05 };

describe('nextAnnouncement', () => {
  it('announces the first values at once', () => {
    expect(nextAnnouncement(INITIAL_ANNOUNCE, [10, 200], 0, RULE)).toEqual({ values: [10, 200], atMs: 0 });
  });

  it('stays quiet within the interval, however much the values move', () => {
    const first = nextAnnouncement(INITIAL_ANNOUNCE, [10, 200], 1_000, RULE)!;
    expect(nextAnnouncement(first, [50, 900], 1_000 + 4_999, RULE)).toBeNull();
    expect(nextAnnouncement(first, [50, 900], 1_000 + 5_000, RULE)).toEqual({
      values: [50, 900],
      atMs: 6_000,
    });
  });

  it('stays quiet after the interval when nothing moved by more than the fraction', () => {
    const first = nextAnnouncement(INITIAL_ANNOUNCE, [10, 200], 0, RULE)!;
    expect(nextAnnouncement(first, [10.4, 209], 60_000, RULE)).toBeNull();
    expect(nextAnnouncement(first, [10, 200], 60_000, RULE)).toBeNull();
    // One value moving by more than 5 % is enough.
    expect(nextAnnouncement(first, [10, 211], 60_000, RULE)?.values).toEqual([10, 211]);
  });

  it('compares with what was announced, not with what was skipped', () => {
    let state = nextAnnouncement(INITIAL_ANNOUNCE, [100], 0, RULE)!;
    // Small steps that add up: each under 5 % of the previous, together over it.
    let announced = 0;
    for (let i = 1; i <= 10; i++) {
      const next = nextAnnouncement(state, [100 + 2 * i], i * 6_000, RULE);
      if (next) {
        state = next;
        announced++;
      }
    }
    expect(announced).toBeGreaterThan(0);
    expect(state.values).not.toEqual([100]);
  });

  it('treats a change from zero as a change, and zero to zero as none', () => {
    const zero = nextAnnouncement(INITIAL_ANNOUNCE, [0], 0, RULE)!;
    expect(nextAnnouncement(zero, [0], 10_000, RULE)).toBeNull();
    expect(nextAnnouncement(zero, [3], 10_000, RULE)?.values).toEqual([3]);
  });
});
