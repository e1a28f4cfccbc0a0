// The connectors: the route's hops on each host, routed around the other boxes; d₁ down the lane; the
// named arrows' label pills.
import { ARROWS, type ArrowName } from '../../../model/routes.ts';
import { inflate, roundedPath, type Point } from '../geometry.ts';
import type { HostLocal } from './host.ts';
import type { ModeRoute, RouteStop } from './route.ts';
import { stopKey } from './route.ts';
import { arrowLabel, channelYs, routeHop } from './routing.ts';
import type { DiagramBox, DiagramConnector } from './types.ts';

/**
 * The connectors of one host: the hops between consecutive `stops` (the route's sender or receiver
 * stops, or none), and on the sender d₁ from the application's pages to the DMA engine.
 */
export function hostConnectors(
  host: HostLocal,
  route: ModeRoute,
  stops: readonly RouteStop[],
  isSender: boolean,
  f: number,
): DiagramConnector[] {
  const { local, mirrored, X, W, laneX, wireY, wireLen } = host;
  const h = host.host;
  const pre = `h${h}`;
  const toGlobal = (pts: Point[]) => pts.map((p) => ({ x: mirrored ? X + W - p.x : X + p.x, y: p.y }));
  const out: DiagramConnector[] = [];
  const byId = new Map(local.map((b) => [b.id, b]));
  const obstacles = local.filter((b) => b.kind === 'station' || b.kind === 'part');
  const channels = channelYs(local, f);
  const seen = new Map<string, DiagramConnector>();
  const arrowOfHop = new Map<number, ArrowName>();
  if (isSender) for (const a of route.arrows) for (const [i] of a.hops) arrowOfHop.set(i, a.name);
  for (let i = 0; i + 1 < stops.length; i++) {
    const a = byId.get(stopKey(h, stops[i]));
    const b = byId.get(stopKey(h, stops[i + 1]));
    if (!a || !b || a.id === b.id) continue;
    const pairKey = [a.id, b.id].sort().join('|');
    const existing = seen.get(pairKey);
    if (existing) {
      if (existing.from === b.id) existing.arrowStart = true;
      continue;
    }
    let pts: Point[];
    if (b.station === 'wire' || a.station === 'wire') {
      const dma = a.station === 'wire' ? b : a;
      const wp = { x: W, y: wireY };
      const wp2 = { x: W + wireLen, y: wireY };
      const dp = { x: dma.r.x + dma.r.w, y: wireY };
      pts = a.station === 'wire' ? [wp2, wp, dp] : [dp, wp, wp2];
    } else {
      // Title pills are not obstacles: they are drawn over the paths that cross their borders.
      const others = obstacles
        .filter((o) => o.id !== a.id && o.id !== b.id)
        .map((o) => inflate(o.r, 0.12 * f));
      pts = routeHop(a.r, b.r, others, channels, laneX, f);
    }
    const arrow = arrowOfHop.get(i) ?? null;
    const gpts = toGlobal(pts);
    const con: DiagramConnector = {
      id: `${pre}/${a.station}>${b.station}`,
      kind: a.station === 'wire' || b.station === 'wire' ? 'wire' : 'route',
      host: h,
      from: a.id,
      to: b.id,
      points: gpts,
      path: roundedPath(gpts, 0.5 * f),
      dashed: arrow !== null,
      arrowEnd: true,
      arrowStart: false,
      arrow,
    };
    seen.set(pairKey, con);
    out.push(con);
  }

  // d₁: the application's pages to the DMA engine, down the lane, bypassing the driver domain.
  const d1 = isSender ? route.arrows.find((a) => a.name === 'd1') : undefined;
  const a = d1?.from && byId.get(stopKey(h, d1.from));
  const b = d1?.to && byId.get(stopKey(h, d1.to));
  if (a && b) {
    const yA = a.r.y + a.r.h / 2;
    const yB = b.r.y + b.r.h * 0.28;
    const gpts = toGlobal([
      { x: a.r.x + a.r.w, y: yA },
      { x: laneX, y: yA },
      { x: laneX, y: yB },
      { x: b.r.x + b.r.w, y: yB },
    ]);
    out.push({
      id: `${pre}/d1`,
      kind: 'data',
      host: h,
      from: a.id,
      to: b.id,
      points: gpts,
      path: roundedPath(gpts, 0.5 * f),
      dashed: true,
      arrowEnd: true,
      arrowStart: false,
      arrow: 'd1',
    });
  }
  return out;
}

/** Puts a label pill on the first connector of each named arrow on each host. */
export function labelArrows(
  connectors: DiagramConnector[],
  boxes: DiagramBox[],
  f: number,
  small: number,
  width: number,
): void {
  for (const con of connectors) {
    if (!con.arrow) continue;
    const first = connectors.find((c) => c.arrow === con.arrow && c.host === con.host);
    if (first !== con) continue;
    const info = ARROWS[con.arrow];
    con.label = arrowLabel(con, info.label, info.short, f, small, boxes, width);
  }
}
