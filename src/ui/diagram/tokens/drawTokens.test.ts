import { describe, expect, it } from 'vitest';
import { drawTokens, type TokenContext } from './drawTokens.ts';
import type { Token, TokenKind } from './tokens.ts';

/** A context that records the calls the painter makes. */
function recorder() {
  const calls: string[] = [];
  const ctx = {
    canvas: { width: 200, height: 100 },
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
  } as unknown as TokenContext;
  for (const name of [
    'setTransform',
    'clearRect',
    'beginPath',
    'arc',
    'rect',
    'moveTo',
    'lineTo',
    'closePath',
    'fill',
    'stroke',
  ])
    (ctx as unknown as Record<string, unknown>)[name] = (...args: number[]) =>
      calls.push(`${name}(${args.map((a) => Math.round(a * 100) / 100).join(',')})`);
  return { ctx, calls };
}

const token = (kind: TokenKind, x = 10, y = 20): Token => ({
  messageId: 1,
  x,
  y,
  kind,
  color: '#56b4e9',
  host: 0,
  station: 'app',
  category: 'syscall',
  label: 'x',
  waiting: false,
});

describe('drawTokens', () => {
  it('clears the canvas and scales by the device pixel ratio', () => {
    const { ctx, calls } = recorder();
    drawTokens(ctx, [], 2);
    expect(calls).toEqual([
      'setTransform(1,0,0,1,0,0)',
      'clearRect(0,0,200,100)',
      'setTransform(2,0,0,2,0,0)',
    ]);
  });

  it('draws a distinct shape per kind: circle, square, diamond, ring', () => {
    const shapes = (kind: TokenKind) => {
      const { ctx, calls } = recorder();
      drawTokens(ctx, [token(kind)], 1, { radius: 8 });
      return calls.slice(3).filter((c) => /^(arc|rect|moveTo|lineTo|fill|stroke)\(/.test(c));
    };
    // Each token: a dark halo, then the shape.
    expect(shapes('message')).toEqual([
      'arc(10,20,10,0,6.28)',
      'fill()',
      'arc(10,20,8,0,6.28)',
      'fill()',
      'stroke()',
    ]);
    expect(shapes('packet')).toEqual([
      'rect(1,11,18,18)',
      'fill()',
      'rect(2.8,12.8,14.4,14.4)',
      'fill()',
      'stroke()',
    ]);
    expect(shapes('notification').filter((c) => c.startsWith('moveTo'))).toEqual([
      'moveTo(10,7)',
      'moveTo(10,9.6)',
    ]);
    // A completion is a ring: stroked, not filled.
    expect(shapes('completion')).toEqual([
      'arc(10,20,10,0,6.28)',
      'fill()',
      'arc(10,20,8,0,6.28)',
      'stroke()',
    ]);
  });

  it('skips tokens without a finite position', () => {
    const { ctx, calls } = recorder();
    drawTokens(ctx, [token('message', Number.NaN, 3)], 1);
    expect(calls.filter((c) => c.startsWith('arc'))).toEqual([]);
  });
});
