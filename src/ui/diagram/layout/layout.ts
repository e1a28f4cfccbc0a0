import { inflate, roundedPath, textWidth, type Point, type Rect } from './geometry.ts';
import {
  DOM0_ROWS,
  LINUX_ROWS,
  NIC_ROWS,
  PART_LABELS,
  READOUT_STATIONS,
  STATION_LABELS,
  STUB_ROWS,
  U,
  VM_ROWS,
  XEN_ROWS,
  clamp,
  diagramFontPx,
  verticalBudget,
  type Cell,
} from './layoutGrid.ts';
import { arrowLabel, channelYs, fitLabelPreferLong, routeHop, switchRect } from './layoutRouting.ts';
import type {
  DiagramBox,
  DiagramConnector,
  DiagramLayout,
  Layer,
  LayoutParams,
  LocalBox,
  Meter,
} from './layoutTypes.ts';
import {
  ARROWS,
  modeRoute,
  stopKey,
  usedStops,
  type ArrowName,
  type Place,
  type RouteStop,
} from './routes.ts';

/**
 * The I/O-path diagram as pure geometry (xyflow style): boxes and connector paths from the size and the
 * mode, no DOM. Hosts stand side by side, host 0 on the left and the others mirrored on the right, so
 * every host's NIC faces the switch in the middle. In each host, from top to bottom: the guest VMs, the
 * Xen hypervisor, the driver domain, the NIC.
 */

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
} from './layoutTypes.ts';
export { diagramFontPx } from './layoutGrid.ts';
export { findStation, boxById, boxExtent, isAncestor } from './layoutQuery.ts';

