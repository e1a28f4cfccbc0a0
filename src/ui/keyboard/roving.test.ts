import { describe, expect, it } from 'vitest';
import { rovingIndex } from './roving.ts';

describe('rovingIndex', () => {
  it('moves with the arrows and wraps at both ends', () => {
    expect(rovingIndex('ArrowRight', 0, 3)).toBe(1);
    expect(rovingIndex('ArrowDown', 2, 3)).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(rovingIndex('ArrowUp', 1, 3)).toBe(0);
  });
  it('goes to the ends with Home and End only where asked (tab lists)', () => {
    expect(rovingIndex('Home', 2, 3)).toBeNull();
    expect(rovingIndex('Home', 2, 3, true)).toBe(0);
    expect(rovingIndex('End', 0, 3, true)).toBe(2);
  });
  it('leaves other keys alone, and starts from the first when nothing is chosen', () => {
    expect(rovingIndex(' ', 1, 3)).toBeNull();
    expect(rovingIndex('ArrowRight', -1, 3)).toBe(1);
    expect(rovingIndex('ArrowRight', 0, 0)).toBeNull();
  });
});
