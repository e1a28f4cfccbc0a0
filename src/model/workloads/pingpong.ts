import { issueMessage, type WorkloadSetup } from './workload.ts';

/**
 * Ping-pong: each pair has one message in flight; when the data is usable by the remote application,
 * that application issues the next one back, until the recorder's window has closed. Latency is
 * one-way: issue to data usable by its receiver (for a READ, by the issuer), i.e. half the round trip.
 */
export function startPingpong(w: WorkloadSetup): void {
  const { ctx, rec } = w;
  for (const pair of w.pairs) {
    const issue = (issuer: 'src' | 'dst') => {
      issueMessage(
        w,
        pair,
        issuer,
        0,
        (done) => {
          rec.delivered(ctx.sim.now, done.sizeBytes, pair.index, done.id);
          rec.latency(ctx.sim.now, done.deliveredNs - done.issuedNs);
          if (rec.issuing) issue(issuer === 'src' ? 'dst' : 'src');
        },
        () => rec.messagesCompleted++,
      );
    };
    w.startAt(pair, () => issue('src'));
  }
}