/** Lays out the diagram. Pure: the same parameters give the same layout, to the pixel. */
export function layoutDiagram(params: LayoutParams): DiagramLayout {
  const width = Math.max(1, params.width);
  const height = Math.max(1, params.height);
  const hosts = clamp(Math.round(params.hosts ?? 2), 1, 4);
  const vmsPerHost = clamp(Math.round(params.vmsPerHost), 1, 16);
  const mode = params.mode;
  const gbps = params.linkGbps && params.linkGbps > 0 ? params.linkGbps : 10;
  const f = diagramFontPx(width, height, hosts);
  const small = Math.max(Math.min(14, f), Math.round(f * 0.82));
  const sender = 0;
  const receiver = hosts > 1 ? 1 : 0;

  // Horizontal: hosts in a row, a wide gap with the switch in the middle of them.
  const margin = U.margin * f;
  const switchGap = U.switchGap * f;
  const smallGap = f;
  // Host 0 sits just left of the switch and host 1 just right of it; further hosts further out.
  const left = Math.ceil(hosts / 2);
  const right = hosts - left;
  const hostW =
    (width - 2 * margin - switchGap - Math.max(0, left - 1) * smallGap - Math.max(0, right - 1) * smallGap) /
    Math.max(1, hosts);
  const gapX = margin + left * hostW + (left - 1) * smallGap;
  const hostX: number[] = [];
  for (let h = 0; h < hosts; h++) {
    const k = Math.floor(h / 2);
    hostX.push(
      h % 2 === 0 ? gapX - hostW - k * (hostW + smallGap) : gapX + switchGap + k * (hostW + smallGap),
    );
  }

  // Vertical: fixed parts in f, the rest shared by the station rows.
  const { fixed, rows } = verticalBudget();
  const rowH = clamp((height - fixed * f) / rows, U.rowMin * f, U.rowMax * f);
  const spare = Math.max(0, height - fixed * f - rows * rowH);
  const layerGap = U.layerGap * f + spare / 5;
  const frameY = U.top * f;
  const legendH = U.legend * f;
  const frameBottomY = height - U.margin * f - legendH;

  const boxes: DiagramBox[] = [];
  const connectors: DiagramConnector[] = [];
  const used = usedStops(mode, sender, receiver);
  const route = modeRoute(mode);

  // Layer slots in local y.
  const yGuestCard = frameY + U.frameTop * f + U.cascade * f;
  const guestH = U.boxTop * f + 2 * rowH + U.rowGap * f + U.boxBottom * f;
  const yXen = yGuestCard + guestH + layerGap;
  const xenRowH = rowH + U.xenExtra * f;
  const xenH = U.boxTop * f + xenRowH + U.boxBottomPlain * f;
  const yDrv = yXen + xenH + layerGap;
  const drvH = U.boxTop * f + 2 * rowH + U.rowGapWide * f + U.boxBottom * f;
  const yNic = yDrv + drvH + layerGap;
  const nicRowH = rowH + U.nicExtra * f;
  const nicH = U.boxTop * f + nicRowH + U.boxBottomPlain * f;

  const hasGuests = mode !== 'native' && mode !== 'dom0';
  // Room kept on a domain's top border for n vCPU gauges ("vCPU1 100 %").
  const gaugeRoom = (n: number) => n * (textWidth('vCPU0 100 %', small, false) + 1.3 * small) + 0.4 * f;
  const badgeText = `×${vmsPerHost} VMs`;
  const badgeW = textWidth(badgeText, small) + 0.8 * f;

  for (let h = 0; h < hosts; h++) {
    const mirrored = h % 2 === 1;
    const X = hostX[h];
    const W = hostW;
    const toGlobal = (r: Rect): Rect => ({
      x: mirrored ? X + W - r.x - r.w : X + r.x,
      y: r.y,
      w: r.w,
      h: r.h,
    });
    const local: LocalBox[] = [];
    const contentL = U.framePadX * f;
    const contentR = W - U.lane * f;
    const laneX = W - (U.lane * f) / 2;
    const pre = `h${h}`;

    const frameRect: Rect = { x: 0, y: frameY, w: W, h: frameBottomY - frameY };
    const role = hosts > 1 ? (h === sender ? ' · sender' : h === receiver ? ' · receiver' : '') : '';
    local.push({
      id: pre,
      kind: 'host',
      layer: 'host',
      host: h,
      parent: null,
      place: null,
      station: null,
      part: null,
      label: `Host ${h}${role}`,
      lines: [`Host ${h}${role}`],
      r: frameRect,
      mirrored,
    });

    const domain = (
      id: string,
      place: Place,
      layer: Layer,
      r: Rect,
      titles: string[],
      meters: { top?: Meter['kind']; bottom?: Meter['kind']; bottomFrac?: number; reserve?: number },
    ): LocalBox => {
      // The longest title that leaves room for the gauges on the border.
      const room = r.w - f - (meters.reserve ?? 0);
      const titleLines = [titles.find((t) => textWidth(t, f) + 0.9 * f <= room) ?? titles[titles.length - 1]];
      const tw = textWidth(titleLines[0], f) + 0.9 * f;
      const title: Rect = { x: r.x + 0.5 * f, y: r.y - 0.62 * f, w: tw, h: 1.24 * f };
      const box: LocalBox = {
        id,
        kind: 'domain',
        layer,
        host: h,
        parent: pre,
        place,
        station: null,
        part: null,
        label: titles[0],
        lines: titleLines,
        r,
        title,
      };
      // Local coordinates: the host's inner side is on the right ('right' here; mirrored later).
      const out: Meter[] = [];
      if (meters.top) {
        const x0 = title.x + title.w + 0.4 * f;
        out.push({
          kind: meters.top,
          rect: { x: x0, y: title.y, w: Math.max(0, r.x + r.w - 0.5 * f - x0), h: title.h },
          align: 'right',
        });
      }
      if (meters.bottom) {
        const w = r.w * (meters.bottomFrac ?? 0.75) - 0.5 * f;
        out.push({
          kind: meters.bottom,
          rect: { x: r.x + 0.5 * f, y: r.y + r.h - 0.62 * f, w, h: 1.24 * f },
          align: 'left',
        });
      }
      if (out.length) box.meters = out;
      local.push(box);
      return box;
    };

    /** Places rows of cells on a grid of `cols` columns inside `inner`, rows `rowHeights` apart by `gaps`. */
    const grid = (
      parent: LocalBox,
      place: Place,
      layer: Layer,
      inner: Rect,
      cols: number,
      cells: Cell[][],
      gaps: number[],
      rowHeight = rowH,
    ) => {
      const colGap = U.colGap * f;
      const colW = (inner.w - (cols - 1) * colGap) / cols;
      let y = inner.y;
      cells.forEach((row, ri) => {
        let c = 0;
        for (const cell of row) {
          const x = inner.x + c * (colW + colGap);
          const w = cell.span * colW + (cell.span - 1) * colGap;
          const r: Rect = { x, y, w, h: rowHeight };
          c += cell.span;
          const labels =
            cell.labels ?? (cell.station ? STATION_LABELS[cell.station] : PART_LABELS[cell.part!]);
          const readout =
            (cell.station && READOUT_STATIONS.has(cell.station)) ||
            cell.part === 'rings' ||
            cell.part === 'vf';
          const lineH = 1.05 * f;
          const labelRoom = rowHeight - 0.25 * f - (readout ? small * 1.2 : 0);
          const maxLines = Math.max(1, Math.floor(labelRoom / lineH + 1e-6));
          const lines = fitLabelPreferLong(labels, w - 0.55 * f, f, maxLines);
          const box: LocalBox = {
            id: cell.station ? `${pre}/${place}/${cell.station}` : `${pre}/${place}/${cell.part}`,
            kind: cell.station ? 'station' : 'part',
            layer,
            host: h,
            parent: parent.id,
            place,
            station: cell.station ?? null,
            part: cell.part ?? null,
            label: labels[0],
            lines,
            r,
          };
          if (readout)
            box.readout = {
              x: x + 0.2 * f,
              y: y + rowHeight - 0.25 * f - small * 1.2,
              w: w - 0.4 * f,
              h: small * 1.2,
            };
          local.push(box);
        }
        y += rowHeight + (gaps[ri] ?? 0);
      });
    };

    const domInner = (r: Rect, bottom: number): Rect => ({
      x: r.x + U.domPad * f,
      y: r.y + U.boxTop * f,
      w: r.w - 2 * U.domPad * f,
      h: r.h - U.boxTop * f - bottom * f,
    });

    const full = (y: number, hh: number): Rect => ({ x: contentL, y, w: contentR - contentL, h: hh });

    if (mode === 'native') {
      const r = full(yGuestCard, yDrv + drvH - yGuestCard);
      const box = domain(
        `${pre}/linux`,
        'linux',
        'driver',
        r,
        ['Linux (native, no hypervisor)', 'Linux (native)', 'Linux'],
        {
          top: 'cpu',
          bottom: 'rings',
          bottomFrac: 0.8,
          reserve: gaugeRoom(1),
        },
      );
      const inner = domInner(r, U.boxBottom);
      // One kernel where Xen modes have three layers: taller rows, the rest as space between them.
      const tall = Math.max(rowH, Math.min(rowH * 1.6, (inner.h - 2 * 1.6 * f) / 3));
      const gap = (inner.h - 3 * tall) / 2;
      grid(box, 'linux', 'driver', inner, 3, LINUX_ROWS, [gap, gap], tall);
    } else {
      if (hasGuests) {
        const r = full(yGuestCard, guestH);
        const title = vmsPerHost > 1 ? ['Guest VM 1 (DomU)', 'VM 1'] : ['Guest VM (DomU)', 'Guest VM', 'VM'];
        const box = domain(`${pre}/vm`, 'vm', 'guest', r, title, {
          top: 'cpu',
          bottom: 'rings',
          bottomFrac: 0.55,
          reserve: gaugeRoom(1) + (vmsPerHost > 1 ? badgeW + 0.35 * f : 0),
        });
        if (vmsPerHost > 1) {
          const shown = Math.min(3, vmsPerHost - 1);
          box.stack = { count: vmsPerHost, shown, dx: 0.2 * f, dy: (U.cascade * f * 0.9) / 3 };
          const text = badgeText;
          const bw = badgeW;
          box.badge = {
            text,
            rect: { x: box.title!.x + box.title!.w + 0.35 * f, y: box.title!.y, w: bw, h: box.title!.h },
          };
          const x0 = box.badge.rect.x + bw + 0.4 * f;
          box.meters = [
            {
              kind: 'cpu',
              rect: { x: x0, y: box.title!.y, w: Math.max(0, r.x + r.w - 0.5 * f - x0), h: box.title!.h },
              align: 'right',
            },
            ...(box.meters ?? []).filter((m) => m.kind !== 'cpu'),
          ];
        }
        grid(box, 'vm', 'guest', domInner(r, U.boxBottom), 4, VM_ROWS(mode), [U.rowGap * f]);
      } else {
        // Dom0 mode: no guest; say so where the guests would be.
        const r = full(yGuestCard, guestH);
        local.push({
          id: `${pre}/vm-none`,
          kind: 'placeholder',
          layer: 'guest',
          host: h,
          parent: pre,
          place: 'vm',
          station: null,
          part: null,
          label: 'No guest VM: the application runs in Dom0',
          lines: fitLabelPreferLong(
            ['No guest VM: the application runs in Dom0', 'No guest VM (app in Dom0)', 'no guest VM'],
            r.w - f,
            f,
            2,
          ),
          r,
        });
      }
      const xr = full(yXen, xenH);
      const xen = domain(`${pre}/xen`, 'xen', 'hypervisor', xr, ['Xen hypervisor', 'Xen'], {});
      grid(xen, 'xen', 'hypervisor', domInner(xr, U.boxBottomPlain), 4, XEN_ROWS, [], xenRowH);

      const dr = full(yDrv, drvH);
      if (mode === 'stub-domain') {
        const split = contentL + (contentR - contentL) * 0.44;
        const d0r: Rect = { ...dr, w: split - contentL - 0.3 * f };
        const sr: Rect = { ...dr, x: split + 0.3 * f, w: contentR - split - 0.3 * f };
        const d0 = domain(`${pre}/dom0`, 'dom0', 'driver', d0r, ['Dom0 (control only)', 'Dom0'], {
          bottom: 'cpu',
          bottomFrac: 1,
        });
        const d0in = domInner(d0r, U.boxBottom);
        local.push({
          id: `${pre}/dom0/toolstack`,
          kind: 'part',
          layer: 'driver',
          host: h,
          parent: d0.id,
          place: 'dom0',
          station: null,
          part: 'toolstack',
          label: 'toolstack, control',
          lines: fitLabelPreferLong(['toolstack, control', 'control'], d0in.w - 0.5 * f, f, 2),
          r: d0in,
        });
        const sd = domain(
          `${pre}/stubdom`,
          'stubdom',
          'driver',
          sr,
          ['stub driver domain', 'stub domain', 'stubdom'],
          {
            bottom: 'both',
            bottomFrac: 0.6,
          },
        );
        grid(sd, 'stubdom', 'driver', domInner(sr, U.boxBottom), 2, STUB_ROWS, [U.rowGapWide * f]);
      } else {
        const d0 = domain(`${pre}/dom0`, 'dom0', 'driver', dr, ['Dom0 · driver domain', 'Dom0'], {
          bottom: 'both',
          bottomFrac: 0.8,
        });
        grid(d0, 'dom0', 'driver', domInner(dr, U.boxBottom), 4, DOM0_ROWS(mode), [U.rowGapWide * f]);
      }
    }

    const nr = full(yNic, nicH);
    const nic = domain(`${pre}/nic`, 'nic', 'nic', nr, [`NIC (${gbps} GbE)`, 'NIC'], {});
    grid(nic, 'nic', 'nic', domInner(nr, U.boxBottomPlain), 4, NIC_ROWS(mode), [], nicRowH);

    // The wire station: the cable from this host's edge to the switch, at the DMA engine's height.
    const dmaLocal = local.find((b) => b.station === 'dma')!;
    const wireY = dmaLocal.r.y + dmaLocal.r.h * 0.62;
    const sw = switchRect(f, wireY);
    const wireLen = (switchGap - sw.w) / 2;
    const adjacent = h < 2;
    local.push({
      id: `${pre}/net/wire`,
      kind: 'station',
      layer: 'net',
      host: h,
      parent: null,
      place: 'net',
      station: 'wire',
      part: null,
      label: `wire (${gbps} Gbit/s)`,
      lines: [`${gbps} Gbit/s`],
      // Hosts further out than 0 and 1 get a stub of cable in the gap next to them (no line to the switch).
      r: { x: W, y: wireY - 0.7 * f, w: adjacent ? wireLen : smallGap * 0.8, h: 1.4 * f },
    });

    // Global boxes of this host.
    boxes.push(...globalBoxes(local, toGlobal, mirrored));

    // Path connectors of this host (route hops), routed in local coordinates around the other boxes.
    const stops = h === sender ? route.sender : h === receiver ? route.receiver : [];
    const byId = new Map(local.map((b) => [b.id, b]));
    const obstacles = local.filter((b) => b.kind === 'station' || b.kind === 'part').map((b) => b);
    const channels = channelYs(local, f);
    const seen = new Map<string, DiagramConnector>();
    const arrowOfHop = new Map<number, ArrowName>();
    if (h === sender) for (const a of route.arrows) for (const [i] of a.hops) arrowOfHop.set(i, a.name);
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
        const others = obstacles
          .filter((o) => o.id !== a.id && o.id !== b.id)
          .map((o) => inflate(o.r, 0.12 * f));
        // Title pills are not obstacles: they are drawn over the paths that cross their borders.
        pts = routeHop(a.r, b.r, others, channels, laneX, f);
      }
      const arrow = arrowOfHop.get(i) ?? null;
      const gpts = pts.map((p) => ({ x: mirrored ? X + W - p.x : X + p.x, y: p.y }));
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
      connectors.push(con);
    }

    // d₁: the application's pages to the DMA engine, down the lane, bypassing the driver domain.
    const d1 = h === sender ? route.arrows.find((a) => a.name === 'd1') : undefined;
    if (d1 && d1.from && d1.to) {
      const a = byId.get(stopKey(h, d1.from));
      const b = byId.get(stopKey(h, d1.to));
      if (a && b) {
        const yA = a.r.y + a.r.h / 2;
        const yB = b.r.y + b.r.h * 0.28;
        const pts = [
          { x: a.r.x + a.r.w, y: yA },
          { x: laneX, y: yA },
          { x: laneX, y: yB },
          { x: b.r.x + b.r.w, y: yB },
        ];
        const gpts = pts.map((p) => ({ x: mirrored ? X + W - p.x : X + p.x, y: p.y }));
        connectors.push({
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
    }
  }

  // The switch, between the two halves.
  boxes.push(switchBox(boxes, f, gapX, switchGap, gbps));

  // Labels of the named arrows (b₁, c₁ on their first hop's longest segment; d₁ in the gap beside its lane).
  labelArrows(connectors, boxes, f, small, width);

  // Used flags: stations by the route, parts with their station, domains and hosts with any used child.
  markUsed(boxes, used);

  const routeIds = [
    ...route.sender.map((x) => stopKey(sender, x)),
    ...(hosts > 1 || receiver !== sender ? route.receiver.map((x) => stopKey(receiver, x)) : []),
  ];

  return {
    width,
    height,
    mode,
    hosts,
    vmsPerHost,
    sender,
    receiver,
    fontPx: f,
    smallFontPx: small,
    boxes,
    connectors,
    legend: {
      x: margin,
      y: height - U.margin * f - legendH + 0.25 * f,
      w: width - 2 * margin,
      h: legendH - 0.25 * f,
    },
    routeIds,
  };
}

/** A host's boxes in global coordinates: `toGlobal` moves (and for a mirrored host, mirrors) each rect. */
function globalBoxes(local: LocalBox[], toGlobal: (r: Rect) => Rect, mirrored: boolean): DiagramBox[] {
  return local.map((b) => {
    const { r, ...rest } = b;
    const g = toGlobal(r);
    const box: DiagramBox = { ...rest, ...g, used: false };
    for (const k of ['title', 'readout'] as const) if (b[k]) box[k] = toGlobal(b[k]!);
    if (b.meters)
      box.meters = b.meters.map((m) => ({
        kind: m.kind,
        rect: toGlobal(m.rect),
        align: mirrored ? (m.align === 'left' ? 'right' : 'left') : m.align,
      }));
    if (b.badge) box.badge = { text: b.badge.text, rect: toGlobal(b.badge.rect) };
    if (b.stack && mirrored) box.stack = { ...b.stack, dx: -b.stack.dx };
    return box;
  });
}

/** The switch box, centred in the gap between host 0 and host 1 at the height of host 0's wire. */
function switchBox(
  boxes: DiagramBox[],
  f: number,
  gapX: number,
  switchGap: number,
  gbps: number,
): DiagramBox {
  const dma = boxes.find((b) => b.station === 'dma' && b.host === 0)!;
  const wireY = dma.y + dma.h * 0.62;
  const sw = switchRect(f, wireY);
  const x = gapX + (switchGap - sw.w) / 2;
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
    lines: ['switch', `${gbps} Gbit/s`],
    x,
    y: sw.y,
    w: sw.w,
    h: sw.h,
    used: false,
  };
}

/** Puts a label pill on the first connector of each named arrow on each host. */
function labelArrows(
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

/** Sets `used` on every box from the route's used stops. */
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

export type { RouteStop };
