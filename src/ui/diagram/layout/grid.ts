// The layout's grid: station and part labels, and the sizes in units of the font.
import type { Station } from '../../../model/categories.ts';
import type { PartKind } from './types.ts';
import { PRESENTER_MIN_TEXT_PX } from '../../presenter/scale.ts';

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Labels per station, longest first: the layout takes the first that fits. */
export const STATION_LABELS: Record<Station, string[]> = {
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

export const PART_LABELS: Record<PartKind, string[]> = {
  rings: ['TX / RX rings', 'rings'],
  vf: ['VF queue pairs', 'VF queues'],
  onchip: ['on-chip buffers', 'buffers'],
  toolstack: ['toolstack, control', 'control'],
};

/** Stations that show a live readout line. */
export const READOUT_STATIONS = new Set<Station>(['evtchn', 'iotlb', 'dma']);

/** Sizes in units of the label font f, on a desk screen. */
export const U = {
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
export type Units = typeof U;

/**
 * On a projector the labels matter more than the air between boxes: tighter gaps, rows of one line
 * (the short names, e.g. "frontend", "evtchn"), so the whole two-host path fits with labels of at least
 * PROJECTOR_MIN_FONT_PX at 1366×768. Every text is then drawn at the label size (no smaller readouts).
 */
export const U_PROJECTOR: Units = {
  margin: 0.25,
  switchGap: 6.2,
  framePadX: 0.3,
  lane: 1.3,
  domPad: 0.35,
  colGap: 0.4,
  colMin: 5,
  top: 0.65, // the host title pill touches the top edge

  frameTop: 1.3,
  cascade: 0.35,
  boxTop: 0.85,
  boxBottom: 0.7,
  boxBottomPlain: 0.35,
  rowGap: 0.25,
  rowGapWide: 1.25,
  layerGap: 1.25,
  frameBottom: 0.3,
  legend: 1.5,
  rowMin: 2.1,
  rowMax: 3.2,
  xenExtra: 0.9,
  nicExtra: 0.45,
};

/** Labels on a projector: the least size read from the back row of a lecture hall (presenter mode's), and the most. */
export const PROJECTOR_MIN_FONT_PX = PRESENTER_MIN_TEXT_PX;
const FONT_MAX_PX = { desk: 24, projector: 40 } as const;

/** How dense the diagram is: `desk` (the default) or `projector` (presenter mode). */
export type Density = keyof typeof FONT_MAX_PX;

/** What the vertical budget holds: the VM stack's cascade (several VMs) and the legend line. */
export interface BudgetParts {
  cascade: boolean;
  legend: boolean;
}

/** Vertical units (in f) that do not scale with the station rows, and the number of station rows. */
export function verticalBudget(
  u: Units = U,
  parts: BudgetParts = { cascade: true, legend: true },
): { fixed: number; rows: number } {
  const fixed =
    u.top +
    u.frameTop +
    (parts.cascade ? u.cascade : 0) +
    u.boxTop +
    u.rowGap +
    u.boxBottom + // guest
    u.layerGap +
    u.boxTop +
    u.boxBottomPlain + // xen
    u.layerGap +
    u.boxTop +
    u.rowGapWide +
    u.boxBottom + // driver
    u.layerGap +
    u.boxTop +
    u.boxBottomPlain + // nic
    u.frameBottom +
    (parts.legend ? u.legend : 0) +
    u.margin +
    u.xenExtra +
    u.nicExtra;
  return { fixed, rows: 6 };
}

export function horizontalUnitsPerHost(u: Units = U): number {
  return u.framePadX + u.lane + 2 * u.domPad + 4 * u.colMin + 3 * u.colGap;
}

/** The label size for a canvas of width × height with `hosts` hosts. */
export function diagramFontPx(
  width: number,
  height: number,
  hosts = 2,
  density: Density = 'desk',
  parts?: BudgetParts,
): number {
  const u = density === 'projector' ? U_PROJECTOR : U;
  const { fixed, rows } = verticalBudget(u, parts);
  const byHeight = height / (fixed + rows * u.rowMin);
  const byWidth =
    width / (2 * u.margin + u.switchGap + hosts * horizontalUnitsPerHost(u) + (hosts > 2 ? hosts - 2 : 0));
  const max = FONT_MAX_PX[density];
  return clamp(Math.min(byHeight, byWidth, max), 9, max);
}
