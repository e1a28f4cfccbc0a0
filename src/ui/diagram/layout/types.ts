// The layout's data types: boxes, meters, connectors, parameters and the layout itself.
import type { Station } from '../../../model/categories.ts';
import type { Mode, Op, Workload } from '../../../model/types.ts';
import type { Point, Rect } from '../geometry.ts';
import type { ArrowName, Place } from '../../../model/routes.ts';
import type { Density } from './grid.ts';

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
  /** What the mode is shown doing: boxes it does not charge then are faded (default: any workload or op). */
  workload?: Workload;
  op?: Op;
  /** Link speed for the labels of the NIC and the wire, Gbit/s (default 10). */
  linkGbps?: number;
  /** `desk` (default) or `projector`: presenter mode's tighter layout with larger labels. */
  density?: Density;
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
  /** The legend line along the bottom, or null where a projector needs the room for its labels. */
  legend: Rect | null;
  /** Ordered sender-then-receiver station box ids of the route. */
  routeIds: string[];
}

/** A box in its host's local coordinates (the inner side on the right), before mirroring. */
export interface LocalBox extends Omit<DiagramBox, 'x' | 'y' | 'w' | 'h' | 'used'> {
  r: Rect;
}
