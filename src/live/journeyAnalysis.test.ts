import { describe, expect, it } from 'vitest';
import { analyseJourney, issuerHostOf } from '../ui/diagram/journey/journeyAnalysis.ts';
import { journeySentence, pathExplanation } from '../ui/diagram/journey/journeyText.ts';
import { LiveRun } from './liveRun.ts';

/** The journey view's numbers on real runs: a 64-B ping-pong WRITE over pv-tcp and over the framework. */
const scenario = (mode: 'pv-tcp' | 'zero-copy') => ({
  mode,
  workload: 'pingpong' as const,
  op: 'write' as const,
  sizeBytes: 64,
  pairs: 1,
  window: 8,
  messages: 1,
  seed: 1,
  params: {},
});

const sum = (xs: readonly { us: number }[]) => xs.reduce((a, x) => a + x.us, 0);

describe.each(['pv-tcp', 'zero-copy'] as const)('the journey of message #1 over %s', (mode) => {
  const live = new LiveRun(scenario(mode));
  const probe = live.probe({}, 1);
  const view = probe.runToEnd();
  const a = analyseJourney(view);

  it('has arrived, and the probe ran on past the arrival to see the work after it', () => {
    expect(view.arrivedNs).not.toBeNull();
    expect(probe.nowNs).toBeGreaterThanOrEqual(view.arrivedNs! + view.endToEndNs!);
    expect(a.arrived).toBe(true);
    expect(a.endToEndUs * 1000).toBeCloseTo(view.endToEndNs!, 6);
  });

  it('was issued by the pair’s destination: in ping-pong the ends take turns', () => {
    const run = new LiveRun(scenario(mode));
    run.advanceTo(1_000_000, 10_000_000, 1_000_000);
    expect(issuerHostOf(run.journey(0).spans)).toBe(0);
    expect(issuerHostOf(run.journey(1).spans)).toBe(1);
    expect(a.rows[0].side).toBe('issuer');
    expect(a.rows.find((r) => r.span.category === 'nic-rx' && r.critical)?.side).toBe('target');
  });

  it('splits its end-to-end time exactly by kind and by domain, along the critical path', () => {
    expect(sum(a.byKind)).toBeCloseTo(a.endToEndUs, 6);
    expect(sum(a.byDomain)).toBeCloseTo(a.endToEndUs, 6);
    expect(sum(a.byFamily)).toBeCloseTo(a.endToEndUs, 6);
    expect(a.criticalUs + a.gapUs).toBeCloseTo(a.endToEndUs, 6);
    // Back to back: the chain leaves (almost) nothing unexplained, and covers every busy instant.
    expect(a.gapUs).toBeLessThan(0.05);
    expect(a.busyUnionUs).toBeCloseTo(a.endToEndUs, 1);
  });

  it('explains the stages that add up to more than the latency: alongside it or after the arrival', () => {
    expect(a.criticalUs + a.parallelUs + a.afterUs).toBeCloseTo(a.sumUs, 6);
    expect(a.sumUs).toBeGreaterThan(a.endToEndUs);
    expect(a.parallelUs + a.afterUs).toBeGreaterThan(0);
    // Every stage that started after the arrival is off the critical path.
    for (const r of a.rows) if (r.afterArrival) expect(r.critical).toBe(false);
    // The chain starts with the issuing call and ends at the arrival.
    const chain = a.rows.filter((r) => r.critical);
    expect(chain[0]).toBe(a.rows[0]);
    expect(chain[chain.length - 1].span.endNs).toBe(view.arrivedNs);
    expect(pathExplanation(a)).toContain('on the critical path');
  });

  it('names the largest family of costs first in its sentence, with its share of the total', () => {
    const top = a.byFamily[0];
    for (const f of a.byFamily) expect(top.us).toBeGreaterThanOrEqual(f.us);
    const sentence = journeySentence(a);
    expect(sentence.toLowerCase().startsWith(top.label.toLowerCase())).toBe(true);
    expect(sentence).toContain(`of ${a.endToEndUs.toFixed(1)} µs`);
  });

  it('groups its stages into far fewer rows, every stage in exactly one', () => {
    expect(a.groups.length).toBeLessThan(a.rows.length / 2.5);
    expect(a.groups.reduce((n, g) => n + g.rows.length, 0)).toBe(a.rows.length);
    for (const g of a.groups) for (const r of g.rows) expect(r.critical).toBe(g.critical);
  });
});

describe('pv-tcp against the framework, same size', () => {
  const tcp = analyseJourney(new LiveRun(scenario('pv-tcp')).probe({}, 1).runToEnd());
  const fw = analyseJourney(new LiveRun(scenario('zero-copy')).probe({}, 1).runToEnd());
  const kind = (a: typeof tcp, k: string) => a.byKind.find((x) => x.key === k)?.us ?? 0;

  it('spends most of TCP’s time being woken, and far less of it in the framework', () => {
    expect(tcp.byFamily[0].key).toBe('notify');
    expect(tcp.byFamily[0].us).toBeGreaterThan(tcp.endToEndUs / 2);
    expect(kind(fw, 'wait') + kind(fw, 'signal')).toBeLessThan(kind(tcp, 'wait') + kind(tcp, 'signal'));
    expect(fw.endToEndUs).toBeLessThan(tcp.endToEndUs / 2);
  });

  it('shows the TCP ACK as work after the arrival, which the framework does not have', () => {
    expect(tcp.rows.some((r) => r.afterArrival && /ACK/.test(r.span.label))).toBe(true);
    expect(fw.rows.some((r) => /ACK/.test(r.span.label))).toBe(false);
  });

  it('probes the other mode without touching the run on screen', () => {
    const onScreen = new LiveRun(scenario('pv-tcp'));
    onScreen.probe({ mode: 'zero-copy' }, 1).runToEnd();
    expect(onScreen.nowNs).toBe(0);
    expect(onScreen.events).toBe(0);
  });
});
