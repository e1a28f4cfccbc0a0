// The model's route of a mode, as the layout uses it: stops on hosts, the named arrows as hops, and
// the used stops of each host. Nothing here lists a station: it all comes from src/model/routes.ts.
import type { Station } from '../../../model/categories.ts';
import { MODE_DESCRIPTORS } from '../../../model/modes.ts';
import {
  ROUTES,
  splitStop,
  stopsOfEnd,
  type ArrowName,
  type Place,
  type Stop,
} from '../../../model/routes.ts';
import { OPS, WORKLOADS, type Mode, type Op, type Workload } from '../../../model/types.ts';

/** One station of a route, before it is put on a host. */
export interface RouteStop {
  place: Place;
  station: Station;
}

/** A route stop on a host. */
export interface HostStop extends RouteStop {
  host: number;
}

/** A named arrow of the sender: the route hops it is drawn on (b₁, c₁), or its own path (d₁). */
export interface NamedArrow {
  name: ArrowName;
  /** Consecutive sender stops (by index pairs into `sender`) that the arrow follows; empty for d₁. */
  hops: [number, number][];
  /** d₁ only: from the application to the DMA engine, outside Dom0. */
  from?: RouteStop;
  to?: RouteStop;
}

/** What the diagram draws of a mode's route: the data's way on the sender, then on the receiver. */
export interface ModeRoute {
  mode: Mode;
  sender: RouteStop[];
  receiver: RouteStop[];
  arrows: NamedArrow[];
  summary: string;
}

const key = (x: RouteStop) => `${x.place}:${x.station}`;

/** Index pairs of consecutive stops from `from` to `to`, starting at the last visit of `from` before `to`. */
function hopsBetween(stops: RouteStop[], from: Stop, to: Stop): [number, number][] {
  const first = stops.findIndex((x) => key(x) === from);
  const j = stops.findIndex((x, k) => k > first && key(x) === to);
  if (first < 0 || j < 0) return [];
  // Backend → IOTLB → backend → driver: c₁ is the last hop.
  let i = first;
  for (let k = first; k < j; k++) if (key(stops[k]) === from) i = k;
  return Array.from({ length: j - i }, (_, k) => [i + k, i + k + 1] as [number, number]);
}

const cache = new Map<Mode, ModeRoute>();

/** The drawn route of a mode (the same object every call: treat it as read-only). */
export function modeRoute(mode: Mode): ModeRoute {
  const hit = cache.get(mode);
  if (hit) return hit;
  const r = ROUTES[mode];
  const sender = r.sender.map(splitStop);
  const arrows: NamedArrow[] = [];
  if (r.arrows.b1) arrows.push({ name: 'b1', hops: hopsBetween(sender, ...r.arrows.b1) });
  if (r.arrows.c1) arrows.push({ name: 'c1', hops: hopsBetween(sender, ...r.arrows.c1) });
  const app = sender.find((x) => x.station === 'app');
  if (r.arrows.d1 && app)
    arrows.push({ name: 'd1', hops: [], from: app, to: { place: 'nic', station: 'dma' } });
  const out: ModeRoute = { mode, sender, receiver: r.receiver.map(splitStop), arrows, summary: r.summary };
  cache.set(mode, out);
  return out;
}

/** The ordered stations of the drawn route: the sender's, then the receiver's, each on its host. */
export function routeFor(mode: Mode, sender = 0, receiver = 1): HostStop[] {
  const r = modeRoute(mode);
  return [
    ...r.sender.map((x) => ({ ...x, host: sender })),
    ...r.receiver.map((x) => ({ ...x, host: receiver })),
  ];
}

/** What the diagram shows the mode doing: one workload and op, or (when not given) any it can run. */
export interface RouteUse {
  workload?: Workload;
  op?: Op;
}

/**
 * Every stop the mode charges, keyed `h{host}/{place}/{station}`: on the sending host what the pair's
 * source end charges, on the receiving host what its destination end charges. The model charges a
 * frame's time on the wire to the sending host's link; the cable into the other host carries it too.
 */
export function usedStops(mode: Mode, use: RouteUse = {}, sender = 0, receiver = 1): Set<string> {
  const route = ROUTES[mode];
  const workloads = use.workload
    ? [use.workload]
    : WORKLOADS.filter((w) => w !== 'pktgen' || MODE_DESCRIPTORS[mode].pktgen);
  const ops = use.op ? [use.op] : OPS;
  const out = new Set<string>();
  for (const w of workloads)
    for (const op of ops) {
      for (const s of stopsOfEnd(route, w, op, 'src')) out.add(stopKey(sender, splitStop(s)));
      for (const s of stopsOfEnd(route, w, op, 'dst')) out.add(stopKey(receiver, splitStop(s)));
    }
  const wire: RouteStop = { place: 'net', station: 'wire' };
  if (out.has(stopKey(sender, wire)) || out.has(stopKey(receiver, wire))) {
    out.add(stopKey(sender, wire));
    out.add(stopKey(receiver, wire));
  }
  return out;
}

export function stopKey(host: number, stop: RouteStop): string {
  return `h${host}/${stop.place}/${stop.station}`;
}
