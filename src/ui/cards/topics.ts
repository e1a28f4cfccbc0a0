/**
 * What each box of the I/O-path diagram is, for the cards that open when one is clicked: a few
 * sentences in Xen's own words and the model constants the box charges (names from the parameter
 * schema; values, units and sources are read from it, never copied here).
 *
 * Keyed by `Station` and `PartKind`, so a box added to the model's vocabulary or the layout makes the
 * compiler ask for its card. A lecturer may rewrite the texts freely; the parameter names are checked
 * against PARAMS by the unit tests.
 */
import type { Station } from '../../model/categories.ts';
import type { ParamName } from '../../model/params.ts';
import type { PartKind } from '../diagram/index.ts';

export interface Topic {
  /** Two or three sentences a lecturer could read out. */
  readonly text: string;
  /** Constants this box charges (costs first), as named in PARAMS. */
  readonly params: readonly ParamName[];
}

export const STATION_TOPICS: Readonly<Record<Station, Topic>> = {
  app: {
    text: "The benchmark's application: it issues RDMA READ and WRITE messages and waits for their completions. Over TCP it calls writev and recv, system calls that in an x86-64 PV guest bounce through Xen; on the framework it makes one ioctl to the HPC frontend and then busy-polls a completion queue mapped into its memory.",
    params: ['sysPvUs', 'sysNatUs', 'hdrParseUs', 'appPollUs', 'pktgenUs'],
  },
  tcpip: {
    text: "The kernel's socket layer and TCP/IP stack: tcp_sendmsg cuts a message into MSS-sized segments and keeps the window of un-acknowledged bytes; on receive it processes each segment, sends ACKs and wakes the reader (sk_data_ready). It is paid per segment, so a smaller MSS costs more.",
    params: ['tcpTxCallUs', 'tcpTxSegUs', 'tcpRxSegUs', 'tcpRxCallUs', 'tcpAckRxUs', 'pvTcpFactor'],
  },
  copy: {
    text: "Copies between the application's buffers and kernel memory: copy_from_user when TCP sends, copy_to_user when it receives, paid per byte at memcpy speed. On the framework the sending NIC DMAs straight from the application's pages (d₁), and the receiving backend places each frame into the registered pages.",
    params: ['memcpyNsPerByte'],
  },
  netfront: {
    text: "Xen's paravirtual network frontend in the guest (xen-netfront): it puts each packet on the vif's TX shared ring as grant references netback may copy from, and posts empty buffers on the RX ring for netback to fill. It notifies netback over the event channel only when netback asked to be woken.",
    params: ['nfTxUs', 'nfRxUs'],
  },
  frontend: {
    text: "The poster's HPC I/O frontend in the guest: the application's ioctl becomes a request on a ring shared with the backend in the driver domain, announced by an event (b₁). Completions come back as events, and the frontend writes them to an event queue mapped into the application, which polls it.",
    params: ['feReqUs', 'feEvtUs', 'appPollUs'],
  },
  evtchn: {
    text: "Xen's event channels, virtual interrupt lines between domains: the sender makes an EVTCHNOP_send hypercall, Xen sets the port's pending bit and either injects an upcall into a running vCPU or has the scheduler wake a blocked one. Sends that find the bit already set merge into one upcall.",
    params: ['hcallUs', 'upcallUs'],
  },
  sched: {
    text: "Xen's vCPU scheduler and the kernels' own thread scheduling. An event for a blocked vCPU waits until Xen schedules it back in, and a blocked kernel thread (netback) or application thread waits for a wake-up and a context switch; across vCPUs of a PV guest that wake-up is an IPI sent over an event channel. Most of this is waiting, only part of it CPU time.",
    params: ['vcpuWakeUs', 'vcpuWakeCpuUs', 'wakeThreadUs', 'wakeThreadCpuUs', 'ipiUs', 'pvOverheadUs'],
  },
  netback: {
    text: "Xen's paravirtual network backend in the driver domain (xen-netback): a kernel thread takes the guests' TX requests, copies their packets out with one GNTTABOP_copy per batch and hands them to the bridge; in the other direction it copies received packets into the buffers the guests posted. Every packet of every VM's vif passes through it.",
    params: ['nbTxUs', 'nbRxUs'],
  },
  backend: {
    text: "The poster's HPC I/O backend in the driver domain: it takes the frontend's requests off the shared ring, looks the buffer up in its IOTLB (registering it on a miss) and asks the native driver to send straight from the application's pages (c₁). On receive it demultiplexes each message and places the payload into the target's registered pages. The what-ifs move it onto the NIC or into a polling stub domain.",
    params: ['beReqUs', 'beRxUs', 'beFrameUs', 'pollUs', 'nicFwUs', 'nicPlaceUs'],
  },
  grant: {
    text: "Xen's grant table: a guest grants another domain access to its pages by grant reference. netback uses GNTTABOP_copy, one hypercall in which Xen copies between the guest's granted pages and the driver domain's buffers, one copy op per page, for a whole batch of packets.",
    params: ['gcHypercallUs', 'gcOpUs', 'memcpyNsPerByte'],
  },
  iotlb: {
    text: "The backend's registration cache: guest pages grant-mapped into the driver domain (GNTTABOP_map_grant_ref), so the NIC can DMA to and from them directly. A hit costs only a lookup; a miss maps the pages, and unmapping them needs a TLB flush on every vCPU of the driver domain.",
    params: ['gntMapUs', 'gntMapPageUs', 'gntUnmapUs', 'gntUnmapPageUs', 'tlbFlushPerVcpuUs'],
  },
  bridge: {
    text: "The Linux software bridge in the driver domain that joins each guest's vif to the physical NIC: it looks up the destination MAC address and forwards the packet, once per packet in each direction. The framework's path does not cross it.",
    params: ['bridgeUs'],
  },
  driver: {
    text: "The native NIC driver, in the driver domain (or in Linux): it posts frames on the NIC's descriptor ring and rings the doorbell with an MMIO write; on receive it takes the physical interrupt, which Xen delivers to Dom0 as an event, and reaps frames in NAPI polls. With SR-IOV the guest's own library rings its virtual function's doorbell.",
    params: ['drvTxUs', 'drvRxUs', 'doorbellUs', 'irqUs'],
  },
  dma: {
    text: "The NIC's DMA engines move frames between host memory and the NIC over PCIe, following the descriptors the driver posted. Received frames are written to host memory, then the NIC coalesces interrupts: the first frame arms a timer and one interrupt covers what arrives meanwhile. This is hardware: no CPU time is charged here.",
    params: ['nicTxUs', 'nicRxUs', 'pcieGBps', 'coalUs'],
  },
  wire: {
    text: 'The Ethernet link and a cut-through switch between the hosts: each frame is serialized at the link rate, then propagates to the other host. TCP paths use the standard MTU, the framework jumbo frames. This is hardware: no CPU time is charged here.',
    params: ['linkGbps', 'propUs', 'mtuBytes', 'fwMtuBytes'],
  },
};

