import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../engine/trace.ts';
import { chunks } from '../hw/frame.ts';
import { createRun, runScenario } from '../run.ts';
import type { Scenario } from '../types.ts';
import { scenario } from './helpers.ts';

const MiB = 1 << 20;

/** A traced run to its end, and its spans. */
function traced(over: Partial<Scenario>) {
  const run = createRun(scenario({ traceCapacity: 400_000, ...over }));
  run.sim.run();
  const spans = run.sim.trace.records().filter((r): r is SpanRecord => r.kind === 'span');
  return { run, spans, result: run.result() };
}

// No warm-up: the counts below are of exactly the messages the tests name.
const stream = (over: Partial<Scenario> = {}) =>
  scenario({
    mode: 'pv-tcp',
    workload: 'stream',
    sizeBytes: MiB,
    window: 8,
    messages: 6,
    warmupMessages: 0,
    ...over,
  });

describe('TCP acknowledgements as frames', () => {
  it('pv-tcp streaming keeps the reverse wire busy with ACKs, one per two full segments', () => {
    const { run, result: r } = traced(stream());
    // Host 1 only receives data: everything its uplink sends is an ACK.
    expect(run.topology.hosts[1].uplink.busyNs).toBeGreaterThan(0);
    const segments = r.counters.messagesIssued * Math.ceil((MiB + 32) / 1448);
    expect(r.counters.frames - r.counters.tcpAcks).toBe(segments);
    // One ACK per two MSS-sized segments, plus at most one for each message's pushed tail.
    expect(r.counters.tcpAcks).toBeGreaterThanOrEqual(Math.floor(segments / 2));
    expect(r.counters.tcpAcks).toBeLessThanOrEqual(Math.ceil(segments / 2) + r.counters.messagesIssued);
  });

  it("charges an ACK's way to the receiver's guest and Dom0, and its arrival to the sender's", () => {
    const { spans } = traced(stream({ messages: 2 }));
    const on = (component: string, label: string) =>
      spans.filter((s) => s.component.startsWith(component) && s.label.startsWith(label));
    // Receiving host (h1): the guest builds and queues ACKs; its Dom0 sends frames, which only ACKs are.
    expect(on('h1/vm0/', 'TCP ACK transmit').every((s) => s.owner === 'vm' && s.category === 'tcpip')).toBe(
      true,
    );
    expect(on('h1/vm0/', 'TCP ACK transmit').length).toBeGreaterThan(0);
    expect(on('h1/vm0/', 'netfront xmit (ACK)').every((s) => s.category === 'netfront')).toBe(true);
    for (const [label, category] of [
      ['netback TX', 'netback'],
      ['GNTTABOP_copy guest → Dom0', 'grant-copy'],
      ['bridge → eth0', 'bridge'],
      ['driver xmit', 'driver'],
    ] as const) {
      const found = on('h1/dom0/', label);
      expect(found.length, label).toBeGreaterThan(0);
      expect(found.every((s) => s.owner === 'dom0' && s.category === category)).toBe(true);
    }
    // Sending host (h0): its Dom0 receives frames (only ACKs come back) and its guest processes them.
    for (const [label, category] of [
      ['IRQ handler', 'irq'],
      ['driver RX', 'driver'],
      ['bridge → vif', 'bridge'],
      ['netback RX', 'netback'],
      ['GNTTABOP_copy Dom0 → guest', 'grant-copy'],
    ] as const) {
      const found = on('h0/dom0/', label);
      expect(found.length, label).toBeGreaterThan(0);
      expect(found.every((s) => s.owner === 'dom0' && s.category === category)).toBe(true);
    }
    expect(on('h0/vm0/', 'netfront RX').length).toBeGreaterThan(0);
    expect(on('h0/vm0/', 'TCP ACK receive').every((s) => s.owner === 'vm' && s.category === 'tcpip')).toBe(
      true,
    );
  });

  it('native and dom0 acknowledge per GRO batch, through the host stack', () => {
    for (const mode of ['native', 'dom0'] as const) {
      const { run, result: r } = traced(stream({ mode, messages: 4 }));
      expect(run.topology.hosts[1].uplink.busyNs, mode).toBeGreaterThan(0);
      const frames = r.counters.frames - r.counters.tcpAcks;
      // ~44 frames per GRO'd skb: far fewer ACKs than one per two frames.
      expect(r.counters.tcpAcks, mode).toBeLessThan(frames / 20);
      expect(r.counters.tcpAcks, mode).toBeGreaterThanOrEqual(r.counters.messagesIssued);
    }
  });
});

describe('the window from the socket buffers', () => {
  it('never lets un-acknowledged bytes exceed the window, and blocks the writer when full', () => {
    for (const tcpWindowBytes of [131_072, 262_144]) {
      const r = runScenario(stream({ params: { tcpWindowBytes } }));
      expect(r.counters.tcpMaxInFlightBytes).toBeLessThanOrEqual(tcpWindowBytes);
      expect(r.counters.tcpMaxInFlightBytes).toBeGreaterThan(tcpWindowBytes / 2);
      expect(r.counters.tcpWindowStalls).toBeGreaterThan(0);
    }
  });

  it('bounds what native TCP puts in flight when the wire is the bottleneck', () => {
    const r = runScenario(stream({ mode: 'native', messages: 12 }));
    expect(r.counters.tcpMaxInFlightBytes).toBeLessThanOrEqual(4 * MiB);
    expect(r.counters.tcpWindowStalls).toBeGreaterThan(0);
  });
});

