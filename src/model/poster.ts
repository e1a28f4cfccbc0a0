import type { Mode } from './types.ts';

/**
 * What the poster states, for display beside the model's figures only. Nothing in the simulation
 * reads these numbers: they are the targets the model is compared against.
 */
export const POSTER = {
  /** "An RDMA message over TCP sockets takes 77μsec to cross the network whereas over our framework takes 28μsec." */
  latencyUs: { 'pv-tcp': 77, 'zero-copy': 28 } as Record<string, number>,
  /** "its performance is limited to 416MiB/sec" (Xen's virtual Ethernet in pktgen). */
  vifCapMiBps: 416,
  vifCapFrameBytes: 1514,
  /** The path that cap belongs to: a VM's traffic through Xen's virtual Ethernet. */
  vifCapMode: 'pv-tcp' as Mode,
  /** The two paths the throughput, latency and CPU figures compare: TCP in a VM and the framework. */
  comparedModes: ['pv-tcp', 'zero-copy'] as readonly Mode[],
} as const;
