import type { Mode, Op, Workload } from '../../model/types.ts';

export const MODE_LABELS: Record<Mode, { label: string; title: string }> = {
  native: { label: 'Linux', title: 'Vanilla Linux, TCP sockets, no hypervisor' },
  dom0: { label: 'Dom0', title: 'TCP sockets in the privileged guest' },
  'pv-tcp': { label: 'VM · TCP', title: "A VM's TCP sockets over netfront → netback → bridge" },
  'zero-copy': {
    label: 'VM · zero-copy',
    title: "The poster's framework: frontend → backend → NIC DMA from app pages",
  },
  'hw-offload': { label: 'NIC offload?', title: "What-if: the backend's thin protocol runs on the NIC" },
  'stub-domain': { label: 'stub domain?', title: 'What-if: backend and driver in a small polling domain' },
  'sr-iov': { label: 'SR-IOV?', title: 'What-if: a smart NIC exports a queue pair to each VM' },
};

export const OP_LABELS: Record<Op, string> = { write: 'WRITE', read: 'READ' };

export const WORKLOAD_LABELS: Record<Workload, string> = {
  pingpong: 'ping-pong',
  stream: 'stream',
  pktgen: 'pktgen',
};
