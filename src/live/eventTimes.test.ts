import { describe, expect, it } from 'vitest';
import { EventTimes } from './eventTimes.ts';

/** Times of n events: runs of equal times (events at one instant) and gaps. */
function timesOf(n: number, seed: number): number[] {
  const out: number[] = [];
  let t = 0;
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    t += x % 3 === 0 ? 0 : x % 1000;
    out.push(t);
  }
  return out;
}

describe('EventTimes', () => {
  it('answers the time after k events and the count at a time, as a brute force does, across wrap-around', () => {
    for (const [n, capacity] of [
      [50, 64],
      [500, 64],
      [1000, 7],
    ]) {
      const times = timesOf(n, n + capacity);
      const e = new EventTimes(capacity);
      times.forEach((t) => e.push(t));
      expect(e.count).toBe(n);
      const first = e.firstCount;
      expect(first).toBe(Math.max(0, n - capacity + 1));
      for (let k = first; k <= n; k++) expect(e.timeAfter(k)).toBe(k === 0 ? 0 : times[k - 1]);
      expect(e.timeAfter(first - 1)).toBeNaN();
      expect(e.timeAfter(n + 1)).toBeNaN();
      for (const t of [...times, times[0] - 1, times[n - 1] + 5, ...times.map((x) => x + 1)]) {
        const brute = times.filter((x) => x <= t).length;
        const firstNs = first === 0 ? 0 : times[first - 1];
        expect(e.countAt(t)).toBe(t >= firstNs ? brute : -1);
      }
    }
  });

  it('after a restart, knows nothing before it and everything after', () => {
    const e = new EventTimes(16);
    for (let i = 1; i <= 10; i++) e.push(i * 10);
    e.restart(4, 45); // a replay stopped after 4 events, its clock moved on to 45
    expect(e.count).toBe(4);
    expect(e.firstCount).toBe(4);
    expect(e.timeAfter(4)).toBe(45);
    expect(e.timeAfter(3)).toBeNaN();
    expect(e.countAt(44)).toBe(-1);
    e.push(50);
    e.push(50);
    expect(e.countAt(49)).toBe(4);
    expect(e.countAt(50)).toBe(6);
    expect(e.timeAfter(5)).toBe(50);
  });

  it('refuses a capacity that is not a whole number ≥ 2', () => {
    expect(() => new EventTimes(1)).toThrow(RangeError);
    expect(() => new EventTimes(2.5)).toThrow(RangeError);
  });
});
