import { describe, expect, it } from 'vitest';
import { fitText } from './paintTimeline.ts';

/** A context whose text is 7 px per character, counting its measurements. */
function fakeContext(font: string) {
  const ctx = { font, calls: 0, measureText: (t: string) => (ctx.calls++, { width: t.length * 7 }) };
  return ctx as unknown as CanvasRenderingContext2D & { calls: number };
}

describe('fitText', () => {
  it('keeps what fits and cuts the rest to the longest prefix that fits with its ellipsis', () => {
    const ctx = fakeContext('10px a');
    expect(fitText(ctx, 'netback tx', 70)).toBe('netback tx');
    expect(fitText(ctx, 'netback tx', 69)).toBe('netback …'); // 8 letters + … = 63 px; 9 + … = 70
    expect(fitText(ctx, 'netback tx', 20)).toBe('n…');
    expect(fitText(ctx, 'netback tx', 3)).toBe('n…'); // never less than one letter
    for (let room = 0; room < 100; room++) {
      const out = fitText(ctx, 'grant copy to dom0', room);
      if (out !== 'grant copy to dom0') {
        expect(out.length * 7 <= room || out.length === 2).toBe(true);
        expect((out.length + 1) * 7 > room).toBe(true);
      }
    }
  });

  it('measures a label once per font and room, however many frames paint it', () => {
    const ctx = fakeContext('11px b');
    fitText(ctx, 'event channel notify', 50);
    const first = ctx.calls;
    for (let i = 0; i < 10; i++) fitText(ctx, 'event channel notify', 50.4);
    expect(ctx.calls).toBe(first);
    fitText(ctx, 'event channel notify', 60);
    expect(ctx.calls).toBeGreaterThan(first);
  });
});
