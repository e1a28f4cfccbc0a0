// One host, built from its mode's layers: the frame, the domains and their stations, the NIC, its wire.
import { textWidth, type Rect } from '../geometry.ts';
import { LAYERS, XEN_ROWS, type Cell } from './layers.ts';
import { HostBuilder } from './hostBuilder.ts';
import { fitLabelPreferLong, switchRect } from './routing.ts';
import type { PageSlots } from './slots.ts';
import type { DiagramBox, LocalBox } from './types.ts';
import type { Mode } from '../../../model/types.ts';

/** A host's boxes in local coordinates, and what its connectors need to be routed and placed. */
export interface HostLocal {
  host: number;
  local: LocalBox[];
  mirrored: boolean;
  /** Left edge and width of the host on the page. */
  X: number;
  W: number;
  /** The lane on the host's inner side (local x) and the wire's height. */
  laneX: number;
  wireY: number;
  /** Length of the cable from the host's edge to the switch. */
  wireLen: number;
}

/** Builds host `h` of a layout of `mode`. */
export function buildHost(slots: PageSlots, mode: Mode, h: number): HostLocal {
  const { f, small, rowH, hosts, sender, receiver, vmsPerHost, gbps } = slots;
  const layers = LAYERS[mode];
  const mirrored = h % 2 === 1;
  const X = slots.hostX[h];
  const W = slots.hostW;
  const u = slots.u;
  const b = new HostBuilder(h, f, small, rowH, u);
  const pre = b.pre;
  const contentL = u.framePadX * f;
  const contentR = W - u.lane * f;
  const laneX = W - (u.lane * f) / 2;
  const full = (y: number, hh: number): Rect => ({ x: contentL, y, w: contentR - contentL, h: hh });
  // Room kept on a domain's top border for n vCPU gauges ("vCPU1 100 %") and the count of those not shown ("+1").
  // Measured as LiveLayer's gauges measure themselves (bold text, 0.45 small of padding each side, 0.35 apart).
  const gaugeRoom = (n: number) =>
    n * (textWidth('vCPU0 100 %', small) + 1.25 * small) + textWidth('+1', small) + 0.35 * small + 0.4 * f;

  const role = hosts > 1 ? (h === sender ? ' · sender' : h === receiver ? ' · receiver' : '') : '';
  b.add({
    id: pre,
    kind: 'host',
    layer: 'host',
    parent: null,
    place: null,
    station: null,
    part: null,
    label: `Host ${h}${role}`,
    lines: [`Host ${h}${role}`],
    r: { x: 0, y: slots.frameY, w: W, h: slots.frameBottomY - slots.frameY },
    mirrored,
  });

  if (layers.kind === 'native') {
    const r = full(slots.guest.y, slots.driver.y + slots.driver.h - slots.guest.y);
    const titles = ['Linux (native, no hypervisor)', 'Linux (native)', 'Linux'];
    const box = b.domain(`${pre}/linux`, 'linux', 'driver', r, titles, {
      top: 'cpu',
      bottom: 'rings',
      bottomFrac: 0.8,
      reserve: gaugeRoom(1),
    });
    const inner = b.inner(r, u.boxBottom);
    // One kernel where Xen modes have three layers: taller rows, the rest as space between them.
    const tall = Math.max(rowH, Math.min(rowH * 1.6, (inner.h - 2 * 1.6 * f) / 3));
    const gap = (inner.h - 3 * tall) / 2;
    b.grid(box, 'linux', 'driver', inner, 3, layers.linux, [gap, gap], tall);
  } else {
    const gr = full(slots.guest.y, slots.guest.h);
    if (layers.vm) guestCard(b, gr, layers.vm, vmsPerHost, gaugeRoom(1));
    else {
      // No guest (the application runs in Dom0): say so where the guests would be.
      const label = 'No guest VM: the application runs in Dom0';
      b.add({
        id: `${pre}/vm-none`,
        kind: 'placeholder',
        layer: 'guest',
        parent: pre,
        place: 'vm',
        station: null,
        part: null,
        label,
        lines: fitLabelPreferLong([label, 'No guest VM (app in Dom0)', 'no guest VM'], gr.w - f, f, 2),
        r: gr,
      });
    }
    const xr = full(slots.xen.y, slots.xen.h);
    const xen = b.domain(`${pre}/xen`, 'xen', 'hypervisor', xr, ['Xen hypervisor', 'Xen'], {});
    b.grid(xen, 'xen', 'hypervisor', b.inner(xr, u.boxBottomPlain), 4, XEN_ROWS, [], slots.xen.rowH);

    const dr = full(slots.driver.y, slots.driver.h);
    if (layers.kind === 'stub') {
      const split = contentL + (contentR - contentL) * 0.44;
      const d0r: Rect = { ...dr, w: split - contentL - 0.3 * f };
      const sr: Rect = { ...dr, x: split + 0.3 * f, w: contentR - split - 0.3 * f };
      const d0 = b.domain(`${pre}/dom0`, 'dom0', 'driver', d0r, ['Dom0 (control only)', 'Dom0'], {
        bottom: 'cpu',
        bottomFrac: 1,
      });
      const d0in = b.inner(d0r, u.boxBottom);
      b.add({
        id: `${pre}/dom0/toolstack`,
        kind: 'part',
        layer: 'driver',
        parent: d0.id,
        place: 'dom0',
        station: null,
        part: 'toolstack',
        label: 'toolstack, control',
        lines: fitLabelPreferLong(['toolstack, control', 'control'], d0in.w - 0.5 * f, f, 2),
        r: d0in,
      });
      const titles = ['stub driver domain', 'stub domain', 'stubdom'];
      const sd = b.domain(`${pre}/stubdom`, 'stubdom', 'driver', sr, titles, {
        bottom: 'both',
        bottomFrac: 0.6,
      });
      b.grid(sd, 'stubdom', 'driver', b.inner(sr, u.boxBottom), 2, layers.stubdom, [u.rowGapWide * f]);
    } else {
      const d0 = b.domain(`${pre}/dom0`, 'dom0', 'driver', dr, ['Dom0 · driver domain', 'Dom0'], {
        bottom: 'both',
        bottomFrac: 0.8,
      });
      b.grid(d0, 'dom0', 'driver', b.inner(dr, u.boxBottom), 4, layers.dom0, [u.rowGapWide * f]);
    }
  }

  const nr = full(slots.nic.y, slots.nic.h);
  const nic = b.domain(`${pre}/nic`, 'nic', 'nic', nr, [`NIC (${gbps} GbE)`, 'NIC'], {});
  b.grid(nic, 'nic', 'nic', b.inner(nr, u.boxBottomPlain), 4, layers.nic, [], slots.nic.rowH);

  // The wire station: the cable from this host's edge to the switch, at the DMA engine's height.
  const dma = b.local.find((x) => x.station === 'dma')!;
  const wireY = dma.r.y + dma.r.h * 0.62;
  const wireLen = (slots.switchGap - switchRect(f, wireY).w) / 2;
  b.add({
    id: `${pre}/net/wire`,
    kind: 'station',
    layer: 'net',
    parent: null,
    place: 'net',
    station: 'wire',
    part: null,
    label: `wire (${gbps} Gbit/s)`,
    lines: [`${gbps} Gbit/s`],
    // Hosts further out than 0 and 1 get a stub of cable in the gap next to them (no line to the switch).
    r: { x: W, y: wireY - 0.7 * f, w: h < 2 ? wireLen : slots.smallGap * 0.8, h: 1.4 * f },
  });
  return { host: h, local: b.local, mirrored, X, W, laneX, wireY, wireLen };
}