describe('netback batching and queues', () => {
  it('copies what is pending in one GNTTABOP_copy, up to nbCopyOps', () => {
    for (const nbCopyOps of [64, 256]) {
      const r = runScenario(
        scenario({
          mode: 'pv-tcp',
          workload: 'pktgen',
          sizeBytes: 1514,
          messages: 3000,
          params: { nbCopyOps },
        }),
      );
      expect(r.counters.grantCopyMaxOpsPerCall).toBeLessThanOrEqual(nbCopyOps);
      // The ring is full under pktgen: batches are far larger than the old fixed 8.
      expect(r.counters.grantCopyOps / r.counters.grantCopyHypercalls).toBeGreaterThan(8);
    }
  });

  it('a single packet pending is copied alone (no waiting for a batch)', () => {
    const r = runScenario(scenario({ mode: 'pv-tcp', workload: 'pingpong', messages: 5 }));
    expect(r.counters.grantCopyMaxOpsPerCall).toBe(1);
  });

  it('stops only the vif whose guest RX ring is full; the thread goes on with the others', () => {
    // One vCPU per guest makes the receiving guests slow enough for their RX rings to fill.
    const params = { vmVcpus: 1, vifRingSlots: 32 };
    const one = runScenario(stream({ params }));
    const two = runScenario(stream({ pairs: 2, params }));
    expect(one.counters.vifQueueStops).toBeGreaterThan(0);
    expect(two.counters.vifQueueStops).toBeGreaterThan(0);
    expect(two.counters.messagesDelivered).toBe(two.counters.messagesIssued);
    expect(two.counters.ringsNonEmptyAtEnd).toBe(0);
    // A stopped vif does not hold up the other one: two pairs move more than one.
    expect(two.throughputMiBps).toBeGreaterThan(1.1 * one.throughputMiBps);
  });
});

describe('segmentation offload across the vif (vifGso)', () => {
  it('sends fewer, larger packets through netback per MiB, and more MiB/s', () => {
    const off = runScenario(stream());
    const on = runScenario(stream({ params: { vifGso: 1 } }));
    const perMessage = (r: typeof off, c: string) => r.counters[c] / r.counters.messagesIssued;
    expect(perMessage(on, 'netbackTxPackets')).toBeLessThan(perMessage(off, 'netbackTxPackets') / 10);
    expect(perMessage(on, 'netbackRxPackets')).toBeLessThan(perMessage(off, 'netbackRxPackets') / 10);
    expect(on.throughputMiBps).toBeGreaterThan(off.throughputMiBps);
    expect(on.counters.bytesReceived).toBe(on.counters.bytesSent);
    // The NIC still sends MSS-sized frames: TSO cuts each 64 KiB super-segment on its own.
    const framesPerMessage = chunks(MiB + 32, 65_536 - 52).reduce((n, b) => n + Math.ceil(b / 1448), 0);
    expect(on.counters.frames - on.counters.tcpAcks).toBe(on.counters.messagesIssued * framesPerMessage);
  });

  it('leaves pktgen alone (no TCP, no GSO)', () => {
    const s = scenario({ mode: 'pv-tcp', workload: 'pktgen', sizeBytes: 1514, messages: 2000 });
    const off = runScenario(s);
    const on = runScenario({ ...s, params: { vifGso: 1 } });
    expect(on.throughputMiBps).toBe(off.throughputMiBps);
  });
});

describe('copy per segment, overlapped with transmission', () => {
  it('the first segment reaches netback before the sender has copied the whole message', () => {
    const { spans } = traced({
      mode: 'pv-tcp',
      workload: 'pingpong',
      sizeBytes: 65_536,
      messages: 1,
      warmupMessages: 0,
    });
    const copies = spans.filter((s) => s.component.startsWith('h0/vm0/') && s.label === 'copy_from_user');
    expect(copies.length).toBe(Math.ceil((65_536 + 32) / 1448));
    const lastCopyEnd = Math.max(...copies.map((s) => s.endNs));
    const firstNetback = Math.min(
      ...spans
        .filter((s) => s.component.startsWith('h0/dom0/') && s.category === 'netback')
        .map((s) => s.startNs),
    );
    expect(firstNetback).toBeLessThan(lastCopyEnd);
  });
});

describe('determinism', () => {
  it('the same scenario with ACKs, windows and GSO gives the same result, bit for bit', () => {
    for (const params of [{}, { vifGso: 1, tcpWindowBytes: 131_072 }] as Record<string, number>[]) {
      const s = stream({ pairs: 2, messages: 3, params: { ...params, jitterPct: 10 } });
      expect(JSON.stringify(runScenario(s))).toBe(JSON.stringify(runScenario(s)));
    }
  });
});
