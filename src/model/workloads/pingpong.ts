import type { ModelContext } from '../context.ts';
import type { IoPath, Message } from '../paths/message.ts';
import type { Pair } from '../topology.ts';
import type { Op } from '../types.ts';
import type { Recorder } from './recorder.ts';

/**
 * Ping-pong: each pair has one message in flight; when the data is usable by the remote application,
 * that application issues the next one back. Latency is one-way: issue to data usable by its
 * receiver (for a READ, by the issuer), i.e. half the round trip.
 */
export function startPingpong(
  ctx: ModelContext,
  path: IoPath,
  pairs: Pair[],
  op: Op,
  sizeBytes: number,
  messagesPerPair: number,
  rec: Recorder,
  nextId: () => number,
): void {
  for (const pair of pairs) {
    let sent = 0;
    const issue = (issuer: 'src' | 'dst') => {
      sent++;
      const m: Message = {
        id: nextId(),
        pair,
        op,
        sizeBytes,
        issuer,
        slot: 0,
        issuedNs: ctx.sim.now,
        deliveredNs: -1,
        completedNs: -1,
        onDelivered: (done) => {
          rec.delivered(ctx.sim.now, done.sizeBytes, done.id);
          rec.latency(done.deliveredNs - done.issuedNs);
          if (sent < messagesPerPair) issue(issuer === 'src' ? 'dst' : 'src');
        },
        onCompleted: () => rec.messagesCompleted++,
      };
      rec.issued(ctx.sim.now, sizeBytes);
      path.issue(m);
    };
    if (messagesPerPair > 0) issue('src');
  }
}