/** The guest VM card: the first VM drawn in full, the others as a stack behind it with a badge. */
function guestCard(b: HostBuilder, r: Rect, rows: Cell[][], vms: number, cpuRoom: number): void {
  const f = b.f;
  const badgeText = `×${vms} VMs`;
  const badgeW = textWidth(badgeText, b.small) + 0.8 * f;
  const title = vms > 1 ? ['Guest VM 1 (DomU)', 'VM 1'] : ['Guest VM (DomU)', 'Guest VM', 'VM'];
  const box = b.domain(`${b.pre}/vm`, 'vm', 'guest', r, title, {
    top: 'cpu',
    bottom: 'rings',
    bottomFrac: 0.55,
    reserve: cpuRoom + (vms > 1 ? badgeW + 0.35 * f : 0),
  });
  if (vms > 1) {
    const shown = Math.min(3, vms - 1);
    box.stack = { count: vms, shown, dx: 0.2 * f, dy: (b.u.cascade * f * 0.9) / 3 };
    box.badge = {
      text: badgeText,
      rect: { x: box.title!.x + box.title!.w + 0.35 * f, y: box.title!.y, w: badgeW, h: box.title!.h },
    };
    const x0 = box.badge.rect.x + badgeW + 0.4 * f;
    box.meters = [
      {
        kind: 'cpu',
        rect: { x: x0, y: box.title!.y, w: Math.max(0, r.x + r.w - 0.5 * f - x0), h: box.title!.h },
        align: 'right',
      },
      ...(box.meters ?? []).filter((m) => m.kind !== 'cpu'),
    ];
  }
  b.grid(box, 'vm', 'guest', b.inner(r, b.u.boxBottom), 4, rows, [b.u.rowGap * f]);
}

/** A host's boxes in global coordinates: moved to the host's place, and mirrored for a mirrored host. */
export function globalBoxes(host: HostLocal): DiagramBox[] {
  const { X, W, mirrored } = host;
  const toGlobal = (r: Rect): Rect => ({ x: mirrored ? X + W - r.x - r.w : X + r.x, y: r.y, w: r.w, h: r.h });
  return host.local.map((b) => {
    const { r, ...rest } = b;
    const box: DiagramBox = { ...rest, ...toGlobal(r), used: false };
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
