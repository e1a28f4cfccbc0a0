import type {
  CATEGORIES,
  Category,
  DomainKind,
  HW_STAGES,
  HwStage,
  Station,
} from '../../model/categories.ts';

/**
 * The model's category → station table, copied for the UI (which may import only types from the model).
 * The types below make the copy exact: if the model moves a category to another station, adds or
 * renames one, this file stops compiling.
 */
type CategoryStations = { readonly [K in Category]: (typeof CATEGORIES)[K]['station'] };
type HwStations = { readonly [K in HwStage]: (typeof HW_STAGES)[K]['station'] };
// Labels are checked for completeness only, so rewording one in the model does not break the UI.
type CategoryLabels = { readonly [K in Category]: string };
type HwLabels = { readonly [K in HwStage]: string };

const CATEGORY_STATION: CategoryStations = {
  syscall: 'app',
  tcpip: 'tcpip',
  copy: 'copy',
  netfront: 'netfront',
  frontend: 'frontend',
  hypercall: 'evtchn',
  events: 'evtchn',
  wakeup: 'sched',
  netback: 'netback',
  backend: 'backend',
  'grant-copy': 'grant',
  'grant-map': 'iotlb',
  'grant-unmap': 'iotlb',
  bridge: 'bridge',
  driver: 'driver',
  irq: 'driver',
  pktgen: 'app',
  'pv-overhead': 'sched',
  poll: 'backend',
};

const HW_STATION: HwStations = {
  'nic-tx': 'dma',
  dma: 'dma',
  wire: 'wire',
  'nic-rx': 'dma',
  coalesce: 'dma',
  firmware: 'dma',
  latency: 'sched',
};

const CATEGORY_LABEL: CategoryLabels = {
  syscall: 'app / syscall',
  tcpip: 'socket + TCP/IP',
  copy: 'data copy',
  netfront: 'netfront',
  frontend: 'HPC frontend',
  hypercall: 'hypercalls',
  events: 'event delivery',
  wakeup: 'sched / wake-ups',
  netback: 'netback',
  backend: 'HPC backend',
  'grant-copy': 'grant copy',
  'grant-map': 'grant map (IOTLB)',
  'grant-unmap': 'grant unmap + TLB flush',
  bridge: 'bridge',
  driver: 'native NIC driver',
  irq: 'IRQ handling',
  pktgen: 'pktgen',
  'pv-overhead': 'PV MMU / IRQ overhead',
  poll: 'polling',
};

const HW_LABEL: HwLabels = {
  'nic-tx': 'NIC descriptor fetch',
  dma: 'PCIe DMA',
  wire: 'wire + switch',
  'nic-rx': 'NIC receive',
  coalesce: 'interrupt coalescing',
  firmware: 'NIC firmware (offloaded backend)',
  latency: 'scheduling latency (not CPU time)',
};

/** Every station of the diagram, in the order the legend lists them. */
export const STATIONS = [
  'app',
  'tcpip',
  'copy',
  'netfront',
  'frontend',
  'evtchn',
  'sched',
  'netback',
  'backend',
  'grant',
  'iotlb',
  'bridge',
  'driver',
  'dma',
  'wire',
] as const satisfies readonly Station[];

/** The station of a trace category (a key of CATEGORIES or HW_STAGES), or null for an unknown one. */
export function stationOfCategory(category: string): Station | null {
  if (Object.hasOwn(CATEGORY_STATION, category)) return CATEGORY_STATION[category as Category];
  if (Object.hasOwn(HW_STATION, category)) return HW_STATION[category as HwStage];
  return null;
}

/** The model's label of a category, or the category itself. */
export function categoryLabel(category: string): string {
  if (Object.hasOwn(CATEGORY_LABEL, category)) return CATEGORY_LABEL[category as Category];
  if (Object.hasOwn(HW_LABEL, category)) return HW_LABEL[category as HwStage];
  return category;
}

/** Who a trace owner is: a domain kind, hardware, or a scheduling wait. */
export type OwnerKind = DomainKind | 'hw' | 'wait';

/** `vm3` → `vm`, `dom0` → `dom0`, `stubdom1` → `stubdom`; null when unknown. */
export function ownerKind(owner: string): OwnerKind | null {
  if (owner === 'dom0' || owner === 'hw' || owner === 'wait' || owner === 'linux') return owner;
  if (/^(vm|domu)\d*$/i.test(owner)) return 'vm';
  if (/^stub(dom)?\d*$/.test(owner)) return 'stubdom';
  if (/^linux\d*$/.test(owner)) return 'linux';
  return null;
}

export interface ComponentRef {
  /** The host number (`h1/…` or `host1/…`), or null when the component names none (e.g. `wire`). */
  host: number | null;
  /** The domain kind named by the second part (`h0/vm3/vcpu0` → `vm`), or null (`h0/nic`). */
  domain: DomainKind | null;
  /** The index in the domain's id (`vm3` → 3), or 0. */
  domainIndex: number;
}

/** Reads `h0/vm3/vcpu0`, `host1/dom0/vcpu1`, `h1/dma-rx`, `h0/wire`, `wire`. */
export function parseComponent(component: string): ComponentRef {
  const parts = component.split('/');
  const m = /^h(?:ost)?(\d+)$/.exec(parts[0] ?? '');
  const host = m ? Number(m[1]) : null;
  const second = m ? parts[1] : parts[0];
  let domain: DomainKind | null = null;
  let domainIndex = 0;
  if (second !== undefined) {
    const kind = ownerKind(second);
    if (kind && kind !== 'hw' && kind !== 'wait') {
      domain = kind;
      const d = /(\d+)$/.exec(second);
      domainIndex = d && kind !== 'dom0' ? Number(d[1]) : 0;
    }
  }
  return { host, domain, domainIndex };
}
