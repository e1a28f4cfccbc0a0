import { describe, expect, it } from 'vitest';
import { EMBED_VIEWS, decodeEmbed, fullAppUrl } from './embedLink.ts';

describe('decodeEmbed', () => {
  it('is off unless embed=1', () => {
    expect(decodeEmbed('')).toBeNull();
    expect(decodeEmbed('?view=cpu')).toBeNull();
    expect(decodeEmbed('?embed=0&view=cpu')).toBeNull();
  });
  it('reads every view, and the diagram when none is named', () => {
    for (const view of EMBED_VIEWS) expect(decodeEmbed(`?embed=1&view=${view}`)).toEqual({ ok: true, view });
    expect(decodeEmbed('?embed=1')).toEqual({ ok: true, view: 'diagram' });
  });
  it('names a bad view and every valid one', () => {
    const r = decodeEmbed('?embed=1&view=cpus');
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.raw).toBe('cpus');
      expect(r.message).toContain('"view=cpus"');
      for (const view of EMBED_VIEWS) expect(r.message).toContain(view);
    }
  });
});

describe('fullAppUrl', () => {
  it('drops the embed flags and keeps the state', () => {
    expect(fullAppUrl('http://h:1/app/?v=1&mode=pv-tcp&embed=1&view=cpu&size=64#x')).toBe(
      'http://h:1/app/?v=1&mode=pv-tcp&size=64#x',
    );
  });
});
