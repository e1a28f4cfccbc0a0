import type { DomainKind, Station } from '../../model/categories.ts';
import type { Mode } from '../../model/types.ts';

/** Where a box lives: a domain of some kind, the hypervisor, the NIC, or the network between hosts. */
export type Place = DomainKind | 'xen' | 'nic' | 'net';

/** One station of a route, before it is put on a host. */
export interface RouteStop {
  place: Place;
  station: Station;
}

/** A route stop on a host. */
export interface HostStop extends RouteStop {
  host: number;
}

/** The poster's named arrows: b₁ frontend → backend over the event channel, c₁ backend → native driver, d₁ DMA from application pages. */
export type ArrowName = 'b1' | 'c1' | 'd1';

export const ARROWS: Record<ArrowName, { label: string; short: string; description: string }> = {
  b1: {
    label: 'b₁ event channel',
    short: 'b₁',
    description: 'b₁: the frontend passes the request to the backend over the event channel',
  },
  c1: { label: 'c₁ driver call', short: 'c₁', description: 'c₁: the backend asks the native driver to send' },
  d1: {
    label: 'd₁ DMA from app pages',
    short: 'd₁',
    description: 'd₁: the NIC DMAs straight from the application’s pages',
  },
};

/** A named arrow of the sender: the route hops it is drawn on (b₁, c₁), or its own path (d₁). */
export interface NamedArrow {
  name: ArrowName;
  /** Consecutive sender stops (by index pairs into `sender`) that the arrow follows; empty for d₁. */
  hops: [number, number][];
  /** d₁ only: from the application to the DMA engine, outside Dom0. */
  from?: RouteStop;
  to?: RouteStop;
}

/** What a mode does with one message: the stations it visits on the sender, then on the receiver. */
export interface ModeRoute {
  mode: Mode;
  /** Ordered stations on the sending host (the path is drawn through them). */
  sender: RouteStop[];
  /** Ordered stations on the receiving host. */
  receiver: RouteStop[];
  /** Stations the mode uses off the drawn path (an interrupt through Xen, a wake-up), per side. */
  alsoSender: RouteStop[];
  alsoReceiver: RouteStop[];
  arrows: NamedArrow[];
  /** One line for people. */
  summary: string;
}

const s = (spec: string): RouteStop[] =>
  spec
    .split(/\s+/)
    .filter(Boolean)
    .map((item) => {
      const [place, station] = item.split(':');
      return { place: place as Place, station: station as Station };
    });

/** Index pairs of consecutive stops from stop `a` to stop `b` (inclusive range of hops). */
function hopsBetween(stops: RouteStop[], from: string, to: string): [number, number][] {
  const key = (x: RouteStop) => `${x.place}:${x.station}`;
  const first = stops.findIndex((x) => key(x) === from);
  const j = stops.findIndex((x, k) => k > first && key(x) === to);
  if (first < 0 || j < 0) return [];
  // From the last visit of `from` before `to` (backend → IOTLB → backend → driver: c₁ is the last hop).
  let i = first;
  for (let k = first; k < j; k++) if (key(stops[k]) === from) i = k;
  return Array.from({ length: j - i }, (_, k) => [i + k, i + k + 1] as [number, number]);
}

function build(
  mode: Mode,
  sender: string,
  receiver: string,
  also: { sender?: string; receiver?: string },
  arrows: { b1?: [string, string]; c1?: [string, string]; d1?: boolean },
  summary: string,
): ModeRoute {
  const snd = s(sender);
  const named: NamedArrow[] = [];
  if (arrows.b1) named.push({ name: 'b1', hops: hopsBetween(snd, ...arrows.b1) });
  if (arrows.c1) named.push({ name: 'c1', hops: hopsBetween(snd, ...arrows.c1) });
  const appStop = snd.find((x) => x.station === 'app');
  if (arrows.d1 && appStop)
    named.push({ name: 'd1', hops: [], from: appStop, to: { place: 'nic', station: 'dma' } });
  return {
    mode,
    sender: snd,
    receiver: s(receiver),
    alsoSender: s(also.sender ?? ''),
    alsoReceiver: s(also.receiver ?? ''),
    arrows: named,
    summary,
  };
}

