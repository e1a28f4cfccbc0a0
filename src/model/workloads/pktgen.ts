import type { ModelContext } from '../context.ts';
import type { IoPath } from '../paths/message.ts';
import type { Pair } from '../topology.ts';
import type { Recorder } from './recorder.ts';

/**
 * pktgen: the sending domain of each pair produces socket buffers of one size as fast as it can
 * (the next as soon as the previous is handed on: back-pressure comes from the rings). The rate is
 * measured from the first packet to the last frame's arrival at the far NIC, which only counts them.
 */
export function startPktgen(
  ctx: ModelContext,
  path: IoPath,
  pairs: Pair[],
  frameBytes: number,
  packetsPerPair: number,
  rec: Recorder,
  nextId: () => number,
): void {
  if (!path.pktgen) throw new Error('this path has no pktgen');
  const gen = path.pktgen.bind(path);
  for (const pair of pairs) {
    let sent = 0;
    const produce = () => {
      if (sent === packetsPerPair) return;
      sent++;
      rec.issued(ctx.sim.now, frameBytes);
      gen(pair, frameBytes, nextId(), sent === packetsPerPair, produce, () =>
        rec.delivered(ctx.sim.now, frameBytes),
      );
    };
    produce();
  }
}
