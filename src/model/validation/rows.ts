import { HARDWARE_ROWS } from './hardwareRows.ts';
import { LITTLE_ROWS } from './littleRows.ts';
import { NETBACK_ROWS } from './netbackRows.ts';
import { POSTER_ROWS } from './posterRows.ts';
import type { ValidationGroup, ValidationRow } from './types.ts';
import { XEN2MX_ROWS } from './xen2mxRows.ts';

/**
 * Every published result the model is validated against, in the order of docs/validation.md.
 * Required rows: the poster's numbers (the model exists to reproduce them) and Little's law (an
 * identity any correct measurement satisfies). The others are other testbeds' numbers: they inform.
 */
export const VALIDATION_ROWS: readonly ValidationRow[] = [
  ...POSTER_ROWS,
  ...XEN2MX_ROWS,
  ...HARDWARE_ROWS,
  ...NETBACK_ROWS,
  ...LITTLE_ROWS,
];

export const GROUP_TITLES: Readonly<Record<ValidationGroup, string>> = {
  poster: 'The poster',
  xen2mx: 'Xen2MX (same authors)',
  'xen-ib': 'Xen-IB, VMM-bypass InfiniBand',
  'sr-iov': 'SR-IOV in Xen',
  netback: 'Netback before optimisation',
  little: 'Queueing identity: Little’s law',
};

export type { Source, Tolerance, ValidationGroup, ValidationRow } from './types.ts';
