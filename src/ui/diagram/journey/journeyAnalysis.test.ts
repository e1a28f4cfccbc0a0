import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../tokens/tokens.ts';
import {
  analyseJourney,
  costDomainOf,
  costKindOf,
  criticalChain,
  issuerHostOf,
  unionNs,
} from './journeyAnalysis.ts';
import { journeySentence, pathExplanation, sideLabel } from './journeyText.ts';

const span = (
  component: string,
  owner: string,
  category: string,
  startUs: number,
  endUs: number,
  label = category,
): SpanRecord => ({
  kind: 'span',
  component,
  owner,
  category,
  messageId: 3,
  startNs: startUs * 1000,
  endNs: endUs * 1000,
  label,
});

// Sent from h1, woken on h0, delivered at 20 µs; a completion runs alongside, an ACK after.
const JOURNEY = [
  span('h1/vm0/vcpu0', 'vm', 'syscall', 0, 2, 'send'),
  span('h1/vm0/vcpu0', 'vm', 'hypercall', 2, 3, 'EVTCHNOP_send'),
  span('h1/nic', 'hw', 'nic-tx', 3, 4),
  span('h1/wire', 'hw', 'wire', 4, 5),
  span('h1/vm0/vcpu0', 'wait', 'latency', 4, 8, 'completion wait'),
  span('h0/nic', 'hw', 'coalesce', 5, 7),
  span('h0/dom0/vcpu0', 'wait', 'latency', 7, 10, 'IRQ wait'),
  span('h0/dom0/vcpu0', 'dom0', 'wakeup', 10, 12, 'IRQ wake'),
  span('h0/dom0/vcpu0', 'dom0', 'driver', 12, 13),
  span('h0/vm0/vcpu0', 'vm', 'syscall', 14, 20, 'recv'),
  span('h0/vm0/vcpu0', 'vm', 'tcpip', 20, 23, 'TCP ACK transmit'),
];

describe('analyseJourney', () => {
  const a = analyseJourney({ spans: JOURNEY.slice().reverse(), arrivedNs: 20_000 });
  const critical = a.rows.filter((r) => r.critical).map((r) => r.span.label);

  it('finds the chain that ends at the arrival, and leaves out what ran alongside or after', () => {
    expect(critical).toEqual([
      'send',
      'EVTCHNOP_send',
      'nic-tx',
      'wire',
      'coalesce',
      'IRQ wait',
      'IRQ wake',
      'driver',
      'recv',
    ]);
    expect(a.endToEndUs).toBe(20);
    expect(a.gapUs).toBe(1); // 13 → 14: nothing of the message ran
    expect(a.criticalUs).toBe(19);
    expect(a.parallelUs).toBe(4);
    expect(a.afterUs).toBe(3);
    expect(a.sumUs).toBe(26);
    expect(a.busyUnionUs).toBe(19);
  });

  it('splits the critical path by kind, domain and family, each adding up to end to end', () => {
    const kinds = Object.fromEntries(a.byKind.map((k) => [k.key, k.us]));
    expect(kinds).toEqual({ wait: 3, signal: 3, coalesce: 2, cpu: 9, nic: 1, wire: 1, gap: 1 });
    const domains = Object.fromEntries(a.byDomain.map((k) => [k.key, k.us]));
    expect(domains).toEqual({ vm: 8, xen: 6, dom0: 1, nic: 3, net: 1, gap: 1 });
    expect(a.byFamily.map((f) => [f.key, f.us])).toEqual(
      [
        ['notify', 8],
        ['work', 9],
        ['move', 2],
        ['gap', 1],
      ].sort((x, y) => (y[1] as number) - (x[1] as number)),
    );
  });

  it('names the sides from the issuing host, and groups consecutive stages of one domain on one host', () => {
    expect(issuerHostOf(JOURNEY)).toBe(1);
    expect(a.rows[0].side).toBe('issuer');
    expect(a.rows.find((r) => r.span.label === 'recv')!.side).toBe('target');
    expect(a.rows.find((r) => r.span.category === 'wire')!.side).toBe('between');
    const lanes = a.groups.map((g) => `${g.critical ? 'C' : '-'} ${g.host ?? ''} ${g.lane} ${g.rows.length}`);
    expect(lanes).toEqual([
      'C 1 guest VM 2',
      'C 1 NIC 1',
      'C 1 wire 1',
      'C 0 NIC 1',
      'C 0 Dom0 3',
      'C 0 guest VM 1',
      '- 1 guest VM 1',
      '- 0 guest VM 1',
    ]);
  });

  it('says it in a sentence led by the largest family, and explains the sum against the latency', () => {
    expect(journeySentence(a)).toBe(
      'CPU work on the message: 9.00 of 20.0 µs; wake-ups, IPIs and interrupt coalescing 8.00 µs; NIC, DMA and wire 2.00 µs; queueing 1.00 µs.',
    );
    expect(pathExplanation(a)).toBe(
      '26.0 µs of work and waiting: 19.0 on the critical path + 1.00 queued (= end to end), 4.00 alongside it, 3.00 after the arrival.',
    );
  });

  it('follows a message in flight up to its latest stage', () => {
    const inFlight = analyseJourney({ spans: JOURNEY.slice(0, 4), arrivedNs: null });
    expect(inFlight.arrived).toBe(false);
    expect(inFlight.endToEndUs).toBe(5);
    expect(journeySentence(inFlight)).toContain('of 5.00 µs so far');
  });

  it('is empty for no spans', () => {
    const none = analyseJourney({ spans: [], arrivedNs: null });
    expect(none.rows).toEqual([]);
    expect(journeySentence(none)).toBe('');
  });
});

describe('the pieces', () => {
  it('classifies waits, hardware, signalling and other CPU work', () => {
    expect(costKindOf({ owner: 'wait', category: 'latency' })).toBe('wait');
    expect(costKindOf({ owner: 'hw', category: 'dma' })).toBe('nic');
    expect(costKindOf({ owner: 'hw', category: 'coalesce' })).toBe('coalesce');
    expect(costKindOf({ owner: 'dom0', category: 'events' })).toBe('signal');
    expect(costKindOf({ owner: 'dom0', category: 'grant-copy' })).toBe('cpu');
    expect(costDomainOf({ component: 'h0/dom0/vcpu1', owner: 'dom0', category: 'grant-copy' })).toBe('xen');
    expect(costDomainOf({ component: 'h0/dom0/vcpu1', owner: 'dom0', category: 'netback' })).toBe('dom0');
  });

  it('prefers, among stages that end together, the one on the same resource', () => {
    const spans = [
      span('h0/dom0/vcpu0', 'dom0', 'driver', 0, 5, 'other vCPU'),
      span('h0/dom0/vcpu1', 'dom0', 'driver', 0, 5, 'same vCPU'),
      span('h0/dom0/vcpu1', 'dom0', 'netback', 5, 6),
    ];
    const chain = [...criticalChain(spans, 6_000)].map((i) => spans[i].label);
    expect(chain).toEqual(['netback', 'same vCPU']);
  });

  it('measures the union of overlapping intervals, clipped', () => {
    expect(
      unionNs([span('a', 'vm', 'x', 0, 2), span('a', 'vm', 'x', 1, 3), span('a', 'vm', 'x', 5, 9)], 0, 7_000),
    ).toBe(5_000);
  });

  it('names a READ’s issuer the receiver of the data', () => {
    expect(sideLabel('issuer', 'write')).toBe('sender');
    expect(sideLabel('issuer', 'read')).toBe('receiver');
    expect(sideLabel('target', 'read')).toBe('sender');
  });
});
