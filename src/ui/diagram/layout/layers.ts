// The layers each mode's hosts are drawn with: which domains, and the cells of their rows. Keyed by
// Mode, so a new mode does not compile until it says how it is drawn; a test checks the domains
// against the mode's descriptor and the cells against its route.
import type { Station } from '../../../model/categories.ts';
import type { Mode } from '../../../model/types.ts';
import type { PartKind } from './types.ts';

export interface Cell {
  station?: Station;
  part?: PartKind;
  span: number;
  labels?: string[];
}

const st = (station: Station, span = 1, labels?: string[]): Cell => ({ station, span, labels });
const pt = (part: PartKind, span = 1): Cell => ({ part, span });

/**
 * A mode's layers, top to bottom. `linux`: one kernel fills the host, no hypervisor. Otherwise guests
 * (`vm`, or a note that there are none), Xen, the driver layer (Dom0, or Dom0 for control only beside a
 * stub domain), and the NIC under all of them.
 */
export type ModeLayers =
  | { kind: 'native'; linux: Cell[][]; nic: Cell[][] }
  | { kind: 'xen'; vm: Cell[][] | null; dom0: Cell[][]; nic: Cell[][] }
  | { kind: 'stub'; vm: Cell[][]; stubdom: Cell[][]; nic: Cell[][] };

// Column order is chosen so that every mode's path runs without crossing itself.
const VM: Cell[][] = [[st('app', 4)], [st('copy'), st('tcpip'), st('netfront'), st('frontend')]];
const VM_VF: Cell[][] = [
  [st('app', 4)],
  [st('copy'), st('tcpip'), st('frontend'), st('driver', 1, ['VF driver', 'VF drv'])],
];
const XEN_DOM0: Cell[][] = [[st('bridge'), st('netback'), st('backend'), st('copy')], [st('driver', 4)]];
// The application in Dom0: app → copy → TCP/IP → bridge, then down to the driver.
const APP_DOM0: Cell[][] = [[st('bridge'), st('tcpip'), st('copy'), st('app')], [st('driver', 4)]];
const NIC: Cell[][] = [[pt('rings', 2), pt('onchip'), st('dma')]];

/** Xen's row, the same in every Xen mode. */
export const XEN_ROWS: Cell[][] = [[st('grant'), st('evtchn'), st('sched'), st('iotlb')]];

export const LAYERS: Readonly<Record<Mode, ModeLayers>> = {
  native: {
    kind: 'native',
    linux: [[st('app', 3)], [st('copy'), st('tcpip'), st('sched')], [st('driver', 3)]],
    nic: NIC,
  },
  dom0: { kind: 'xen', vm: null, dom0: APP_DOM0, nic: NIC },
  'pv-tcp': { kind: 'xen', vm: VM, dom0: XEN_DOM0, nic: NIC },
  'zero-copy': { kind: 'xen', vm: VM, dom0: XEN_DOM0, nic: NIC },
  'hw-offload': {
    kind: 'xen',
    vm: VM,
    dom0: XEN_DOM0,
    nic: [
      [
        pt('rings'),
        pt('onchip'),
        st('backend', 1, ['HPC backend (offload)', 'offloaded backend', 'backend']),
        st('dma'),
      ],
    ],
  },
  'stub-domain': {
    kind: 'stub',
    vm: VM,
    stubdom: [[st('backend'), st('copy')], [st('driver', 2)]],
    nic: NIC,
  },
  'sr-iov': {
    kind: 'xen',
    vm: VM_VF,
    dom0: XEN_DOM0,
    // The NIC answers a READ by itself: its firmware is the responder.
    nic: [
      [
        pt('vf'),
        pt('onchip'),
        st('backend', 1, ['NIC firmware (READ responder)', 'NIC firmware', 'firmware']),
        st('dma'),
      ],
    ],
  },
};
