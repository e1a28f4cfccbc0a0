import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IoPathDiagram } from './IoPathDiagram.tsx';
import type { LiveState } from './live.ts';
import { scopedAttrs, scopedName } from './scope.ts';

const LIVE: LiveState = {
  cpuBusy: { 'h0/vm0/vcpu0': 0.5, 'h0/dom0/vcpu0': 0.25 },
  rings: { 'h0/vm0/tx-ring': { used: 3, slots: 256 } },
  evtchnPending: { 'h0/dom0': true },
  dmaActive: { 'h0/dma-tx': true },
  iotlb: { h0: 'hit' },
};

const draw = (scope: 'main' | 'a') =>
  renderToStaticMarkup(
    <IoPathDiagram width={900} height={520} mode="zero-copy" vmsPerHost={1} live={LIVE} scope={scope} />,
  );

/** How often each attribute name occurs in the markup. */
const names = (html: string) => {
  const out = new Map<string, number>();
  for (const m of html.matchAll(/\s([\w:-]+)="/g)) out.set(m[1], (out.get(m[1]) ?? 0) + 1);
  return out;
};

describe('a second diagram on the page (A beside B)', () => {
  it('names attributes and ids in its scope, the main diagram’s unchanged', () => {
    expect(scopedName('main', 'data-box')).toBe('data-box');
    expect(scopedName('a', 'data-box')).toBe('data-a-box');
    expect(scopedName('a', 'arrow-path')).toBe('a-arrow-path');
    expect(scopedAttrs('a', { 'data-used': 'true', 'data-host': 0 })).toEqual({
      'data-a-used': 'true',
      'data-a-host': 0,
    });
  });

  it('draws A’s with none of the page’s test contract or Tab stops, the same shapes otherwise', () => {
    const main = draw('main');
    const a = draw('a');
    const m = names(main);
    const n = names(a);
    for (const attr of ['data-box', 'data-used', 'data-gauge', 'data-readout', 'data-mode', 'data-arrow']) {
      expect(m.get(attr), attr).toBeGreaterThan(0);
      expect(n.get(attr), attr).toBeUndefined();
      expect(n.get(scopedName('a', attr)), attr).toBe(m.get(attr));
    }
    expect(m.get('tabindex')).toBeGreaterThan(0);
    expect(n.get('tabindex')).toBeUndefined();
    // Its arrows point at its own markers.
    expect(main).toContain('url(#arrow-path)');
    expect(a).toContain('id="a-arrow-path"');
    expect(a).toContain('url(#a-arrow-path)');
    expect(a).not.toContain('url(#arrow-path)');
    // The same drawing: as many shapes and texts.
    const count = (html: string, tag: string) => html.split(`<${tag}`).length;
    for (const tag of ['rect', 'path', 'text']) expect(count(a, tag)).toBe(count(main, tag));
  });
});
