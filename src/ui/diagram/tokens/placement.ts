// Where tokens go: the box a span is drawn in, where a token rests in a box, and the path between boxes.
import { ownerKind, parseComponent, spanStop, splitStop } from '../../../model/routes.ts';
import { centre, exitPoint, type Point } from '../geometry.ts';
import { boxById, type DiagramBox, type DiagramLayout } from '../layout/layout.ts';
import type { SpanRecord } from './tokens.ts';

/**
 * Where a span is drawn: the box of the stop the model charges it at (its host, place and station),
 * else the box of its domain, else its host. A span between hosts (no host) is drawn on the switch.
 */
export function resolveSpanBox(layout: DiagramLayout, span: SpanRecord): DiagramBox | undefined {
  const at = spanStop(span);
  const ref = parseComponent(span.component);
  const host = ref.host ?? layout.sender;
  if (at) {
    if (at.host === null) return boxById(layout, 'switch');
    const { place, station } = splitStop(at.stop);
    const found = boxById(layout, `h${at.host}/${place}/${station}`);
    if (found) return found;
  }
  const owner = ownerKind(span.owner);
  const domain = owner && owner !== 'hw' && owner !== 'wait' ? owner : ref.domain;
  return (domain ? boxById(layout, `h${host}/${domain}`) : undefined) ?? boxById(layout, `h${host}`);
}

/**
 * Where a token sits while its message is in a box: on the box's top edge, above the label, so the
 * station's name stays readable (the wire and the switch: their centre).
 */
export function tokenAnchor(b: DiagramBox): Point {
  if (b.kind !== 'station' || b.station === 'wire') return centre(b);
  return { x: b.x + b.w / 2, y: b.y + Math.min(4, b.h * 0.1) };
}

/**
 * The path a token follows from `from` (where it rests in box a) into box b: along the drawn connector
 * when there is one, through the switch between hosts, else straight. It ends on b's border, where
 * the path arrives, so a resting token never covers b's label.
 */
export function hopPoints(
  layout: DiagramLayout,
  a: DiagramBox,
  from: Point,
  b: DiagramBox,
  connectorIndex: Map<string, Point[]>,
): Point[] {
  if (a.id === b.id) return [from];
  if (a.host !== null && b.host !== null && a.host !== b.host) {
    const out: Point[] = [from];
    const wireA = boxById(layout, `h${a.host}/net/wire`);
    const wireB = boxById(layout, `h${b.host}/net/wire`);
    const sw = boxById(layout, 'switch');
    if (a.station === 'dma' && wireA) out.push(dmaPort(a, wireA));
    if (wireA) out.push(centre(wireA));
    if (sw) out.push(centre(sw));
    if (wireB) out.push(centre(wireB));
    if (b.station === 'dma' && wireB) out.push(dmaPort(b, wireB));
    else out.push(tokenAnchor(b));
    return out;
  }
  if (a.station === 'wire' && b.station === 'dma') return [from, dmaPort(b, a)];
  if (b.station === 'wire' && a.station === 'dma') return [from, dmaPort(a, b), centre(b)];
  if (a.id === 'switch' || b.id === 'switch') return [from, centre(b)];
  const fwd = connectorIndex.get(`${a.id}>${b.id}`);
  if (fwd) return [from, ...fwd];
  const back = connectorIndex.get(`${b.id}>${a.id}`);
  if (back) return [from, ...[...back].reverse()];
  return [from, exitPoint(b, from)];
}

/** Where the cable meets the DMA engine. */
function dmaPort(dma: DiagramBox, wire: DiagramBox): Point {
  const wy = wire.y + wire.h / 2;
  const x = wire.x >= dma.x + dma.w ? dma.x + dma.w : dma.x;
  return { x, y: wy };
}
