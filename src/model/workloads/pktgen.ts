import type { WorkloadSetup } from './workload.ts';

/**
 * pktgen: the sending domain of each pair produces socket buffers of one size (`sizeBytes`, the frame)
 * as fast as it can (the next as soon as the previous is handed on: back-pressure comes from the
 * rings). The rate is measured from the first packet to the last frame's arrival at the far NIC,
 * which only counts them.
 */
export function startPktgen(w: WorkloadSetup): void {
  const { ctx, path, rec, sizeBytes: frameBytes } = w;
  if (!path.pktgen) throw new Error('this path has no pktgen');
  const gen = path.pktgen.bind(path);
  for (const pair of w.pairs) {
    let sent = 0;
    const produce = () => {
      if (sent === w.perPair) return;
      sent++;
      rec.issued(ctx.sim.now, frameBytes);
      gen(pair, frameBytes, w.nextId(), sent === w.perPair, produce, () =>
        rec.delivered(ctx.sim.now, frameBytes),
      );
    };
    produce();
  }
}
