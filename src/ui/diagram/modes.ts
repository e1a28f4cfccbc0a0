import type { Mode } from '../../model/types.ts';

/** Every mode, checked complete against the model's Mode type (the UI may import only types from the model). */
const ALL: Record<Mode, true> = {
  native: true,
  dom0: true,
  'pv-tcp': true,
  'zero-copy': true,
  'hw-offload': true,
  'stub-domain': true,
  'sr-iov': true,
};

export const DIAGRAM_MODES = Object.keys(ALL) as Mode[];
