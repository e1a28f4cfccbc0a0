import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TooltipContent } from './Tooltip.tsx';
import { fitTooltip, tooltipBox } from './Tooltip.tsx';
import { estimateTextWidth } from './layout.ts';

const FONT = 15;

describe('tooltip placement', () => {
  it('stays inside the given viewport wherever the point is and however much it says', () => {
    const text = fc.string({ maxLength: 90 });
    fc.assert(
      fc.property(
        text,
        fc.array(text, { maxLength: 20 }),
        fc.record({
          left: fc.integer({ min: 0, max: 400 }),
          top: fc.integer({ min: 0, max: 400 }),
          width: fc.integer({ min: 120, max: 1600 }),
          height: fc.integer({ min: 60, max: 1000 }),
        }),
        fc.double({ min: -200, max: 2200, noNaN: true }),
        fc.double({ min: -200, max: 2200, noNaN: true }),
        fc.boolean(),
        (heading, rows, bounds, x, y, avoiding) => {
          const content: TooltipContent = { heading, rows: rows.map((t, i) => ({ key: `${i}`, text: t })) };
          const fitted = fitTooltip(content, bounds, FONT);
          const box = tooltipBox(
            fitted,
            x,
            y,
            bounds,
            FONT,
            avoiding ? { top: y - 10, bottom: y + 10 } : undefined,
          );
          const eps = 0.02;
          return (
            box.left >= bounds.left - eps &&
            box.top >= bounds.top - eps &&
            box.left + box.width <= bounds.left + bounds.width + eps &&
            box.top + box.height <= bounds.top + bounds.height + eps
          );
        },
      ),
    );
  });

  it('keeps content that fits as it is, and names what it left out', () => {
    const content: TooltipContent = {
      heading: 'Driver domain (Dom0) · VM · TCP: 34.7 µs',
      rows: Array.from({ length: 8 }, (_, i) => ({ key: `${i}`, text: `category ${i}: ${i} µs` })),
    };
    const roomy = { left: 0, top: 0, width: 800, height: 600 };
    expect(fitTooltip(content, roomy, FONT)).toEqual(content);
    const short = fitTooltip(content, { left: 0, top: 0, width: 800, height: 130 }, FONT);
    expect(short.rows.length).toBeLessThan(8);
    expect(short.rows.at(-1)!.text).toMatch(/^\+ \d+ more$/);
    const kept = short.rows.length - 1;
    expect(short.rows.at(-1)!.text).toBe(`+ ${8 - kept} more`);
    const narrow = fitTooltip(content, { left: 0, top: 0, width: 200, height: 600 }, FONT);
    expect(narrow.heading.endsWith('…')).toBe(true);
    expect(estimateTextWidth(narrow.heading, FONT, true)).toBeLessThanOrEqual(200);
  });

  it('goes below (or above) a band it must not cover, such as the hovered bar', () => {
    const content: TooltipContent = { heading: '64 B', rows: [{ key: 'a', text: 'netback: 6.5 µs' }] };
    const bounds = { left: 0, top: 0, width: 500, height: 300 };
    const low = tooltipBox(content, 250, 100, bounds, FONT, { top: 90, bottom: 110 });
    expect(low.top).toBeGreaterThanOrEqual(110);
    const high = tooltipBox(content, 250, 280, bounds, FONT, { top: 270, bottom: 290 });
    expect(high.top + high.height).toBeLessThanOrEqual(270);
  });

  it('flips to the left of the point near the right edge', () => {
    const content: TooltipContent = { heading: '64 B', rows: [{ key: 'a', text: 'VM · TCP: 35 µs' }] };
    const bounds = { left: 0, top: 0, width: 500, height: 300 };
    const box = tooltipBox(content, 480, 150, bounds, FONT);
    expect(box.left + box.width).toBeLessThanOrEqual(480);
  });
});
