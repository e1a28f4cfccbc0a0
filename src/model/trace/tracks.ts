/**
 * Where a trace component is drawn in a trace viewer: a process (a host, or the network between
 * them) and a thread in it, each with a name people read and an order. Components are the engine's
 * resource names: `h0/dom0/vcpu1`, `h0/nic`, `h0/dma-tx`, `h0/dma-rx`, `h0/iotlb`, `h0/wire` (host
 * 0's uplink onto the wire).
 */

export interface TrackPlace {
  readonly process: string;
  /** Processes sort by this (hosts first, in order, then the network). */
  readonly processOrder: number;
  readonly thread: string;
  /** Threads sort by this within their process (domains, then the NIC). */
  readonly threadOrder: number;
}

/** The network's process comes after every host. */
const NETWORK_ORDER = 1_000;
const OTHER_ORDER = 2_000;

/** Linux, Dom0 and the stub domain first, then the VMs in order; anything else after them. */
function domainRank(domain: string): number {
  if (domain === 'linux') return 0;
  if (domain === 'dom0') return 1;
  if (domain === 'stubdom') return 2;
  const vm = /^vm(\d+)$/.exec(domain);
  return vm ? 10 + Number(vm[1]) : 90;
}

/** The host's hardware, after its domains' vCPUs. */
const HARDWARE: Record<string, { name: string; order: number }> = {
  nic: { name: 'NIC', order: 10_000 },
  'dma-tx': { name: 'NIC DMA tx', order: 10_001 },
  'dma-rx': { name: 'NIC DMA rx', order: 10_002 },
  iotlb: { name: 'IOTLB', order: 10_003 },
  counters: { name: 'counters', order: 20_000 },
};

/** The place of `component`; a name outside the model's scheme goes to a process "other", as it is. */
export function placeComponent(component: string): TrackPlace {
  const m = /^h(\d+)\/(.+)$/.exec(component);
  if (!m) return { process: 'other', processOrder: OTHER_ORDER, thread: component, threadOrder: 0 };
  const host = Number(m[1]);
  const rest = m[2];
  if (rest === 'wire')
    return {
      process: 'network',
      processOrder: NETWORK_ORDER,
      thread: `wire from host${host}`,
      threadOrder: host,
    };
  const place = { process: `host${host}`, processOrder: host };
  const vcpu = /^([^/]+)\/vcpu(\d+)$/.exec(rest);
  if (vcpu) {
    const index = Number(vcpu[2]);
    return { ...place, thread: `${vcpu[1]} vcpu${index}`, threadOrder: domainRank(vcpu[1]) * 100 + index };
  }
  const hw = Object.hasOwn(HARDWARE, rest) ? HARDWARE[rest] : undefined;
  if (hw) return { ...place, thread: hw.name, threadOrder: hw.order };
  return { ...place, thread: rest.replaceAll('/', ' '), threadOrder: 15_000 };
}

/** The host a component belongs to, as its counters' component (`h0/counters`); null outside a host. */
export function countersComponentOf(component: string): string | null {
  const m = /^h(\d+)\//.exec(component);
  return m ? `h${m[1]}/counters` : null;
}

/**
 * Lanes for intervals on one resource, so that no two slices of a lane overlap (a viewer's thread
 * track holds only slices that nest, and work on a NIC or a link is pipelined). Each interval, in
 * start order, takes the first lane free at its start (touching is not overlapping). Returns the
 * lane of each interval, in the input's order.
 */
export function assignLanes(intervals: readonly { startNs: number; endNs: number }[]): number[] {
  const order = intervals
    .map((_, i) => i)
    .sort((a, b) => intervals[a].startNs - intervals[b].startNs || intervals[a].endNs - intervals[b].endNs);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(intervals.length);
  for (const i of order) {
    const { startNs, endNs } = intervals[i];
    let lane = laneEnds.findIndex((end) => end <= startNs);
    if (lane < 0) lane = laneEnds.push(endNs) - 1;
    else laneEnds[lane] = endNs;
    lanes[i] = lane;
  }
  return lanes;
}
