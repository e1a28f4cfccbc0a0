import { issueMessage, type WorkloadSetup } from './workload.ts';

/**
 * Streaming: each pair keeps `window` messages in flight. A message is in flight from the moment
 * the application issues it until its completion reaches the issuing application; the next one is
 * issued then. Latency is that issue-to-completion time.
 */
export function startStream(w: WorkloadSetup, window: number): void {
  const { ctx, rec } = w;
  for (const pair of w.pairs) {
    let sent = 0;
    const issue = (slot: number) => {
      sent++;
      issueMessage(
        w,
        pair,
        'src',
        slot,
        (done) => rec.delivered(ctx.sim.now, done.sizeBytes, done.id),
        (done) => {
          rec.messagesCompleted++;
          rec.latency(done.completedNs - done.issuedNs);
          if (sent < w.perPair) issue(done.slot);
        },
      );
    };
    for (let slot = 0; slot < Math.min(window, w.perPair); slot++) issue(slot);
  }
}
