import type { ModelContext } from '../context.ts';
import type { IoPath, Message } from '../paths/message.ts';
import type { Pair } from '../topology.ts';
import type { Op } from '../types.ts';
import type { Recorder } from './recorder.ts';

/**
 * Pairs after the first start at a seeded uniform offset within this span, so that several pairs
 * are not phase-locked from the first instant (it exceeds any path's one-way latency at small sizes).
 */
export const START_SPREAD_NS = 100_000;

/** What every workload starts from. */
export interface WorkloadSetup {
  readonly ctx: ModelContext;
  readonly path: IoPath;
  readonly pairs: readonly Pair[];
  readonly op: Op;
  readonly sizeBytes: number;
  readonly rec: Recorder;
  readonly nextId: () => number;
  /** Runs `start` at the pair's start time (pair 0 at once, the others at seeded offsets). */
  readonly startAt: (pair: Pair, start: () => void) => void;
}

/** Start times of the pairs: the first at 0, the others drawn from the `workload/start` stream. */
export function pairStarter(ctx: ModelContext): WorkloadSetup['startAt'] {
  const random = ctx.sim.rng('workload/start');
  return (pair, start) => {
    if (pair.index === 0) start();
    else ctx.sim.schedule(Math.floor(random.uniform(0, START_SPREAD_NS)), start);
  };
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
