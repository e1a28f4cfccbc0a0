import { CATEGORIES, HW_STAGES, type DomainKind, type Station } from '../../categories.ts';
import type { Place, Stop } from './route.ts';

/** Who a trace owner is: a domain kind, hardware, or a scheduling wait (no CPU). */
export type OwnerKind = DomainKind | 'hw' | 'wait';

/** A domain's kind from its id as the topology names it: `vm3` → `vm`, `dom0`, `stubdom`, `linux`; null when unknown. */
export function ownerKind(owner: string): OwnerKind | null {
  if (owner === 'dom0' || owner === 'hw' || owner === 'wait') return owner;
  if (/^vm\d*$/.test(owner)) return 'vm';
  if (/^stubdom\d*$/.test(owner)) return 'stubdom';
  if (/^linux\d*$/.test(owner)) return 'linux';
  return null;
}

export interface ComponentRef {
  /** The host number (`h1/…`), or null when the component names none. */
  host: number | null;
  /** The domain kind named by the second part (`h0/vm3/vcpu0` → `vm`), or null (`h0/nic`). */
  domain: DomainKind | null;
  /** The index in the domain's id (`vm3` → 3), or 0. */
  domainIndex: number;
}

/** Reads a trace component as the model names resources: `h0/vm3/vcpu0`, `h1/dom0/vcpu1`, `h1/dma-rx`, `h0/wire`. */
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

/** The station of a trace category (a key of CATEGORIES or HW_STAGES), or null for an unknown one. */
export function stationOfCategory(category: string): Station | null {
  if (Object.hasOwn(CATEGORIES, category)) return CATEGORIES[category as keyof typeof CATEGORIES].station;
  if (Object.hasOwn(HW_STAGES, category)) return HW_STAGES[category as keyof typeof HW_STAGES].station;
  return null;
}

/** Stations that are Xen's own mechanisms: charged to a domain, but the work is the hypervisor's. */
const HYPERVISOR_STATIONS: ReadonlySet<Station> = new Set<Station>(['evtchn', 'grant', 'iotlb', 'sched']);

/** Where a traced span happened: its host (null for a resource between hosts) and its stop. */
export interface SpanStop {
  host: number | null;
  stop: Stop;
}

/**
 * The stop a span is charged at: the category's station, at the place that does it. Xen's mechanisms
 * (event channels, grants, the IOTLB, the scheduler) are the hypervisor's, except that vanilla Linux
 * schedules for itself; hardware is the NIC, the wire is the network; the rest is the owner domain
 * (a scheduling wait, by the domain of the vCPU that waits). Null for a category the model does not have.
 */
export function spanStop(span: { component: string; owner: string; category: string }): SpanStop | null {
  const station = stationOfCategory(span.category);
  if (station === null) return null;
  const ref = parseComponent(span.component);
  const owner = ownerKind(span.owner);
  const domain: DomainKind | null = owner && owner !== 'hw' && owner !== 'wait' ? owner : ref.domain;
  let place: Place | null;
  if (station === 'wire') place = 'net';
  else if (owner === 'hw') place = 'nic';
  else if (HYPERVISOR_STATIONS.has(station)) place = domain === 'linux' ? 'linux' : 'xen';
  else place = domain;
  if (place === null) return null;
  return { host: ref.host, stop: `${place}:${station}` as Stop };
}
