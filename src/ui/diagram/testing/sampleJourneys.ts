import type { SpanRecord } from '../tokens/tokens.ts';

/**
 * Hand-made journeys of one small RDMA write (64 B), stage by stage after reference/cost-model.md §4.1
 * (the framework, ≈ 28 µs) and §4.2 (Xen PV TCP, ≈ 77 µs). For tests and for showing the diagram and
 * the waterfall before a run exists; the simulation's own traces replace them.
 */
type Stage = readonly [component: string, owner: string, category: string, us: number, label: string];

export const PV_TCP_STAGES: readonly Stage[] = [
  ['h0/vm0/vcpu0', 'vm', 'syscall', 0.5, 'writev'],
  ['h0/vm0/vcpu0', 'vm', 'copy', 0.52, 'copy_from_user'],
  ['h0/vm0/vcpu0', 'vm', 'tcpip', 4.0, 'tcp_sendmsg'],
  ['h0/vm0/vcpu0', 'vm', 'netfront', 0.6, 'xennet_start_xmit'],
  ['h0/vm0/vcpu0', 'vm', 'hypercall', 0.4, 'EVTCHNOP_send'],
  ['h0/dom0/vcpu0', 'wait', 'latency', 3.0, 'wake Dom0 (latency)'],
  ['h0/dom0/vcpu0', 'dom0', 'wakeup', 2.0, 'wake Dom0 vCPU'],
  ['h0/dom0/vcpu0', 'dom0', 'wakeup', 4.0, 'wake netback kthread'],
  ['h0/dom0/vcpu0', 'dom0', 'netback', 1.7, 'NB_TX'],
  ['h0/dom0/vcpu0', 'dom0', 'grant-copy', 0.93, 'GNTTABOP_copy'],
  ['h0/dom0/vcpu0', 'dom0', 'bridge', 0.8, 'bridge'],
  ['h0/dom0/vcpu0', 'dom0', 'driver', 0.8, 'DRV_TX + doorbell'],
  ['h0/nic', 'hw', 'nic-tx', 1.0, 'NIC fetches descriptor'],
  ['h0/dma-tx', 'hw', 'dma', 0.5, 'DMA from memory'],
  ['h0/wire', 'hw', 'wire', 1.26, 'wire'],
  ['h1/nic', 'hw', 'nic-rx', 0.6, 'NIC receives'],
  ['h1/dma-rx', 'hw', 'dma', 0.5, 'DMA to memory'],
  ['h1/nic', 'hw', 'coalesce', 2.0, 'interrupt coalescing'],
  ['h1/dom0/vcpu0', 'wait', 'latency', 3.0, 'IRQ wake (latency)'],
  ['h1/dom0/vcpu0', 'dom0', 'irq', 3.5, 'IRQ via Xen'],
  ['h1/dom0/vcpu0', 'dom0', 'driver', 0.6, 'DRV_RX'],
  ['h1/dom0/vcpu0', 'dom0', 'bridge', 0.8, 'bridge'],
  ['h1/dom0/vcpu1', 'dom0', 'wakeup', 9.4, 'wake netback (other vCPU)'],
  ['h1/dom0/vcpu1', 'dom0', 'netback', 1.5, 'NB_RX'],
  ['h1/dom0/vcpu1', 'dom0', 'grant-copy', 0.93, 'GNTTABOP_copy'],
  ['h1/dom0/vcpu1', 'dom0', 'hypercall', 0.4, 'EVTCHNOP_send'],
  ['h1/vm0/vcpu0', 'wait', 'latency', 3.0, 'wake guest (latency)'],
  ['h1/vm0/vcpu0', 'vm', 'wakeup', 2.0, 'wake guest vCPU'],
  ['h1/vm0/vcpu0', 'vm', 'netfront', 1.2, 'NF_RX'],
  ['h1/vm0/vcpu0', 'vm', 'tcpip', 3.0, 'TCP rx'],
  ['h1/vm0/vcpu0', 'vm', 'wakeup', 9.4, 'wake progress thread'],
  ['h1/vm0/vcpu0', 'vm', 'syscall', 2.0, '2 × recv'],
  ['h1/vm0/vcpu0', 'vm', 'copy', 0.52, 'copy_to_user'],
  ['h1/vm0/vcpu0', 'vm', 'wakeup', 10.4, 'futex wake app'],
];

export const ZERO_COPY_STAGES: readonly Stage[] = [
  ['h0/vm0/vcpu0', 'vm', 'syscall', 1.0, 'ioctl'],
  ['h0/vm0/vcpu0', 'vm', 'frontend', 0.8, 'FE_REQ'],
  ['h0/vm0/vcpu0', 'vm', 'hypercall', 0.4, 'EVTCHNOP_send (b₁)'],
  ['h0/dom0/vcpu0', 'wait', 'latency', 3.0, 'wake Dom0 (latency)'],
  ['h0/dom0/vcpu0', 'dom0', 'wakeup', 2.0, 'wake Dom0 vCPU'],
  ['h0/dom0/vcpu0', 'dom0', 'backend', 2.0, 'BE_REQ + BE_FRAME'],
  ['h0/dom0/vcpu0', 'dom0', 'driver', 0.8, 'DRV_TX (c₁)'],
  ['h0/nic', 'hw', 'nic-tx', 1.0, 'NIC fetches descriptor'],
  ['h0/dma-tx', 'hw', 'dma', 0.57, 'DMA from app pages (d₁)'],
  ['h0/wire', 'hw', 'wire', 1.12, 'wire'],
  ['h1/nic', 'hw', 'nic-rx', 0.6, 'NIC receives'],
  ['h1/dma-rx', 'hw', 'dma', 0.47, 'DMA to memory'],
  ['h1/nic', 'hw', 'coalesce', 2.0, 'interrupt coalescing'],
  ['h1/dom0/vcpu0', 'wait', 'latency', 3.0, 'IRQ wake (latency)'],
  ['h1/dom0/vcpu0', 'dom0', 'irq', 3.5, 'IRQ via Xen'],
  ['h1/dom0/vcpu0', 'dom0', 'driver', 0.6, 'DRV_RX'],
  ['h1/dom0/vcpu0', 'dom0', 'backend', 1.9, 'BE_RX'],
  ['h1/dom0/vcpu0', 'dom0', 'copy', 0.11, 'place 64 B'],
  ['h1/dom0/vcpu0', 'dom0', 'hypercall', 0.4, 'EVTCHNOP_send'],
  ['h1/vm0/vcpu0', 'vm', 'events', 1.5, 'upcall'],
  ['h1/vm0/vcpu0', 'vm', 'frontend', 0.5, 'FE_EVT'],
  ['h1/vm0/vcpu0', 'vm', 'syscall', 0.5, 'completion polled'],
];

/** One message's spans, back to back from `startNs` (integer ns). */
export function sampleJourney(stages: readonly Stage[], messageId: number, startNs = 0): SpanRecord[] {
  const out: SpanRecord[] = [];
  let t = startNs;
  for (const [component, owner, category, us, label] of stages) {
    const d = Math.round(us * 1_000);
    out.push({ kind: 'span', component, owner, category, messageId, startNs: t, endNs: t + d, label });
    t += d;
  }
  return out;
}
