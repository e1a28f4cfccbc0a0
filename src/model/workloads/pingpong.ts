import { issueMessage, type WorkloadSetup } from './workload.ts';

/**
 * Ping-pong: each pair has one message in flight; when the data is usable by the remote application,
 * that application issues the next one back. Latency is one-way: issue to data usable by its
 * receiver (for a READ, by the issuer), i.e. half the round trip.
 */
export function startPingpong(w: WorkloadSetup): void {
  const { ctx, rec } = w;
  for (const pair of w.pairs) {
    let sent = 0;
    const issue = (issuer: 'src' | 'dst') => {
      sent++;
      issueMessage(
        w,
        pair,
        issuer,
        0,
        (done) => {
          rec.delivered(ctx.sim.now, done.sizeBytes, done.id);
          rec.latency(done.deliveredNs - done.issuedNs);
          if (sent < w.perPair) issue(issuer === 'src' ? 'dst' : 'src');
        },
        () => rec.messagesCompleted++,
      );
    };
    if (w.perPair > 0) issue('src');
  }
}
