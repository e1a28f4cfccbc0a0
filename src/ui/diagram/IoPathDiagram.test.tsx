import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IoPathDiagram } from './IoPathDiagram.tsx';
import type { LiveState } from './live.ts';
import { MODES } from '../../model/types.ts';
import { PV_TCP_STAGES, sampleJourney } from './testing/sampleJourneys.ts';
import { TokenCanvas } from './tokens/TokenCanvas.tsx';
import { Waterfall } from './journey/Waterfall.tsx';

const LIVE: LiveState = {
  cpuBusy: {
    'h0/vm0/vcpu0': 0.82,
    'h0/dom0/vcpu0': 0.37,
    'h0/dom0/vcpu1': 0.05,
    'h1/dom0/vcpu0': Number.NaN,
    'h0/linux/vcpu0': 0.5,
  },
  rings: { 'h0/vm0/tx-ring': { used: 37, slots: 256 }, 'h0/nic/tx-ring': { used: 3, slots: 0 } },
  evtchnPending: { 'h0/dom0': true, 'h1/vm0': false },
  dmaActive: { 'h0/dma-tx': true, 'h1/dma-rx': false },
  iotlb: { h0: 'hit', h1: 'miss' },
};

/** Every attribute value of the markup. */
const attributes = (html: string) =>
  [...html.matchAll(/\s([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]] as const);

const render = (
  mode: (typeof MODES)[number],
  width: number,
  height: number,
  vmsPerHost: number,
  live?: LiveState,
) =>
  renderToStaticMarkup(
    <IoPathDiagram width={width} height={height} mode={mode} vmsPerHost={vmsPerHost} live={live} />,
  );

describe('IoPathDiagram', () => {
  it('renders every mode without NaN, Infinity or undefined in any attribute', () => {
    for (const mode of MODES) {
      for (const [w, h, vms] of [
        [900, 520, 1],
        [1400, 760, 16],
        [320, 200, 4],
      ]) {
        const html = render(mode, w, h, vms, LIVE);
        // One expect per diagram: thousands of attributes each.
        const bad = attributes(html).filter(([, value]) => /NaN|Infinity|undefined|null/.test(value));
        expect(bad, `${mode} ${w}×${h}`).toEqual([]);
      }
    }
  });

  it('marks the mode on the root and the stations the path uses', () => {
    const pv = render('pv-tcp', 1000, 560, 2);
    const zc = render('zero-copy', 1000, 560, 2);
    expect(pv).toMatch(/^<svg[^>]* data-mode="pv-tcp"/);
    expect(zc).toMatch(/^<svg[^>]* data-mode="zero-copy"/);
    const used = (html: string, station: string, host: number) =>
      new RegExp(
        `data-host="${host}" data-place="[a-z0-9]+" data-station="${station}" data-used="(true|false)"`,
      ).exec(html)?.[1];
    expect(used(pv, 'netfront', 0)).toBe('true');
    expect(used(zc, 'netfront', 0)).toBe('false');
    expect(used(pv, 'frontend', 0)).toBe('false');
    expect(used(zc, 'frontend', 0)).toBe('true');
    expect(used(pv, 'grant', 1)).toBe('true');
    expect(used(zc, 'iotlb', 0)).toBe('true');
    expect(zc).toContain('data-arrow="b1"');
    expect(zc).toContain('data-arrow="d1"');
    expect(pv).not.toContain('data-arrow=');
  });

  it('draws live values with their units', () => {
    const html = render('zero-copy', 1400, 760, 1, LIVE);
    expect(html).toContain('vCPU0 82 %');
    expect(html).toContain('vCPU1 5 %');
    expect(html).toMatch(/TX( ring)? 37\/256/);
    expect(html).toContain('1 pending');
    expect(html).toContain('0 pending');
    expect(html).toContain('>hit<');
    expect(html).toContain('miss: map');
    expect(html).toMatch(/data-readout="dma" data-host="0"><g data-on="true">/);
    // A CPU with no value says so instead of printing NaN.
    expect(html).toContain('vCPU0 – %');
    expect(render('zero-copy', 1400, 760, 1)).not.toContain('pending');
  });

  it('is large enough to read: labels of at least 14 px at 1366×768', () => {
    const html = render('pv-tcp', 900, 520, 16, LIVE);
    const sizes = [...html.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  });
});

describe('Waterfall', () => {
  it('shows each stage and the total in µs', () => {
    const spans = sampleJourney(PV_TCP_STAGES, 1);
    const html = renderToStaticMarkup(<Waterfall spans={spans} title="pv-tcp" />);
    expect(html).toContain('76.8 µs end to end');
    expect(html.match(/<tr data-category=/g)).toHaveLength(spans.length);
    expect(html).toContain('GNTTABOP_copy');
    for (const [name, value] of attributes(html)) expect(value, name).not.toMatch(/NaN|Infinity|undefined/);
    expect(renderToStaticMarkup(<Waterfall spans={[]} />)).toContain('No spans');
  });
});

describe('TokenCanvas', () => {
  it('is a canvas laid over the diagram that ignores the pointer', () => {
    const html = renderToStaticMarkup(<TokenCanvas width={900} height={520} />);
    expect(html).toMatch(
      /^<canvas[^>]*style="position:absolute;left:0;top:0;width:900px;height:520px;pointer-events:none"/,
    );
  });
});
