import type { Station } from '../../model/categories.ts';
import type { Mode } from '../../model/types.ts';
import {
  centre,
  exitPoint,
  fitLabel,
  inflate,
  polylineHits,
  roundedPath,
  textWidth,
  type Point,
  type Rect,
} from './geometry.ts';
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

export type Layer = 'host' | 'guest' | 'hypervisor' | 'driver' | 'nic' | 'net';
export type BoxKind = 'host' | 'domain' | 'station' | 'part' | 'switch' | 'placeholder';
/** Boxes that are not stations: the NIC's rings, SR-IOV's queue pairs, on-chip buffers, Dom0's toolstack. */
export type PartKind = 'rings' | 'vf' | 'onchip' | 'toolstack';

export interface DiagramBox extends Rect {
  id: string;
  kind: BoxKind;
  layer: Layer;
  /** Host number, or null for the switch. */
  host: number | null;
  parent: string | null;
  place: Place | null;
  station: Station | null;
  part: PartKind | null;
  /** Full name, for tooltips and screen readers. */
  label: string;
  /** The label as drawn, fitted to the box. */
  lines: string[];
  /** The mode uses this box (else it is drawn faded). */
  used: boolean;
  /** Domains and hosts: the title pill on the top border. */
  title?: Rect;
  /**
   * Domains: where live gauges go, on the box's borders where no path crosses: vCPU busy (`cpu`), ring
   * occupancy (`rings`) or both, packed toward `align`.
   */
  meters?: Meter[];
  /** A VM card standing for several VMs: the cards drawn behind it. */
  stack?: { count: number; shown: number; dx: number; dy: number };
  /** A badge pill (e.g. "×16 VMs"). */
  badge?: { text: string; rect: Rect };
  /** Stations with live readouts: where the readout line goes. */
  readout?: Rect;
  /** Host frames: the host's mirrored flag (true when its inner side is on the left). */
  mirrored?: boolean;
}

export interface Meter {
  kind: 'cpu' | 'rings' | 'both';
  rect: Rect;
  align: 'left' | 'right';
}

export type ConnectorKind = 'route' | 'data' | 'wire';

export interface DiagramConnector {
  id: string;
  kind: ConnectorKind;
  host: number | null;
  /** Box ids. */
  from: string;
  to: string;
  /** The drawn polyline, from the edge of `from` to the edge of `to`. */
  points: Point[];
  /** SVG path data of `points`, corners rounded. */
  path: string;
  dashed: boolean;
  /** Draw an arrowhead at the end (`to`) and/or at the start. */
  arrowEnd: boolean;
  arrowStart: boolean;
  /** Part of a named arrow of the poster. */
  arrow: ArrowName | null;
  /** A pill with the named arrow's label. */
  label?: { text: string; lines: string[]; rect: Rect };
}

