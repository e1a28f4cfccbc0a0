import type { Op, Workload } from '../../model/types.ts';

export const OP_LABELS: Record<Op, string> = { write: 'WRITE', read: 'READ' };

export const WORKLOAD_LABELS: Record<Workload, string> = {
  pingpong: 'ping-pong',
  stream: 'stream',
  pktgen: 'pktgen',
};
