/**
 * What each I/O path is, in one place: its name on screen, a sentence a lecturer can read out, the
 * domains its hosts run, whether it supports pktgen, and the one style every chart, legend and the
 * diagram's route draw it in. Pure data (no engine): the model builds its topology and checks its
 * scenarios from these, the store and the UI read them, nothing copies them.
 *
 * Keyed by `Mode`, so adding a mode to `MODES` makes the compiler ask for its descriptor here.
 */
import type { DomainKind } from './categories.ts';
import { MODES, type Mode } from './types.ts';

/** Marker shapes the charts can draw (d3's symbol types). */
export type ModeMarker = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star' | 'wye';

/**
 * How a mode is drawn everywhere. Colours are Okabe–Ito (safe for the common colour-vision
 * deficiencies, black left out: it vanishes on the dark panel); marker and dash differ too, so
 * series stay apart in grayscale.
 */
export interface ModeStyle {
  /** `#rrggbb`. */
  readonly color: string;
  readonly marker: ModeMarker;
  /** SVG `stroke-dasharray`; '' is solid. */
  readonly dash: string;
}

export interface ModeDescriptor {
  readonly mode: Mode;
  /** Short name for buttons, legends and chart columns. */
  readonly label: string;
  /** One or two sentences a lecturer could read out. */
  readonly explanation: string;
  /** A what-if from the poster's open challenges, not a measured path. */
  readonly whatIf: boolean;
  /** The domains each host runs (what the charts group CPU time by). */
  readonly domains: readonly DomainKind[];
  /** Guest VMs run the application; otherwise one application per host (one pair). */
  readonly hasVms: boolean;
  /** The sending domain can run pktgen: the poster's pktgen figure has these. */
  readonly pktgen: boolean;
  readonly style: ModeStyle;
}

type Declared = Omit<ModeDescriptor, 'mode' | 'hasVms'>;

/** `hasVms` follows from the domains, so it cannot disagree with them. */
function describe(mode: Mode, d: Declared): ModeDescriptor {
  return { mode, ...d, hasVms: d.domains.includes('vm') };
}

const DECLARED: Record<Mode, Declared> = {
  native: {
    label: 'Linux',
    explanation:
      'Vanilla Linux, no hypervisor: the socket, TCP/IP and the NIC driver run on one kernel. The baseline every other path is compared with.',
    whatIf: false,
    domains: ['linux'],
    pktgen: true,
    style: { color: '#009E73', marker: 'diamond', dash: '3 5' },
  },
  dom0: {
    label: 'Dom0',
    explanation:
      'TCP sockets in Dom0, the privileged guest that owns the NIC: the native driver path, under a paravirtualised kernel.',
    whatIf: false,
    domains: ['dom0'],
    pktgen: true,
    style: { color: '#CC79A7', marker: 'triangle', dash: '14 5 3 5' },
  },
  'pv-tcp': {
    label: 'VM · TCP',
    explanation:
      "A VM's TCP sockets over Xen's virtual Ethernet: netfront → event channel → netback, a grant copy, the bridge and Dom0's driver.",
    whatIf: false,
    domains: ['vm', 'dom0'],
    pktgen: true,
    // The poster draws TCP sockets with filled circles.
    style: { color: '#56B4E9', marker: 'circle', dash: '' },
  },
  'zero-copy': {
    label: 'VM · zero-copy',
    explanation:
      "The poster's HPC I/O split driver: frontend → event channel (b₁) → backend + IOTLB → driver (c₁), and the NIC DMAs straight from the application's pages (d₁).",
    whatIf: false,
    domains: ['vm', 'dom0'],
    pktgen: false,
    // The poster draws its framework with filled squares.
    style: { color: '#E69F00', marker: 'square', dash: '10 6' },
  },
  'hw-offload': {
    label: 'NIC offload?',
    explanation:
      "What-if: the backend's thin protocol runs on the NIC; Dom0 only forwards the doorbell and registers buffers.",
    whatIf: true,
    domains: ['vm', 'dom0'],
    pktgen: false,
    style: { color: '#F0E442', marker: 'star', dash: '6 4' },
  },
  'stub-domain': {
    label: 'stub domain?',
    explanation:
      'What-if: the backend and the native driver run in a small stub domain that polls instead of Dom0, so nothing waits for a wake-up.',
    whatIf: true,
    domains: ['vm', 'dom0', 'stubdom'],
    pktgen: false,
    style: { color: '#D55E00', marker: 'cross', dash: '2 3 8 3' },
  },
  'sr-iov': {
    label: 'SR-IOV?',
    explanation:
      'What-if: a smart NIC exports a queue pair (a virtual function) to each VM; Xen is left only on the interrupt path.',
    whatIf: true,
    domains: ['vm', 'dom0'],
    pktgen: false,
    style: { color: '#0072B2', marker: 'wye', dash: '18 6' },
  },
};

/** Every mode's descriptor. */
export const MODE_DESCRIPTORS: Readonly<Record<Mode, ModeDescriptor>> = Object.fromEntries(
  MODES.map((m) => [m, describe(m, DECLARED[m])]),
) as Record<Mode, ModeDescriptor>;

/** The modes whose sending domain can run pktgen, in `MODES` order. */
export const PKTGEN_MODES: readonly Mode[] = MODES.filter((m) => MODE_DESCRIPTORS[m].pktgen);
