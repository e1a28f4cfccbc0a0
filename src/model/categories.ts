/**
 * What CPU time is spent on. Every CPU charge in the model lands on one (domain, category) pair,
 * so the CPU-breakdown chart is a sum of what happened. `station` names the box of the I/O-path
 * diagram where that work happens.
 */
export const CATEGORIES = {
  syscall: { label: 'app / syscall', station: 'app' },
  tcpip: { label: 'socket + TCP/IP', station: 'tcpip' },
  copy: { label: 'data copy', station: 'copy' },
  netfront: { label: 'netfront', station: 'netfront' },
  frontend: { label: 'HPC frontend', station: 'frontend' },
  hypercall: { label: 'hypercalls', station: 'evtchn' },
  events: { label: 'event delivery', station: 'evtchn' },
  wakeup: { label: 'sched / wake-ups', station: 'sched' },
  netback: { label: 'netback', station: 'netback' },
  backend: { label: 'HPC backend', station: 'backend' },
  'grant-copy': { label: 'grant copy', station: 'grant' },
  'grant-map': { label: 'grant map (IOTLB)', station: 'iotlb' },
  'grant-unmap': { label: 'grant unmap + TLB flush', station: 'iotlb' },
  bridge: { label: 'bridge', station: 'bridge' },
  driver: { label: 'native NIC driver', station: 'driver' },
  irq: { label: 'IRQ handling', station: 'driver' },
  pktgen: { label: 'pktgen', station: 'app' },
  'pv-overhead': { label: 'PV MMU / IRQ overhead', station: 'sched' },
  poll: { label: 'polling', station: 'backend' },
} as const;

export type Category = keyof typeof CATEGORIES;

/** Hardware stages (no CPU): spans whose owner is `hw`. */
export const HW_STAGES = {
  'nic-tx': { label: 'NIC descriptor fetch', station: 'dma' },
  dma: { label: 'PCIe DMA', station: 'dma' },
  wire: { label: 'wire + switch', station: 'wire' },
  'nic-rx': { label: 'NIC receive', station: 'dma' },
  coalesce: { label: 'interrupt coalescing', station: 'dma' },
  firmware: { label: 'NIC firmware (offloaded backend)', station: 'backend' },
  latency: { label: 'scheduling latency (not CPU time)', station: 'sched' },
} as const;

export type HwStage = keyof typeof HW_STAGES;

/** Boxes of the I/O-path diagram, per host. */
export type Station = (typeof CATEGORIES)[Category]['station'] | (typeof HW_STAGES)[HwStage]['station'];

/** Domains, as the charts group them (all hosts added together). */
export const DOMAINS = {
  vm: 'guest VM',
  dom0: 'driver domain (Dom0)',
  stubdom: 'stub driver domain',
  linux: 'vanilla Linux',
} as const;

export type DomainKind = keyof typeof DOMAINS;
