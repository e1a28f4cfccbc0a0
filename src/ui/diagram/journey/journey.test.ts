import { describe, expect, it } from 'vitest';
import { journeyRows, journeySummary } from './journey.ts';
import { PV_TCP_STAGES, sampleJourney, ZERO_COPY_STAGES } from '../testing/sampleJourneys.ts';
import type { SpanRecord } from '../tokens/tokens.ts';

describe('journeyRows', () => {
  it('lists the stages in order with offsets and durations in µs that add up', () => {
    const spans = sampleJourney(ZERO_COPY_STAGES, 5, 1_000_000);
    const rows = journeyRows(spans.slice().reverse());
    expect(rows).toHaveLength(spans.length);
    expect(rows[0]).toMatchObject({
      label: 'ioctl',
      startUs: 0,
      durationUs: 1,
      domain: 'guest VM',
      host: 0,
      station: 'app',
    });
    for (let i = 1; i < rows.length; i++) expect(rows[i].startUs).toBeGreaterThanOrEqual(rows[i - 1].startUs);
    const sum = rows.reduce((a, r) => a + r.durationUs, 0);
    const expected = spans.reduce((a, s) => a + (s.endNs - s.startNs), 0) / 1_000;
    expect(sum).toBeCloseTo(expected, 9);
    // Back to back: the stages fill the journey exactly.
    const { totalUs, sumUs } = journeySummary(spans);
    expect(sumUs).toBeCloseTo(totalUs, 9);
  });

  it('gives the poster’s 28 µs for the framework and 77 µs over TCP for the sample journeys', () => {
    expect(Math.round(journeySummary(sampleJourney(ZERO_COPY_STAGES, 1)).totalUs)).toBe(28);
    expect(Math.round(journeySummary(sampleJourney(PV_TCP_STAGES, 1)).totalUs)).toBe(77);
  });

  it('names who did the work, Xen for the domain that trapped into it', () => {
    const rows = journeyRows(sampleJourney(ZERO_COPY_STAGES, 1));
    const by = (label: string) => rows.find((r) => r.label === label)!;
    expect(by('EVTCHNOP_send (b₁)').domain).toBe('Xen (guest VM)');
    expect(by('wake Dom0 (latency)').domain).toBe('waiting');
    expect(by('NIC receives')).toMatchObject({ domain: 'hardware', host: 1, categoryLabel: 'NIC receive' });
    expect(by('BE_RX')).toMatchObject({ domain: 'Dom0', category: 'backend', categoryLabel: 'HPC backend' });
  });

  it('counts overlapping stages in the sum but not twice in the total', () => {
    const s = (startNs: number, endNs: number): SpanRecord => ({
      kind: 'span',
      component: 'h0/nic',
      owner: 'hw',
      category: 'dma',
      messageId: 1,
      startNs,
      endNs,
      label: 'dma',
    });
    const { totalUs, sumUs, rows } = journeySummary([s(0, 2_000), s(1_000, 3_000), s(5_000, 6_000)]);
    expect(rows.map((r) => r.startUs)).toEqual([0, 1, 5]);
    expect(totalUs).toBe(6);
    expect(sumUs).toBe(5);
  });

  it('is empty for no spans', () => {
    expect(journeyRows([])).toEqual([]);
    expect(journeySummary([])).toEqual({ rows: [], totalUs: 0, sumUs: 0 });
  });
});
