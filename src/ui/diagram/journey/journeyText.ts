import type { Op } from '../../../model/types.ts';
import type { JourneyAnalysis, Side } from './journeyAnalysis.ts';

/** µs with two decimals below 10 µs, one below 100 µs, none above: enough for stages of 0.1–100 µs. */
export function formatUs(us: number): string {
  if (!Number.isFinite(us)) return '–';
  const a = Math.abs(us);
  return a < 10 ? us.toFixed(2) : a < 100 ? us.toFixed(1) : us.toFixed(0);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The journey in one sentence, from its critical path: the largest family of costs with its share
 * of the end-to-end time, then the others, e.g. "Wake-ups, IPIs and interrupt coalescing: 50.0 of
 * 76.8 µs; CPU work on the message 20.1 µs; NIC, DMA and wire 6.7 µs."
 */
export function journeySentence(a: JourneyAnalysis): string {
  const [top, ...rest] = a.byFamily;
  if (!top) return '';
  const whole = a.arrived ? `${formatUs(a.endToEndUs)} µs` : `${formatUs(a.endToEndUs)} µs so far`;
  const head = `${capitalise(top.label)}: ${formatUs(top.us)} of ${whole}`;
  return [head, ...rest.map((f) => `${f.label} ${formatUs(f.us)} µs`)].join('; ') + '.';
}

/**
 * Why the stages add up to more than the latency: the critical path is the latency; the rest ran
 * alongside it or after the arrival. E.g. "131 µs of work and waiting: 76.8 on the critical path
 * (= end to end), 20.1 alongside it, 34.1 after the arrival."
 */
export function pathExplanation(a: JourneyAnalysis): string {
  if (a.rows.length === 0) return '';
  const gap = a.gapUs >= 0.005 ? ` + ${formatUs(a.gapUs)} queued` : '';
  const parts = [
    `${formatUs(a.criticalUs)} on the critical path${gap} (= ${a.arrived ? 'end to end' : 'so far'})`,
  ];
  if (a.parallelUs > 0) parts.push(`${formatUs(a.parallelUs)} alongside it`);
  if (a.afterUs > 0) parts.push(`${formatUs(a.afterUs)} after the arrival`);
  return `${formatUs(a.sumUs)} µs of work and waiting: ${parts.join(', ')}.`;
}

/**
 * Which end a side is, in the words of the operation: a WRITE's issuer sends the data, a READ's
 * issuer receives it (the target sends it back).
 */
export function sideLabel(side: Side, op: Op): string {
  if (side === 'between') return 'between';
  const issuerSends = op === 'write';
  return (side === 'issuer') === issuerSends ? 'sender' : 'receiver';
}
