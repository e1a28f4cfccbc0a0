// Page slots: where each host stands, and the y of every layer, from the size of the canvas.
import { U, clamp, diagramFontPx, verticalBudget } from './grid.ts';
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
  const f = diagramFontPx(width, height, hosts);
  const small = Math.max(Math.min(14, f), Math.round(f * 0.82));

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

  const yGuest = frameY + U.frameTop * f + U.cascade * f;
  const guestH = U.boxTop * f + 2 * rowH + U.rowGap * f + U.boxBottom * f;
  const yXen = yGuest + guestH + layerGap;
  const xenRowH = rowH + U.xenExtra * f;
  const xenH = U.boxTop * f + xenRowH + U.boxBottomPlain * f;
  const yDrv = yXen + xenH + layerGap;
  const drvH = U.boxTop * f + 2 * rowH + U.rowGapWide * f + U.boxBottom * f;
  const yNic = yDrv + drvH + layerGap;
  const nicRowH = rowH + U.nicExtra * f;
  const nicH = U.boxTop * f + nicRowH + U.boxBottomPlain * f;

  return {
    width,
    height,
    hosts,
    vmsPerHost,
    gbps,
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
