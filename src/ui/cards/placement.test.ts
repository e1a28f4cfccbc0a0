import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps, placeCard } from './placement.ts';

const VIEW = { x: 0, y: 0, w: 1366, h: 768 };
const CARD = { w: 430, h: 520 };

describe('placeCard', () => {
  it('puts a card to the right of a box on the left, and to the left of a box on the right', () => {
    expect(placeCard({ x: 100, y: 300, w: 120, h: 40 }, CARD, VIEW).side).toBe('right');
    expect(placeCard({ x: 1100, y: 300, w: 120, h: 40 }, CARD, VIEW).side).toBe('left');
  });

  it('never covers a diagram-sized box and stays inside a 1366×768 viewport', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1366 - 200 }),
        fc.integer({ min: 0, max: 768 - 120 }),
        fc.integer({ min: 10, max: 200 }),
        fc.integer({ min: 10, max: 120 }),
        fc.integer({ min: 80, max: 752 }),
        (x, y, w, h, cardH) => {
          const anchor = { x, y, w, h };
          const p = placeCard(anchor, { w: CARD.w, h: cardH }, VIEW);
          expect(p.clear).toBe(true);
          expect(overlaps({ x: p.x, y: p.y, w: CARD.w, h: cardH }, anchor)).toBe(false);
          expect(p.x).toBeGreaterThanOrEqual(8);
          expect(p.y).toBeGreaterThanOrEqual(8);
          expect(p.x + CARD.w).toBeLessThanOrEqual(VIEW.w - 8);
          expect(p.y + cardH).toBeLessThanOrEqual(VIEW.h - 8);
        },
      ),
    );
  });

  it('keeps the card inside the bounds it is given (below the toolbar)', () => {
    const main = { x: 0, y: 110, w: 1366, h: 658 };
    const p = placeCard({ x: 20, y: 600, w: 80, h: 50 }, { w: 430, h: 600 }, main);
    expect(p).toMatchObject({ side: 'right', clear: true });
    expect(p.y).toBeGreaterThanOrEqual(118);
    expect(p.y + 600).toBeLessThanOrEqual(760);
  });

  it('says so when no side has room, and still keeps the card on screen', () => {
    const p = placeCard(
      { x: 100, y: 100, w: 500, h: 300 },
      { w: 600, h: 400 },
      { x: 0, y: 0, w: 800, h: 600 },
    );
    expect(p.clear).toBe(false);
    expect(p.x).toBeGreaterThanOrEqual(8);
    expect(p.x + 600).toBeLessThanOrEqual(792);
  });
});