export interface LayoutParams {
  width: number;
  height: number;
  /** Hosts side by side (1–4, default 2). */
  hosts?: number;
  /** Guest VMs per host (1–16): the first is drawn, the others as a stack behind it. */
  vmsPerHost: number;
  mode: Mode;
  /** Link speed for the labels of the NIC and the wire, Gbit/s (default 10). */
  linkGbps?: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  mode: Mode;
  hosts: number;
  vmsPerHost: number;
  /** Sending and receiving host of the drawn route. */
  sender: number;
  receiver: number;
  /** Label size in px (bold titles and station names) and the size of readouts. */
  fontPx: number;
  smallFontPx: number;
  boxes: DiagramBox[];
  connectors: DiagramConnector[];
  /** The legend line along the bottom. */
  legend: Rect;
  /** Ordered sender-then-receiver station box ids of the route. */
  routeIds: string[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Labels per station, longest first: the layout takes the first that fits. */
const STATION_LABELS: Record<Station, string[]> = {
  app: ['application', 'app'],
  tcpip: ['socket + TCP/IP', 'TCP/IP stack', 'TCP/IP'],
  copy: ['data copy', 'copy'],
  netfront: ['netfront'],
  frontend: ['HPC frontend', 'frontend'],
  evtchn: ['event channel', 'evtchn'],
  sched: ['scheduler', 'sched'],
  netback: ['netback'],
  backend: ['HPC backend', 'backend'],
  grant: ['grant table', 'grants'],
  iotlb: ['IOTLB (grant map)', 'IOTLB'],
  bridge: ['software bridge', 'bridge'],
  driver: ['native NIC driver', 'NIC driver', 'driver'],
  dma: ['DMA engine', 'DMA'],
  wire: ['wire'],
};

const PART_LABELS: Record<PartKind, string[]> = {
  rings: ['TX / RX rings', 'rings'],
  vf: ['VF queue pairs', 'VF queues'],
  onchip: ['on-chip buffers', 'buffers'],
  toolstack: ['toolstack, control', 'control'],
};

/** Stations that show a live readout line. */
const READOUT_STATIONS = new Set<Station>(['evtchn', 'iotlb', 'dma']);

interface Cell {
  station?: Station;
  part?: PartKind;
  span: number;
  labels?: string[];
}

const st = (station: Station, span = 1, labels?: string[]): Cell => ({ station, span, labels });
const pt = (part: PartKind, span = 1): Cell => ({ part, span });

// Column order is chosen so that every mode's path runs without crossing itself (see routes.ts).
const VM_ROWS = (mode: Mode): Cell[][] => [
  [st('app', 4)],
  mode === 'sr-iov'
    ? [st('copy'), st('tcpip'), st('frontend'), st('driver', 1, ['VF driver', 'VF drv'])]
    : [st('copy'), st('tcpip'), st('netfront'), st('frontend')],
];
const XEN_ROWS: Cell[][] = [[st('grant'), st('evtchn'), st('sched'), st('iotlb')]];
const DOM0_ROWS = (mode: Mode): Cell[][] =>
  mode === 'dom0'
    ? [[st('app', 4 / 3), st('copy', 4 / 3), st('tcpip', 4 / 3)], [st('driver', 4)]]
    : [[st('bridge'), st('netback'), st('backend'), st('copy')], [st('driver', 4)]];
const STUB_ROWS: Cell[][] = [[st('backend'), st('copy')], [st('driver', 2)]];
const LINUX_ROWS: Cell[][] = [[st('app', 3)], [st('copy'), st('tcpip'), st('sched')], [st('driver', 3)]];
const NIC_ROWS = (mode: Mode): Cell[][] => {
  if (mode === 'hw-offload')
    return [
      [
        pt('rings'),
        pt('onchip'),
        st('backend', 1, ['HPC backend (offload)', 'offloaded backend', 'backend']),
        st('dma'),
      ],
    ];
  if (mode === 'sr-iov') return [[pt('vf', 2), pt('onchip'), st('dma')]];
  return [[pt('rings', 2), pt('onchip'), st('dma')]];
};

/** Sizes in units of the label font f. */
const U = {
  margin: 0.3,
  switchGap: 6.6,
  framePadX: 0.4,
  lane: 1.5,
  domPad: 0.45,
  colGap: 0.6,
  colMin: 5.6,
  top: 0.85, // above the host frame: half the host title pill
  frameTop: 0.9,
  cascade: 0.85,
  boxTop: 0.85,
  boxBottom: 0.8,
  boxBottomPlain: 0.45,
  rowGap: 0.45,
  rowGapWide: 1.35,
  layerGap: 1.9,
  frameBottom: 0.35,
  legend: 1.8,
  rowMin: 2.6,
  rowMax: 3.6,
  /** Extra height of the Xen row (two-line labels and a readout) and of the NIC row (a readout). */
  xenExtra: 0.95,
  nicExtra: 0.45,
};

/** Vertical units (in f) that do not scale with the station rows, and the number of station rows. */
function verticalBudget(): { fixed: number; rows: number } {
  const fixed =
    U.top +
    U.frameTop +
    U.cascade +
    U.boxTop +
    U.rowGap +
    U.boxBottom + // guest
    U.layerGap +
    U.boxTop +
    U.boxBottomPlain + // xen
    U.layerGap +
    U.boxTop +
    U.rowGapWide +
    U.boxBottom + // driver
    U.layerGap +
    U.boxTop +
    U.boxBottomPlain + // nic
    U.frameBottom +
    U.legend +
    U.margin +
    U.xenExtra +
    U.nicExtra;
  return { fixed, rows: 6 };
}

function horizontalUnitsPerHost(): number {
  return U.framePadX + U.lane + 2 * U.domPad + 4 * U.colMin + 3 * U.colGap;
}

/** The label size for a canvas of width × height with `hosts` hosts. */
export function diagramFontPx(width: number, height: number, hosts = 2): number {
  const { fixed, rows } = verticalBudget();
  const byHeight = height / (fixed + rows * U.rowMin);
  const byWidth =
    width / (2 * U.margin + U.switchGap + hosts * horizontalUnitsPerHost() + (hosts > 2 ? hosts - 2 : 0));
  return clamp(Math.min(byHeight, byWidth, 24), 9, 24);
}

interface LocalBox extends Omit<DiagramBox, 'x' | 'y' | 'w' | 'h' | 'used'> {
  r: Rect;
}

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
    const hostBoxes = local.map((b) => {
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
    boxes.push(...hostBoxes);

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
  {
    const dma = boxes.find((b) => b.station === 'dma' && b.host === 0)!;
    const wireY = dma.y + dma.h * 0.62;
    const sw = switchRect(f, wireY);
    const x = gapX + (switchGap - sw.w) / 2;
    boxes.push({
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
    });
  }

  // Labels of the named arrows (b₁, c₁ on their first hop's longest segment; d₁ in the gap beside its lane).
  for (const con of connectors) {
    if (!con.arrow) continue;
    const first = connectors.find((c) => c.arrow === con.arrow && c.host === con.host);
    if (first !== con) continue;
    const info = ARROWS[con.arrow];
    con.label = arrowLabel(con, info.label, info.short, f, small, boxes, width);
  }

  // Used flags: stations by the route, parts with their station, domains and hosts with any used child.
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

function switchRect(f: number, wireY: number): Rect {
  const w = Math.max(4.6 * f, textWidth('switch', f) + f);
  const h = 2.2 * f;
  return { x: 0, y: wireY - h / 2, w, h };
}

/** Like fitLabel, but prefers the long label wrapped over a terse abbreviation. */
function fitLabelPreferLong(
  candidates: readonly string[],
  maxWidth: number,
  f: number,
  maxLines: number,
): string[] {
  const one = fitLabel(candidates.slice(0, 1), maxWidth, f, 1);
  if (textWidth(one[0], f) <= maxWidth) return one;
  if (maxLines >= 2) {
    const two = fitLabel(candidates.slice(0, 1), maxWidth, f, maxLines);
    if (two.length > 1 && two.every((l) => textWidth(l, f) <= maxWidth)) return two;
  }
  return fitLabel(candidates.slice(1).length ? candidates.slice(1) : candidates, maxWidth, f, maxLines);
}

/** The y of every free horizontal channel: between station rows and between layers. */
function channelYs(local: LocalBox[], f: number): number[] {
  const rows = new Map<number, { top: number; bottom: number }>();
  for (const b of local) {
    if (b.kind !== 'station' && b.kind !== 'part') continue;
    if (b.station === 'wire' || b.part === 'toolstack') continue;
    const key = Math.round(b.r.y);
    const row = rows.get(key) ?? { top: b.r.y, bottom: b.r.y + b.r.h };
    row.bottom = Math.max(row.bottom, b.r.y + b.r.h);
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.top - b.top);
  const out: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const lo = sorted[i - 1].bottom;
    const hi = sorted[i].top;
    if (hi - lo > 0.6 * f) {
      // A layer gap holds two borders (and their pills): run in the middle of the free space between them.
      out.push((lo + hi) / 2);
    }
  }
  return out;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);

/**
 * A path from box a to box b that avoids the obstacles: straight if it can, else through a free
 * channel between rows, else an elbow, else down the lane on the inner side of the host.
 */
function routeHop(
  a: Rect,
  b: Rect,
  obstacles: Rect[],
  channels: number[],
  laneX: number,
  f: number,
): Point[] {
  const ca = centre(a);
  const cb = centre(b);
  const candidates: Point[][] = [];
  const xo = overlap(a.x, a.x + a.w, b.x, b.x + b.w);
  const yo = overlap(a.y, a.y + a.h, b.y, b.y + b.h);
  const below = b.y >= a.y + a.h;
  const above = b.y + b.h <= a.y;
  if (xo > 0.6 * f && (below || above)) {
    // Vertical: at the narrower box's centre, or at other x within the overlap.
    const narrow = a.w <= b.w ? ca.x : cb.x;
    const lo = Math.max(a.x, b.x) + 0.3 * f;
    const hi = Math.min(a.x + a.w, b.x + b.w) - 0.3 * f;
    const xs = [narrow, ...Array.from({ length: 9 }, (_, k) => lo + ((hi - lo) * k) / 8)]
      .filter((x) => x >= lo - 1e-6 && x <= hi + 1e-6)
      .sort((p, q) => Math.abs(p - narrow) - Math.abs(q - narrow));
    for (const x of xs) {
      const y0 = below ? a.y + a.h : a.y;
      const y1 = below ? b.y : b.y + b.h;
      candidates.push([
        { x, y: y0 },
        { x, y: y1 },
      ]);
    }
  } else if (yo > 0.6 * f && (b.x >= a.x + a.w || b.x + b.w <= a.x)) {
    const y = a.h <= b.h ? ca.y : cb.y;
    const right = b.x >= a.x + a.w;
    candidates.push([
      { x: right ? a.x + a.w : a.x, y },
      { x: right ? b.x : b.x + b.w, y },
    ]);
  }
  // Orthogonal elbows through a free channel between rows. Ports sit toward the other end (0.35 / 0.65
  // of the width), so a box with a path in and a path out on one side keeps the two apart.
  const portX = (r: Rect, towardX: number) => {
    const c = r.x + r.w / 2;
    const k = towardX < c - 1 ? 0.35 : towardX > c + 1 ? 0.65 : 0.5;
    return r.w > 8 * f ? Math.min(Math.max(towardX, r.x + 0.5 * f), r.x + r.w - 0.5 * f) : r.x + k * r.w;
  };
  const xa = portX(a, cb.x);
  const xb = portX(b, ca.x);
  const between = channels
    .filter((y) => (below ? y > a.y + a.h && y < b.y : above ? y < a.y && y > b.y + b.h : true))
    .sort((p, q) => Math.abs(p - ca.y) - Math.abs(q - ca.y));
  for (const y of between) {
    const ya = y > ca.y ? a.y + a.h : a.y;
    const yb = y > cb.y ? b.y + b.h : b.y;
    candidates.push([
      { x: xa, y: ya },
      { x: xa, y },
      { x: xb, y },
      { x: xb, y: yb },
    ]);
  }
  // Straight (diagonal), then L-shaped elbows.
  candidates.push([exitPoint(a, cb), exitPoint(b, ca)]);
  candidates.push([
    exitPoint(a, { x: ca.x, y: cb.y }),
    { x: ca.x, y: cb.y },
    exitPoint(b, { x: ca.x, y: cb.y }),
  ]);
  candidates.push([
    exitPoint(a, { x: cb.x, y: ca.y }),
    { x: cb.x, y: ca.y },
    exitPoint(b, { x: cb.x, y: ca.y }),
  ]);
  // The lane, straight across or by way of channels next to each end.
  const ya = a.y + a.h * 0.3;
  const yb = b.y + b.h * 0.3;
  candidates.push([
    { x: a.x + a.w, y: ya },
    { x: laneX, y: ya },
    { x: laneX, y: yb },
    { x: b.x + b.w, y: yb },
  ]);
  // Channels next to each end, the one facing the other end first.
  const nearA = channels
    .filter((y) => Math.abs(y - ca.y) < a.h / 2 + 3 * f)
    .sort((p, q) => Math.abs(p - cb.y) - Math.abs(q - cb.y));
  const nearB = channels
    .filter((y) => Math.abs(y - cb.y) < b.h / 2 + 3 * f)
    .sort((p, q) => Math.abs(p - ca.y) - Math.abs(q - ca.y));
  for (const y1 of nearA) {
    for (const y2 of nearB) {
      candidates.push([
        { x: xa, y: y1 > ca.y ? a.y + a.h : a.y },
        { x: xa, y: y1 },
        { x: laneX, y: y1 },
        { x: laneX, y: y2 },
        { x: xb, y: y2 },
        { x: xb, y: y2 > cb.y ? b.y + b.h : b.y },
      ]);
    }
  }
  for (const c of candidates) if (!polylineHits(c, obstacles)) return c;
  return [exitPoint(a, cb), exitPoint(b, ca)];
}

/** A pill for a named arrow: on its longest segment, or for d₁ in the gap beside the lane. */
function arrowLabel(
  con: DiagramConnector,
  text: string,
  short: string,
  f: number,
  small: number,
  boxes: DiagramBox[],
  width: number,
): { text: string; lines: string[]; rect: Rect } {
  const pad = 0.45 * small;
  const lineH = small * 1.2;
  if (con.arrow === 'd1') {
    // Beside the vertical lane segment, in the space between the hosts (or inside the lane when there is none).
    const [, p1, p2] = con.points;
    const host = boxes.find((b) => b.id === `h${con.host}`)!;
    const inward = host.mirrored ? -1 : 1;
    const neighbours = boxes.filter((b) => b.kind === 'host' && b.id !== host.id);
    const edge = host.mirrored
      ? Math.max(0, ...neighbours.map((b) => b.x + b.w).filter((x) => x <= host.x))
      : Math.min(width, ...neighbours.map((b) => b.x).filter((x) => x >= host.x + host.w));
    const room = Math.abs(edge - p1.x) - 0.6 * f;
    const words = ['d₁', 'DMA from', 'app pages'];
    const wMax = Math.max(...words.map((w) => textWidth(w, small))) + 2 * pad;
    const lines = wMax <= room * 0.95 ? words : [short];
    const w = Math.max(...lines.map((l) => textWidth(l, small))) + 2 * pad;
    const h = lines.length * lineH + pad;
    const midY = (p1.y + p2.y) / 2;
    const x = inward > 0 ? p1.x + 0.35 * f : p1.x - 0.35 * f - w;
    return { text, lines, rect: { x, y: midY - h / 2, w, h } };
  }
  let best = 0;
  let bestLen = -1;
  for (let i = 1; i < con.points.length; i++) {
    const len = Math.hypot(con.points[i].x - con.points[i - 1].x, con.points[i].y - con.points[i - 1].y);
    if (len > bestLen) {
      bestLen = len;
      best = i;
    }
  }
  const a = con.points[best - 1];
  const b = con.points[best];
  const horizontal = Math.abs(b.y - a.y) < Math.abs(b.x - a.x);
  const full = textWidth(text, small) + 2 * pad;
  const lines = horizontal && full <= bestLen - 0.4 * f ? [text] : !horizontal ? [text] : [short];
  const w = textWidth(lines[0], small) + 2 * pad;
  const h = lineH + pad;
  const m = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  // Vertical segments: the pill sits beside the line, toward the host's inner side.
  const host = boxes.find((x) => x.id === `h${con.host}`);
  const side = host?.mirrored ? -1 : 1;
  const rect = horizontal
    ? { x: m.x - w / 2, y: m.y - h / 2, w, h }
    : { x: side > 0 ? m.x + 0.3 * f : m.x - 0.3 * f - w, y: m.y - h / 2, w, h };
  return { text, lines, rect };
}

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

export type { RouteStop };
