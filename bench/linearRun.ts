import { createRun } from '../src/model/run.ts';

/**
 * One run of the linear-cost benchmark, in a process of its own so that its peak memory is its own:
 * `node --expose-gc --import tsx bench/linearRun.ts <messages per pair>` prints {ms, events, messages,
 * maxRssBytes, peakHeapBytes}, the last being the live heap after a full collection, sampled every
 * half-million events (what the run keeps, without the collector's slack).
 * The scenario is the one that used to grow without bound: pv-tcp streaming 64-B writes, 16 pairs.
 */
export const LINEAR_SCENARIO = {
  mode: 'pv-tcp' as const,
  workload: 'stream' as const,
  op: 'write' as const,
  sizeBytes: 64,
  pairs: 16,
  window: 8,
  seed: 1,
  params: {},
};

const perPair = Number(process.argv[2]);
if (process.argv[1]?.endsWith('linearRun.ts') && perPair > 0) {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const run = createRun({ ...LINEAR_SCENARIO, messages: perPair });
  let peakHeapBytes = 0;
  let ns = 0;
  while (run.sim.pending > 0) {
    const t0 = process.hrtime.bigint();
    run.sim.runEvents(500_000);
    ns += Number(process.hrtime.bigint() - t0);
    gc();
    peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
  }
  const r = run.result();
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      ms: ns / 1e6,
      events: r.events,
      messages: r.counters.messagesIssued,
      maxRssBytes,
      peakHeapBytes,
    }),
  );
}
