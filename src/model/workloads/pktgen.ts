import type { WorkloadSetup } from './workload.ts';

/**
 * pktgen: the sending domain of each pair produces socket buffers of one size (`sizeBytes`, the frame)
 * as fast as it can (the next as soon as the previous is handed on: back-pressure comes from the
 * rings). The far NIC only counts them. The rate is measured over the recorder's steady-state
 * window; once it has closed, each producer sends one last packet (which flushes its doorbell) and
 * stops.
 */
export function startPktgen(w: WorkloadSetup): void {
  const { ctx, path, rec, sizeBytes: frameBytes } = w;
  if (!path.pktgen) throw new Error('this path has no pktgen');
  const gen = path.pktgen.bind(path);
  for (const pair of w.pairs) {
    let stopped = false;
    const produce = () => {
      if (stopped) return;
      const last = !rec.issuing;
      stopped = last;
      rec.issued(ctx.sim.now, frameBytes, false);
      const id = w.nextId();
      gen(pair, frameBytes, id, last, produce, () => rec.delivered(ctx.sim.now, frameBytes, pair.index, id));
    };
    w.startAt(pair, produce);
  }
}
