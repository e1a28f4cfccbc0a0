/**
 * The parameter schema: every model constant with its unit, default, allowed range and source.
 * The controls, the command line and docs/model.md all read this table; nothing else holds a default.
 * Defaults are calibration A of the cost model (reference: cost-model.md §2 and §4).
 */

export type ParamGroup = 'topology' | 'wire & NIC' | 'Xen' | 'guest & TCP' | 'driver domain' | 'framework';

export interface ParamSpec {
  readonly name: string;
  readonly unit: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (counts, bytes, switches). */
  readonly integer?: boolean;
  readonly group: ParamGroup;
  readonly description: string;
  /** A citation, or "assumption" with the reasoning behind the value. */
  readonly source: string;
}

const A = 'assumption (calibrated default, cost-model §2)';

export const PARAMS = [
  // topology
  { name: 'hosts', unit: 'hosts', default: 2, min: 2, max: 8, integer: true, group: 'topology', description: 'Hosts joined by one switch; pair i runs from host i mod N to host (i+1) mod N', source: 'poster: two hosts exchange RDMA writes' },
  { name: 'dom0Vcpus', unit: 'vCPUs', default: 2, min: 1, max: 4, integer: true, group: 'topology', description: 'Driver domain vCPUs, each pinned to its own core; physical IRQs on vCPU0, netback and the backend on vCPU1', source: 'assumption: the poster pins each vCPU to a core' },
  { name: 'jitterPct', unit: '%', default: 0, min: 0, max: 50, group: 'topology', description: 'Run-to-run variation of every CPU cost (coefficient of variation of a log-normal factor); the seed fixes the draws', source: 'assumption: 0 reproduces the cost table exactly' },
  { name: 'vmVcpus', unit: 'vCPUs', default: 2, min: 1, max: 4, integer: true, group: 'topology', description: 'vCPUs per guest VM: the application and interrupts on vCPU0, the benchmark\'s progress thread on vCPU1', source: A },
  // wire and NIC
  { name: 'linkGbps', unit: 'Gb/s', default: 10, min: 1, max: 100, group: 'wire & NIC', description: 'Link bit rate', source: 'IEEE 802.3 10GbE' },
  { name: 'mtuBytes', unit: 'B', default: 1500, min: 576, max: 9000, integer: true, group: 'wire & NIC', description: 'MTU of the Ethernet paths (TCP segments are MTU − 52 B: MSS 1448 at 1500)', source: 'Ethernet default; MSS = 1500 − 20 IP − 20 TCP − 12 timestamps' },
  { name: 'fwMtuBytes', unit: 'B', default: 9000, min: 1500, max: 9000, integer: true, group: 'wire & NIC', description: 'MTU of the framework paths (jumbo frames)', source: 'Xen2MX README.xen uses MTU 9000' },
  { name: 'propUs', unit: 'µs', default: 1.0, min: 0.05, max: 5, group: 'wire & NIC', description: 'Cable and switch propagation (cut-through)', source: A },
  { name: 'pcieGBps', unit: 'GB/s', default: 1.6, min: 0.5, max: 16, group: 'wire & NIC', description: 'PCIe DMA bandwidth per direction', source: 'PCIe gen1 x8: 1.4–1.6 GB/s realistic DMA (Oracle blog, expected PCIe bandwidth)' },
  { name: 'nicTxUs', unit: 'µs', default: 1.5, min: 0.5, max: 3, group: 'wire & NIC', description: 'NIC descriptor and payload fetch latency per frame (pipelined)', source: A },
  { name: 'nicRxUs', unit: 'µs', default: 1.0, min: 0.2, max: 3, group: 'wire & NIC', description: 'NIC receive: DMA write and completion latency per frame', source: A },
  { name: 'doorbellUs', unit: 'µs', default: 0.3, min: 0.1, max: 1, group: 'wire & NIC', description: 'MMIO doorbell write', source: A },
  { name: 'coalUs', unit: 'µs', default: 2.0, min: 0, max: 100, group: 'wire & NIC', description: 'Interrupt coalescing delay after the first frame', source: 'myri10ge default 75 µs; Open-MX FAQ recommends 5–20 µs; 2 µs residual assumed' },
  { name: 'nicRingSlots', unit: 'slots', default: 512, min: 64, max: 4096, integer: true, group: 'wire & NIC', description: 'NIC TX descriptor ring', source: A },
  { name: 'txBatch', unit: 'frames', default: 8, min: 1, max: 64, integer: true, group: 'wire & NIC', description: 'Frames posted per doorbell (and per grant-copy hypercall in netback)', source: 'assumption (cost-model §4.3: batch of 8 per grant-copy hypercall)' },
  { name: 'napiBudget', unit: 'frames', default: 64, min: 1, max: 256, integer: true, group: 'wire & NIC', description: 'Frames per NAPI poll', source: 'Linux NAPI weight 64' },
  // Xen
  { name: 'hcallUs', unit: 'µs', default: 0.4, min: 0.2, max: 1, group: 'Xen', description: 'PV hypercall, e.g. EVTCHNOP_send', source: 'assumption; VM exit+entry ≈ 2,000 cycles (SplitX, WIOV\'11)' },
  { name: 'upcallUs', unit: 'µs', default: 1.5, min: 1, max: 3, group: 'Xen', description: 'Event to a running vCPU: IPI and upcall injection', source: A },
  { name: 'vcpuWakeUs', unit: 'µs', default: 5.0, min: 2, max: 20, group: 'Xen', description: 'Event to a blocked vCPU: Xen schedules it in, world switch, upcall (latency)', source: 'assumption; an event is serviced only once the domain is scheduled' },
  { name: 'vcpuWakeCpuUs', unit: 'µs', default: 2.0, min: 0.5, max: 5, group: 'Xen', description: 'CPU part of a blocked-vCPU wake-up (the rest is idle exit latency)', source: A },
  { name: 'gcHypercallUs', unit: 'µs', default: 0.8, min: 0.2, max: 3, group: 'Xen', description: 'GNTTABOP_copy hypercall, per batch', source: A },
  { name: 'gcOpUs', unit: 'µs', default: 0.1, min: 0.02, max: 1, group: 'Xen', description: 'Grant copy, per copy op (one per page touched), plus the bytes at memcpy speed', source: A },
  { name: 'gntMapUs', unit: 'µs', default: 1.0, min: 0.2, max: 5, group: 'Xen', description: 'Batched grant map, per call', source: 'assumption; Xen2MX: registration is bound by the granting itself' },
  { name: 'gntMapPageUs', unit: 'µs', default: 0.5, min: 0.2, max: 2, group: 'Xen', description: 'Grant map, per page', source: A },
  { name: 'gntUnmapUs', unit: 'µs', default: 1.0, min: 0.2, max: 5, group: 'Xen', description: 'Grant unmap, per call', source: A },
  { name: 'gntUnmapPageUs', unit: 'µs', default: 0.3, min: 0.1, max: 2, group: 'Xen', description: 'Grant unmap, per page', source: A },
  { name: 'tlbFlushPerVcpuUs', unit: 'µs', default: 1.0, min: 0.5, max: 5, group: 'Xen', description: 'TLB shootdown after unmap, per driver-domain vCPU', source: 'unmap IPIs grow with Dom0 vCPUs (LKML 1210.2/01917); 2 µs at 2 vCPUs assumed' },
  // guest and TCP
  { name: 'sysNatUs', unit: 'µs', default: 0.15, min: 0.05, max: 1, group: 'guest & TCP', description: 'System call entry and exit, native', source: A },
  { name: 'sysPvUs', unit: 'µs', default: 1.0, min: 0.5, max: 2, group: 'guest & TCP', description: 'System call in an x86-64 PV domain (bounces through Xen)', source: A },
  { name: 'memcpyNsPerByte', unit: 'ns/B', default: 0.18, min: 0.05, max: 1, group: 'guest & TCP', description: 'Cache-cold kernel copy (5.5 GB/s)', source: 'single-thread copy 5.9–9.3 GB/s on E5-2670 / X5660 (Intel forum)' },
  { name: 'tcpTxCallUs', unit: 'µs', default: 2.5, min: 0.5, max: 10, group: 'guest & TCP', description: 'TCP send path per call (tcp_sendmsg)', source: 'assumption; per-packet ops dominate TCP (Menon & Zwaenepoel, ATC\'08)' },
  { name: 'tcpTxSegUs', unit: 'µs', default: 1.5, min: 0.5, max: 6, group: 'guest & TCP', description: 'TCP/IP transmit per segment', source: A },
  { name: 'tcpRxSegUs', unit: 'µs', default: 2.0, min: 0.5, max: 8, group: 'guest & TCP', description: 'TCP/IP receive per segment', source: A },
  { name: 'tcpRxCallUs', unit: 'µs', default: 1.0, min: 0.2, max: 4, group: 'guest & TCP', description: 'Socket wake path (sk_data_ready) per message', source: A },
  { name: 'irqUs', unit: 'µs', default: 1.5, min: 0.5, max: 3, group: 'guest & TCP', description: 'Interrupt handler to NAPI schedule', source: A },
  { name: 'wakeThreadUs', unit: 'µs', default: 4.0, min: 1, max: 8, group: 'guest & TCP', description: 'Wake a blocked thread on the same CPU: wake-up, schedule, switch (latency)', source: A },
  { name: 'wakeThreadCpuUs', unit: 'µs', default: 2.0, min: 0.5, max: 4, group: 'guest & TCP', description: 'CPU part of a thread wake-up', source: A },
  { name: 'ipiUs', unit: 'µs', default: 1.0, min: 0.2, max: 3, group: 'guest & TCP', description: 'Native inter-processor interrupt to wake a thread on another core', source: 'assumption (cost-model §4.2: cross-core wake = 5 µs)' },
  { name: 'hdrParseUs', unit: 'µs', default: 0.5, min: 0.1, max: 2, group: 'guest & TCP', description: 'Parse the RDMA-over-TCP header', source: A },
  { name: 'hdrBytes', unit: 'B', default: 32, min: 16, max: 128, integer: true, group: 'guest & TCP', description: 'RDMA header sent with every message (and framework frame)', source: A },
  { name: 'tcpProgressThread', unit: 'on/off', default: 1, min: 0, max: 1, integer: true, group: 'guest & TCP', description: 'The receiver\'s progress thread reads the socket, then wakes the application', source: 'assumption (cost-model §4.2 benchmark structure)' },
  { name: 'nfTxUs', unit: 'µs', default: 0.6, min: 0.1, max: 3, group: 'guest & TCP', description: 'netfront transmit per packet', source: A },
  { name: 'nfRxUs', unit: 'µs', default: 1.2, min: 0.2, max: 4, group: 'guest & TCP', description: 'netfront receive per packet (skb, end grant, refill)', source: A },
  { name: 'vifRingSlots', unit: 'slots', default: 256, min: 16, max: 1024, integer: true, group: 'guest & TCP', description: 'netfront/netback TX and RX shared rings', source: 'Linux xen-netfront NET_TX_RING_SIZE = 256' },
  { name: 'pktgenUs', unit: 'µs', default: 0.1, min: 0.02, max: 1, group: 'guest & TCP', description: 'pktgen socket-buffer production per packet (clone_skb)', source: A },
  // driver domain
  { name: 'nbTxUs', unit: 'µs', default: 1.7, min: 0.3, max: 5, group: 'driver domain', description: 'netback transmit per packet, besides the grant copy', source: 'assumption, calibrated to the 416 MiB/s vif cap (cost-model §4.3)' },
  { name: 'nbRxUs', unit: 'µs', default: 1.5, min: 0.3, max: 5, group: 'driver domain', description: 'netback receive per packet, besides the grant copy', source: A },
  { name: 'bridgeUs', unit: 'µs', default: 0.8, min: 0.2, max: 2, group: 'driver domain', description: 'Linux bridge per packet', source: A },
  { name: 'drvTxUs', unit: 'µs', default: 0.5, min: 0.1, max: 2, group: 'driver domain', description: 'Native NIC driver transmit per frame', source: 'assumption; pktgen + ixgbe one core 3.9–5.5 Mpps (kernel pktgen.txt)' },
  { name: 'drvRxUs', unit: 'µs', default: 0.6, min: 0.1, max: 2, group: 'driver domain', description: 'Native NIC driver receive per frame', source: A },
  { name: 'pvOverheadUs', unit: 'µs', default: 0.2, min: 0, max: 2, group: 'driver domain', description: 'PV MMU and IRQ overhead per packet in the privileged guest', source: A },
  // framework
  { name: 'feReqUs', unit: 'µs', default: 0.8, min: 0.1, max: 3, group: 'framework', description: 'Frontend builds a request', source: A },
  { name: 'feEvtUs', unit: 'µs', default: 0.5, min: 0.1, max: 3, group: 'framework', description: 'Frontend writes a completion to the user-mapped event queue', source: A },
  { name: 'appPollUs', unit: 'µs', default: 0.5, min: 0.1, max: 2, group: 'framework', description: 'Application notices the completion by busy-polling', source: 'assumption; Open-MX/MX libraries busy-poll' },
  { name: 'beReqUs', unit: 'µs', default: 1.5, min: 0.2, max: 5, group: 'framework', description: 'Backend parses a request and looks up the IOTLB', source: A },
  { name: 'beRxUs', unit: 'µs', default: 1.5, min: 0.2, max: 5, group: 'framework', description: 'Backend demultiplexes an incoming message', source: A },
  { name: 'beFrameUs', unit: 'µs', default: 0.5, min: 0.1, max: 2, group: 'framework', description: 'Backend per frame (build or place)', source: A },
  { name: 'fwRingSlots', unit: 'slots', default: 256, min: 16, max: 1024, integer: true, group: 'framework', description: 'Frontend/backend shared ring', source: 'Xen2MX README.xen: 256 shared-ring entries' },
  { name: 'iotlbCache', unit: 'on/off', default: 1, min: 0, max: 1, integer: true, group: 'framework', description: 'Keep registrations (the IOTLB) between messages; off maps and unmaps every buffer per message', source: 'poster: the backend registers buffers (fills the IOTLB)' },
  { name: 'iotlbEntries', unit: 'regions', default: 64, min: 1, max: 4096, integer: true, group: 'framework', description: 'Registered regions the backend keeps per host (least recently used evicted)', source: A },
  { name: 'pollUs', unit: 'µs', default: 0.5, min: 0.1, max: 2, group: 'framework', description: 'Stub domain: a polling loop notices new work', source: 'assumption (cost-model §6 d2)' },
  { name: 'nicFwUs', unit: 'µs', default: 1.0, min: 0.2, max: 5, group: 'framework', description: 'Hardware offload: NIC firmware parses a request', source: 'assumption (cost-model §6 d1)' },
  { name: 'nicPlaceUs', unit: 'µs', default: 0.5, min: 0.1, max: 3, group: 'framework', description: 'Hardware offload: NIC places data into registered pages', source: 'assumption (cost-model §6 d1)' },
] as const satisfies readonly ParamSpec[];

export type ParamName = (typeof PARAMS)[number]['name'];
export type Params = Record<ParamName, number>;

export const PARAM_BY_NAME: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.name, p]));

export function defaultParams(): Params {
  return Object.fromEntries(PARAMS.map((p) => [p.name, p.default])) as Params;
}

/**
 * Named alternative calibrations, as changes to the defaults. B honours the Xen2MX anchor of a
 * 15.5 µs bridged-PV overhead per one-way: cheap hand-offs, dearer PV-kernel TCP (cost-model §4.2).
 */
export const CALIBRATIONS: Record<string, { description: string; params: Partial<Params> }> = {
  A: { description: 'hand-off costs dominate (defaults)', params: {} },
  B: {
    description: 'cheap vCPU and thread wake-ups, PV-kernel TCP at 2× native, coalescing 8.2 µs',
    params: {
      vcpuWakeUs: 2,
      vcpuWakeCpuUs: 1.5,
      wakeThreadUs: 2,
      wakeThreadCpuUs: 1.5,
      coalUs: 8.2,
      tcpTxCallUs: 5,
      tcpTxSegUs: 3,
      tcpRxSegUs: 4,
      tcpRxCallUs: 2,
    },
  },
};