/** Boxes that are not stations: the NIC's rings and buffers, SR-IOV's queue pairs, Dom0's toolstack. */
export const PART_TOPICS: Readonly<Record<PartKind, Topic>> = {
  rings: {
    text: "The NIC's TX and RX descriptor rings in host memory, shared by the driver and the NIC. A full TX ring makes the driver wait for free slots; an RX descriptor is held from the DMA until the driver takes the frame in its NAPI poll.",
    params: ['nicRingSlots', 'nicRxRingSlots', 'txBatch', 'napiBudget'],
  },
  onchip: {
    text: "The NIC's on-chip packet buffers. On transmit the DMA engine reads a frame only when it fits, so the wire paces what leaves host memory; on receive frames wait for a free descriptor, and near full the NIC sends an IEEE 802.3x PAUSE (or drops frames, with pause off).",
    params: ['nicTxBufKiB', 'nicRxBufKiB', 'nicPause'],
  },
  vf: {
    text: 'What-if SR-IOV: the NIC exports a virtual function whose queue pair is mapped into the application. Its library builds work requests and rings the doorbell from user space, the NIC DMAs through the IOMMU and writes completions the application polls: neither the kernel, Xen nor the driver domain is on the data path.',
    params: ['feReqUs', 'doorbellUs', 'appPollUs', 'srIovIrq'],
  },
  toolstack: {
    text: 'In the stub-domain what-if Dom0 keeps only the toolstack and control: it creates the domains and runs xenstore, through which frontends and backends find each other. The backend and the native driver moved to the stub domain, so no message passes through Dom0.',
    params: [],
  },
};

/** A vCPU gauge on a domain's border. */
export const VCPU_TOPIC: Topic = {
  text: "A virtual CPU, run by Xen's scheduler on a physical core (its own while the host has enough). With nothing to do it blocks, and an event for it waits until Xen schedules it back in; a running vCPU takes the event as an upcall. The gauge shows whether it is busy now.",
  params: ['vcpuWakeUs', 'vcpuWakeCpuUs', 'upcallUs', 'hostCores'],
};
