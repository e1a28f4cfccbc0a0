import type { ModelContext } from '../context.ts';
import type { IoPath, Message } from '../paths/message.ts';
import type { Pair } from '../topology.ts';
import type { Op } from '../types.ts';
import type { Recorder } from './recorder.ts';

/**
 * Streaming: each pair keeps `window` messages in flight. A message is in flight from the moment
 * the application issues it until its completion reaches the issuing application; the next one is
 * issued then. Latency is that issue-to-completion time.
 */
export function startStream(
  ctx: ModelContext,
  path: IoPath,
  pairs: Pair[],
  op: Op,
  sizeBytes: number,
  messagesPerPair: number,
  window: number,
  rec: Recorder,
  nextId: () => number,
): void {
  for (const pair of pairs) {
    let sent = 0;
    const issue = (slot: number) => {
      sent++;
      const m: Message = {
        id: nextId(),
        pair,
        op,
        sizeBytes,
        issuer: 'src',
        slot,
        issuedNs: ctx.sim.now,
        deliveredNs: -1,
        completedNs: -1,
        onDelivered: (done) => rec.delivered(ctx.sim.now, done.sizeBytes, done.id),
        onCompleted: (done) => {
          rec.messagesCompleted++;
          rec.latency(done.completedNs - done.issuedNs);
          if (sent < messagesPerPair) issue(done.slot);
        },
      };
      rec.issued(ctx.sim.now, sizeBytes);
      path.issue(m);
    };
    for (let slot = 0; slot < Math.min(window, messagesPerPair); slot++) issue(slot);
  }
}
