// Page slots: where each host stands, and the y of every layer, from the size of the canvas.
import {
  PROJECTOR_MIN_FONT_PX,
  U,
  U_PROJECTOR,
  clamp,
  diagramFontPx,
  verticalBudget,
  type Units,
} from './grid.ts';
import type { LayoutParams } from './types.ts';
import { PARAM_BY_NAME } from '../../../model/params.ts';

/** The link rate when the layout is given none: the model's default. */
const LINK_GBPS_DEFAULT = PARAM_BY_NAME.get('linkGbps')!.default;

/** The page cut into slots, in px: fonts, the hosts' columns, the switch gap and the layers' rows. */
export interface PageSlots {
  width: number;
  height: number;
  hosts: number;
  vmsPerHost: number;
  /** Link speed for the labels, Gbit/s. */
  gbps: number;
  /** The sizes in units of f (the desk's or the projector's). */
  u: Units;
  /** The legend line is drawn (a projector drops it when labels would fall under their least size). */
  legend: boolean;
  /** Label font and readout font. */
  f: number;
  small: number;
  /** Hosts of the drawn route. */
  sender: number;
  receiver: number;
  margin: number;
  switchGap: number;
  /** Gap between hosts on the same side of the switch. */
  smallGap: number;
  hostW: number;
  /** Left edge of each host. */
  hostX: number[];
  /** Left edge of the switch gap. */
  gapX: number;
  /** Host frames: top and bottom. */
  frameY: number;
  frameBottomY: number;
  legendH: number;
  rowH: number;
  /** Layers: top (y) and height (h) of guests, Xen, the driver layer and the NIC; row heights of Xen and NIC. */
  guest: { y: number; h: number };
  xen: { y: number; h: number; rowH: number };
  driver: { y: number; h: number };
  nic: { y: number; h: number; rowH: number };
}

/** Cuts the page into slots. Pure. */
export function pageSlots(params: LayoutParams): PageSlots {
  const width = Math.max(1, params.width);
  const height = Math.max(1, params.height);
  const hosts = clamp(Math.round(params.hosts ?? 2), 1, 4);
  const vmsPerHost = clamp(Math.round(params.vmsPerHost), 1, 16);
  const gbps = params.linkGbps && params.linkGbps > 0 ? params.linkGbps : LINK_GBPS_DEFAULT;
  const density = params.density ?? 'desk';
  const projector = density === 'projector';
  const u = projector ? U_PROJECTOR : U;
  // The desk keeps room for a VM stack and the legend always (the layout does not jump when VMs are
  // added); a projector spends it on the labels where it can.
  const parts = { cascade: !projector || vmsPerHost > 1, legend: true };
  let f = diagramFontPx(width, height, hosts, density, parts);
  if (projector && f < PROJECTOR_MIN_FONT_PX) {
    const noLegend = { ...parts, legend: false };
    const bigger = diagramFontPx(width, height, hosts, density, noLegend);
    if (bigger > f) {
      parts.legend = false;
      f = bigger;
    }
  }
  // On a projector nothing is drawn under the label size; on a desk readouts are a little smaller.
  const small = projector ? f : Math.max(Math.min(14, f), Math.round(f * 0.82));

  // Horizontal: hosts in a row, a wide gap with the switch in the middle of them.
  const margin = u.margin * f;
  const switchGap = u.switchGap * f;
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
  const { fixed, rows } = verticalBudget(u, parts);
  const rowH = clamp((height - fixed * f) / rows, u.rowMin * f, u.rowMax * f);
  const spare = Math.max(0, height - fixed * f - rows * rowH);
  const layerGap = u.layerGap * f + spare / 5;
  const frameY = u.top * f;
  const legendH = parts.legend ? u.legend * f : 0;
  const frameBottomY = height - u.margin * f - legendH;

  const yGuest = frameY + u.frameTop * f + (parts.cascade ? u.cascade * f : 0);
  const guestH = u.boxTop * f + 2 * rowH + u.rowGap * f + u.boxBottom * f;
  const yXen = yGuest + guestH + layerGap;
  const xenRowH = rowH + u.xenExtra * f;
  const xenH = u.boxTop * f + xenRowH + u.boxBottomPlain * f;
  const yDrv = yXen + xenH + layerGap;
  const drvH = u.boxTop * f + 2 * rowH + u.rowGapWide * f + u.boxBottom * f;
  const yNic = yDrv + drvH + layerGap;
  const nicRowH = rowH + u.nicExtra * f;
  const nicH = u.boxTop * f + nicRowH + u.boxBottomPlain * f;

  return {
    width,
    height,
    hosts,
    vmsPerHost,
    gbps,
    u,
    legend: parts.legend,
    f,
    small,
    sender: 0,
    receiver: hosts > 1 ? 1 : 0,
    margin,
    switchGap,
    smallGap,
    hostW,
    hostX,
    gapX,
    frameY,
    frameBottomY,
    legendH,
    rowH,
    guest: { y: yGuest, h: guestH },
    xen: { y: yXen, h: xenH, rowH: xenRowH },
    driver: { y: yDrv, h: drvH },
    nic: { y: yNic, h: nicH, rowH: nicRowH },
  };
}
