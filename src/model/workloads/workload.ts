import type { ModelContext } from '../context.ts';
import type { IoPath, Message } from '../paths/message.ts';
import type { Pair } from '../topology.ts';
import type { Op } from '../types.ts';
import type { Recorder } from './recorder.ts';

/** What every workload starts from. */
export interface WorkloadSetup {
  readonly ctx: ModelContext;
  readonly path: IoPath;
  readonly pairs: readonly Pair[];
  readonly op: Op;
  readonly sizeBytes: number;
  /** Messages (pktgen: packets) per pair. */
  readonly perPair: number;
  readonly rec: Recorder;
  readonly nextId: () => number;
}

/** The application issues one message now: it is recorded, then handed to the path. */
export function issueMessage(
  w: WorkloadSetup,
  pair: Pair,
  issuer: Message['issuer'],
  slot: number,
  onDelivered: (m: Message) => void,
  onCompleted: (m: Message) => void,
): void {
  const now = w.ctx.sim.now;
  const m: Message = {
    id: w.nextId(),
    pair,
    op: w.op,
    sizeBytes: w.sizeBytes,
    issuer,
    slot,
    issuedNs: now,
    deliveredNs: -1,
    completedNs: -1,
    onDelivered,
    onCompleted,
  };
  w.rec.issued(now, w.sizeBytes);
  w.path.issue(m);
}
