import { describe, expect, it } from 'vitest';
import { buildCosts } from '../costs.ts';
import { defaultParams } from '../params.ts';
import { MODES } from '../types.ts';
import { oneMessage } from './helpers.ts';

/**
 * With one message and nothing else running, a path's latency is the sum of its stages. The lists
 * below are the stages of cost-model §4 in the model's own costs; the simulation must add up to
 * them to the nanosecond (so no stage is lost, doubled, or overlapped by mistake).
 */
const c = buildCosts(defaultParams());
const ns = c.ns;
const wireNs = (bytes: number) => Math.round((bytes * 8) / 10); // 10 Gb/s: 0.8 ns per byte
const hdr = 32;
const blockedVcpu = ns.vcpuWake; // stall + CPU part
const threadWake = ns.wakeThread;
const crossVcpuWake = ns.hcall + ns.vcpuWake + ns.wakeThread;
const miss = ns.gntMap + ns.gntMapPage; // first use of a one-page buffer: IOTLB miss

describe('one message, no contention: latency = sum of the stage costs', () => {
  it('zero-copy RDMA WRITE of 64 B (cost-model §4.1, plus two first-use registrations)', () => {
    const frame = 64 + hdr + 14;
    const expected = [
      ns.sysPv,
      ns.feReq,
      ns.hcall, // guest: ioctl, request, EVTCHNOP_send (b₁)
      blockedVcpu, // Xen wakes the blocked Dom0 vCPU
      ns.beReq,
      miss,
      ns.beFrame,
      ns.drvTx,
      ns.doorbell, // backend, IOTLB, c₁, doorbell
      ns.nicTx,
      c.dmaNs(frame),
      wireNs(frame + 24),
      ns.prop, // d₁ DMA and the wire
      ns.nicRx,
      c.dmaNs(frame),
      ns.coal, // remote NIC
      blockedVcpu,
      ns.irq,
      ns.drvRx, // physical IRQ to the blocked Dom0 vCPU, NAPI
      ns.beRx,
      miss,
      ns.beFrame,
      c.copyNs(64),
      ns.hcall, // placement, event to the frontend
      ns.upcall,
      ns.feEvt,
      ns.appPoll, // the polling guest notices
    ].reduce((a, b) => a + b, 0);
    expect(oneMessage({ mode: 'zero-copy' }).latencyNs).toBe(expected);
  });

  it('pv-tcp RDMA WRITE of 64 B over TCP sockets (cost-model §4.2)', () => {
    const data = 64 + hdr;
    const frame = data + 52 + 14;
    const expected = [
      ns.sysPv,
      c.copyNs(data),
      ns.tcpTxCall,
      ns.tcpTxSeg,
      ns.nfTx,
      ns.hcall, // guest writev → netfront
      blockedVcpu,
      threadWake, // Dom0 vCPU, then the netback thread on it
      ns.nbTx,
      ns.gcHypercall + ns.gcOp + c.copyNs(frame),
      ns.bridge,
      ns.drvTx,
      ns.doorbell,
      ns.nicTx,
      c.dmaNs(frame),
      wireNs(frame + 24),
      ns.prop,
      ns.nicRx,
      c.dmaNs(frame),
      ns.coal,
      blockedVcpu,
      ns.irq,
      ns.drvRx,
      ns.bridge, // Dom0 vCPU0: IRQ, driver, bridge → vif
      crossVcpuWake, // netback thread on vCPU1
      ns.nbRx,
      ns.gcHypercall + ns.gcOp + c.copyNs(frame),
      ns.hcall, // copy into the guest, notify
      blockedVcpu,
      ns.nfRx,
      ns.tcpRxSeg,
      ns.tcpRxCall, // guest netfront, TCP, sk_data_ready
      crossVcpuWake, // progress thread on vCPU1
      ns.sysPv,
      ns.hdrParse,
      ns.sysPv,
      c.copyNs(data), // recv header, parse, recv payload
      crossVcpuWake,
      ns.sysPv, // futex-wake the application thread on vCPU0
    ].reduce((a, b) => a + b, 0);
    expect(oneMessage({ mode: 'pv-tcp' }).latencyNs).toBe(expected);
  });

  it('native TCP (no hypervisor, cross-core wake = IPI + thread wake)', () => {
    const data = 64 + hdr;
    const frame = data + 52 + 14;
    const crossCore = ns.ipi + ns.wakeThread;
    const expected = [
      ns.sysNat,
      c.copyNs(data),
      ns.tcpTxCall,
      ns.tcpTxSeg,
      ns.drvTx,
      ns.doorbell,
      ns.nicTx,
      c.dmaNs(frame),
      wireNs(frame + 24),
      ns.prop,
      ns.nicRx,
      c.dmaNs(frame),
      ns.coal,
      ns.irq,
      ns.drvRx,
      ns.tcpRxSeg,
      ns.tcpRxCall,
      crossCore,
      ns.sysNat,
      ns.hdrParse,
      ns.sysNat,
      c.copyNs(data),
      crossCore,
      ns.sysNat,
    ].reduce((a, b) => a + b, 0);
    expect(oneMessage({ mode: 'native' }).latencyNs).toBe(expected);
  });

  it('sr-iov: the application drives its virtual function from user space and polls its completion queue', () => {
    const frame = 64 + hdr + 14;
    const expected = [
      ns.feReq,
      ns.doorbell,
      ns.nicTx,
      c.dmaNs(frame),
      wireNs(frame + 24),
      ns.prop,
      ns.nicRx,
      c.dmaNs(frame),
      ns.appPoll,
    ].reduce((a, b) => a + b, 0);
    expect(oneMessage({ mode: 'sr-iov' }).latencyNs).toBe(expected);
  });

  it('sr-iov with srIovIrq: the completion is a coalesced interrupt Xen injects into the guest', () => {
    const frame = 64 + hdr + 14;
    const expected = [
      ns.feReq,
      ns.doorbell,
      ns.nicTx,
      c.dmaNs(frame),
      wireNs(frame + 24),
      ns.prop,
      ns.nicRx,
      c.dmaNs(frame),
      ns.coal,
      ns.upcall,
      ns.feEvt,
      ns.appPoll,
    ].reduce((a, b) => a + b, 0);
    expect(oneMessage({ mode: 'sr-iov', params: { srIovIrq: 1 } }).latencyNs).toBe(expected);
  });

  it.each(MODES)('%s: the message spans leave no unexplained gap between issue and delivery', (mode) => {
    const { latencyNs, run } = oneMessage({ mode });
    const spans = run.sim.trace
      .records()
      .filter((r) => r.kind === 'span' && r.messageId === 0)
      .map((r) => (r.kind === 'span' ? [r.startNs, r.endNs] : [0, 0]))
      .sort((a, b) => a[0] - b[0]);
    // Walk the union of spans from the issue time: it must reach the delivery time without a hole.
    let reached = 0;
    for (const [start, end] of spans) {
      if (start > reached) break;
      reached = Math.max(reached, end);
    }
    expect(reached).toBeGreaterThanOrEqual(latencyNs);
  });
});