const ROUTES: Record<Mode, ModeRoute> = {
  native: build(
    'native',
    'linux:app linux:copy linux:tcpip linux:driver nic:dma net:wire',
    'net:wire nic:dma linux:driver linux:tcpip linux:copy linux:app',
    { receiver: 'linux:sched' },
    {},
    'Vanilla Linux: socket, TCP/IP and the NIC driver on one kernel, no hypervisor.',
  ),
  dom0: build(
    'dom0',
    'dom0:app dom0:copy dom0:tcpip dom0:driver nic:dma net:wire',
    'net:wire nic:dma dom0:driver dom0:tcpip dom0:copy dom0:app',
    { sender: 'xen:sched', receiver: 'xen:evtchn xen:sched' },
    {},
    'The application runs in Dom0, the privileged guest: the native driver path under a PV kernel.',
  ),
  'pv-tcp': build(
    'pv-tcp',
    'vm:app vm:copy vm:tcpip vm:netfront xen:evtchn xen:sched dom0:netback xen:grant dom0:bridge dom0:driver nic:dma net:wire',
    'net:wire nic:dma dom0:driver dom0:bridge dom0:netback xen:grant xen:evtchn xen:sched vm:netfront vm:tcpip vm:copy vm:app',
    { receiver: '' },
    {},
    'Xen virtual Ethernet: TCP/IP in the VM, netfront → event channel → netback, a grant copy, the bridge and the native driver.',
  ),
  'zero-copy': build(
    'zero-copy',
    'vm:app vm:frontend xen:evtchn xen:sched dom0:backend xen:iotlb dom0:backend dom0:driver nic:dma net:wire',
    'net:wire nic:dma dom0:driver dom0:backend dom0:copy xen:evtchn vm:frontend vm:app',
    { receiver: 'xen:sched' },
    { b1: ['vm:frontend', 'dom0:backend'], c1: ['dom0:backend', 'dom0:driver'], d1: true },
    'The HPC I/O split driver: frontend → event channel (b₁) → backend + IOTLB → driver (c₁), and the NIC DMAs from application pages (d₁).',
  ),
  'hw-offload': build(
    'hw-offload',
    'vm:app vm:frontend xen:evtchn xen:sched dom0:driver nic:backend nic:dma net:wire',
    'net:wire nic:dma nic:backend xen:evtchn vm:frontend vm:app',
    { sender: 'xen:iotlb', receiver: 'xen:iotlb' },
    { b1: ['vm:frontend', 'xen:evtchn'], d1: true },
    'What-if: the backend’s thin protocol runs on the NIC; Dom0 only forwards the doorbell and registers buffers.',
  ),
  'stub-domain': build(
    'stub-domain',
    'vm:app vm:frontend xen:evtchn stubdom:backend xen:iotlb stubdom:backend stubdom:driver nic:dma net:wire',
    'net:wire nic:dma stubdom:driver stubdom:backend stubdom:copy xen:evtchn vm:frontend vm:app',
    {},
    { b1: ['vm:frontend', 'stubdom:backend'], c1: ['stubdom:backend', 'stubdom:driver'], d1: true },
    'What-if: backend and native driver in a small polling stub domain instead of Dom0: no wake-ups.',
  ),
  'sr-iov': build(
    'sr-iov',
    'vm:app vm:frontend vm:driver nic:dma net:wire',
    'net:wire nic:dma vm:driver vm:frontend vm:app',
    { receiver: 'xen:evtchn' },
    {},
    'What-if: the VM owns a NIC virtual function’s queue pair; Xen is only on the interrupt path.',
  ),
};

/** The route of a mode (the same object every call: treat it as read-only). */
export function modeRoute(mode: Mode): ModeRoute {
  return ROUTES[mode];
}

/**
 * The ordered stations a message visits in `mode`: the sender's, then the receiver's, each on its host.
 * This is the path the diagram highlights; `usedStops` adds the off-path stations.
 */
export function routeFor(mode: Mode, sender = 0, receiver = 1): HostStop[] {
  const r = ROUTES[mode];
  return [
    ...r.sender.map((x) => ({ ...x, host: sender })),
    ...r.receiver.map((x) => ({ ...x, host: receiver })),
  ];
}

/** Every station the mode uses, on-path or off, keyed `h{host}/{place}/{station}`. */
export function usedStops(mode: Mode, sender = 0, receiver = 1): Set<string> {
  const r = ROUTES[mode];
  const out = new Set<string>();
  const add = (host: number, stops: RouteStop[]) => {
    for (const x of stops) out.add(stopKey(host, x));
  };
  add(sender, r.sender);
  add(sender, r.alsoSender);
  add(receiver, r.receiver);
  add(receiver, r.alsoReceiver);
  return out;
}

export function stopKey(host: number, stop: RouteStop): string {
  return `h${host}/${stop.place}/${stop.station}`;
}
