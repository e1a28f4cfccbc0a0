// Lookups on a computed layout: a station's box, a box by id, a box's extent, ancestry.
import type { Station } from '../../../model/categories.ts';
import type { Rect } from '../geometry.ts';
import type { DiagramBox, DiagramLayout } from './types.ts';
import type { Place } from '../../../model/routes.ts';

/** The box of a station on a host, by place (the owner's domain kind, `xen`, `nic` or `net`), or any place. */
export function findStation(
  layout: DiagramLayout,
  host: number,
  station: Station,
  place?: Place | null,
): DiagramBox | undefined {
  let fallback: DiagramBox | undefined;
  for (const b of layout.boxes) {
    if (b.kind !== 'station' || b.host !== host || b.station !== station) continue;
    if (!place || b.place === place) return b;
    fallback ??= b;
  }
  return fallback;
}

const byIdCache = new WeakMap<DiagramLayout, Map<string, DiagramBox>>();

/** The box with this id (a map built once per layout). */
export function boxById(layout: DiagramLayout, id: string): DiagramBox | undefined {
  let map = byIdCache.get(layout);
  if (!map || map.size !== layout.boxes.length) {
    map = new Map(layout.boxes.map((b) => [b.id, b]));
    byIdCache.set(layout, map);
  }
  return map.get(id);
}

/** The extent of a box including the cards stacked behind it. */
export function boxExtent(b: DiagramBox): Rect {
  if (!b.stack || b.stack.shown === 0) return { x: b.x, y: b.y, w: b.w, h: b.h };
  const dx = b.stack.dx * b.stack.shown;
  const dy = b.stack.dy * b.stack.shown;
  return { x: Math.min(b.x, b.x + dx), y: b.y - dy, w: b.w + Math.abs(dx), h: b.h + dy };
}

/** True when `a` is `b` or an ancestor of `b`. */
export function isAncestor(layout: DiagramLayout, a: DiagramBox, b: DiagramBox): boolean {
  let cur: DiagramBox | undefined = b;
  while (cur) {
    if (cur.id === a.id) return true;
    cur = cur.parent ? boxById(layout, cur.parent) : undefined;
  }
  return false;
}
