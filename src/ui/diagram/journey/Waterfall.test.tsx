import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PV_TCP_STAGES, sampleJourney } from '../testing/sampleJourneys.ts';
import { Waterfall } from './Waterfall.tsx';

describe('Waterfall', () => {
  const spans = sampleJourney(PV_TCP_STAGES, 1);
  const html = renderToStaticMarkup(<Waterfall spans={spans} title="pv-tcp" scaleUs={100} />);

  it('leads with the total, the sentence and the totals by kind and by domain', () => {
    const order = [
      'waterfall-total',
      'journey-sentence',
      'journey-by-kind',
      'journey-by-domain',
      'journey-paths',
    ];
    const at = order.map((id) => html.indexOf(`data-testid="${id}"`));
    for (const i of at) expect(i).toBeGreaterThan(0);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(html).toContain('sender h0 → receiver h1');
  });

  it('groups the stages into rows that hide their stages until opened', () => {
    const groups = html.match(/<tbody data-group=/g)!.length;
    expect(groups).toBeLessThan(spans.length / 2);
    expect(html.match(/<tr data-category="[^"]*" data-owner="[^"]*" hidden=""/g)).toHaveLength(spans.length);
  });

  it('draws the time axis to the given scale, so two journeys compare', () => {
    expect(html).toContain('100 µs</span>');
    // The by-kind bar covers the journey's share of the scale: 76.8 of 100 µs.
    const widths = [
      ...html
        .split('data-testid="journey-by-kind"')[1]
        .split('data-testid="journey-by-domain"')[0]
        .matchAll(/width:([\d.]+)%/g),
    ].map((m) => Number(m[1]));
    expect(widths.reduce((a, w) => a + w, 0)).toBeCloseTo(76.8, 0);
  });
});
