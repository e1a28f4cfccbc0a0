import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Waterfall, type SpanRecord } from '../diagram/index.ts';
import { journeyProgress } from './journeyProgress.ts';

const span = (category: string, startUs: number, endUs: number): SpanRecord => ({
  kind: 'span',
  component: 'h0/vm0/vcpu0',
  owner: 'vm',
  category,
  messageId: 7,
  startNs: startUs * 1000,
  endNs: endUs * 1000,
  label: category,
});

// Sent, on the wire, delivered at 40 µs, then an acknowledgement until 55 µs.
const SPANS = [span('syscall', 0, 5), span('wire', 5, 30), span('copy', 30, 40), span('tcpip', 45, 55)];

const caption = (state: Parameters<typeof journeyProgress>[0]) =>
  renderToStaticMarkup(<Waterfall spans={SPANS} progress={journeyProgress(state)} />).match(
    /data-testid="waterfall-total">([^<]*)</,
  )![1];

describe('journey headline', () => {
  it('says "in flight for" while the message is on its way, never "end to end"', () => {
    const text = caption({ endToEndNs: null, sinceStartNs: 38_400 });
    expect(text).toBe('in flight for 38.4 µs');
  });

  it('says "end to end" once it arrived, from its first stage to its arrival (not the work after)', () => {
    expect(caption({ endToEndNs: 40_000, sinceStartNs: 60_000 })).toBe('40.0 µs end to end');
  });
});
