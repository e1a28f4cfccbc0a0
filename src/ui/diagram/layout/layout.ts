import { buildHost, globalBoxes } from './host.ts';
import { hostConnectors, labelArrows } from './connectors.ts';
import { modeRoute, stopKey, usedStops } from './route.ts';
import { switchRect } from './routing.ts';
import { pageSlots } from './slots.ts';
import type { DiagramBox, DiagramConnector, DiagramLayout, LayoutParams } from './types.ts';

/**
 * The I/O-path diagram as pure geometry (xyflow style): boxes and connector paths from the size and the
 * mode, no DOM. Hosts stand side by side, host 0 on the left and the others mirrored on the right, so
 * every host's NIC faces the switch in the middle. In each host, from top to bottom: the guest VMs, the
 * Xen hypervisor, the driver domain, the NIC (the mode's layers, layers.ts). Boxes the mode's route
 * (src/model/routes.ts) does not charge are drawn faded.
 */

/** Lays out the diagram. Pure: the same parameters give the same layout, to the pixel. */
export function layoutDiagram(params: LayoutParams): DiagramLayout {
  const slots = pageSlots(params);
  const { f, small, width, height, hosts, sender, receiver, margin } = slots;
  const mode = params.mode;
  const route = modeRoute(mode);
  const boxes: DiagramBox[] = [];
  const connectors: DiagramConnector[] = [];
  for (let h = 0; h < hosts; h++) {
    const host = buildHost(slots, mode, h);
    boxes.push(...globalBoxes(host));
    const stops = h === sender ? route.sender : h === receiver ? route.receiver : [];
    connectors.push(...hostConnectors(host, route, stops, h === sender, f));
  }
  // The link speed under the switch needs the legend line's room; without it the NIC's title says it.
  boxes.push(switchBox(boxes, f, slots.gapX, slots.switchGap, slots.gbps, slots.legend));
  // Labels of the named arrows (b₁, c₁ on their first hop's longest segment; d₁ in the gap beside its lane).
  labelArrows(connectors, boxes, f, small, width);
  markUsed(boxes, usedStops(mode, { workload: params.workload, op: params.op }, sender, receiver));

  const routeIds = [
    ...route.sender.map((x) => stopKey(sender, x)),
    ...(hosts > 1 || receiver !== sender ? route.receiver.map((x) => stopKey(receiver, x)) : []),
  ];
  return {
    width,
    height,
    mode,
    hosts,
    vmsPerHost: slots.vmsPerHost,
    sender,
    receiver,
    fontPx: f,
    smallFontPx: small,
    boxes,
    connectors,
    legend: slots.legend
      ? {
          x: margin,
          y: height - slots.u.margin * f - slots.legendH + 0.25 * f,
          w: width - 2 * margin,
          h: slots.legendH - 0.25 * f,
        }
      : null,
    routeIds,
  };
}

/** The switch box, centred in the gap between host 0 and host 1 at the height of host 0's wire. */
function switchBox(
  boxes: DiagramBox[],
  f: number,
  gapX: number,
  switchGap: number,
  gbps: number,
  speedBelow: boolean,
): DiagramBox {
  const dma = boxes.find((b) => b.station === 'dma' && b.host === 0)!;
  const sw = switchRect(f, dma.y + dma.h * 0.62);
  return {
    id: 'switch',
    kind: 'switch',
    layer: 'net',
    host: null,
    parent: null,
    place: 'net',
    station: null,
    part: null,
    label: `switch (${gbps} Gbit/s links)`,
    lines: speedBelow ? ['switch', `${gbps} Gbit/s`] : ['switch'],
    x: gapX + (switchGap - sw.w) / 2,
    y: sw.y,
    w: sw.w,
    h: sw.h,
    used: false,
  };
}

/** Sets `used` on every box: stations the route charges, parts with their station, containers with any used child. */
function markUsed(boxes: DiagramBox[], used: ReadonlySet<string>): void {
  const isUsed = (b: DiagramBox): boolean => {
    if (b.kind === 'station') return used.has(b.id);
    if (b.kind === 'part') {
      if (b.part === 'toolstack') return false;
      return used.has(`h${b.host}/nic/dma`);
    }
    if (b.kind === 'switch') return [...used].some((k) => k.endsWith('/net/wire'));
    if (b.kind === 'placeholder') return false;
    return boxes.some((c) => c.parent === b.id && isUsed(c));
  };
  for (const b of boxes) b.used = isUsed(b);
}

export type {
  Layer,
  BoxKind,
  PartKind,
  DiagramBox,
  Meter,
  ConnectorKind,
  DiagramConnector,
  LayoutParams,
  DiagramLayout,
} from './types.ts';
export { diagramFontPx, PROJECTOR_MIN_FONT_PX, type Density } from './grid.ts';
export { findStation, boxById, boxExtent, isAncestor } from './query.ts';
