import { issueMessage, type WorkloadSetup } from './workload.ts';

/**
 * Streaming: each pair keeps `window` messages in flight. A message is in flight from the moment
 * the application issues it until its completion reaches the issuing application; the next one is
 * issued then, until the recorder's window has closed. Latency is that issue-to-completion time.
 */
export function startStream(w: WorkloadSetup, window: number): void {
  const { ctx, rec } = w;
  for (const pair of w.pairs) {
    const issue = (slot: number) => {
      issueMessage(
        w,
        pair,
        'src',
        slot,
        (done) => rec.delivered(ctx.sim.now, done.sizeBytes, pair.index, done.id),
        (done) => {
          rec.messagesCompleted++;
          rec.latency(ctx.sim.now, done.completedNs - done.issuedNs);
          if (rec.issuing) issue(done.slot);
        },
      );
    };
    w.startAt(pair, () => {
      for (let slot = 0; slot < window; slot++) issue(slot);
    });
  }
}
