// The layout's grid: station and part labels, and the sizes in units of the font.
import type { Station } from '../../../model/categories.ts';
import type { PartKind } from './types.ts';

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

/** Sizes in units of the label font f. */
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

/** Vertical units (in f) that do not scale with the station rows, and the number of station rows. */
export function verticalBudget(): { fixed: number; rows: number } {
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

export function horizontalUnitsPerHost(): number {
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
