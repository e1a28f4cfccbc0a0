import { runScenario } from '../src/model/run.ts';

/**
 * One run of the linear-cost benchmark, in a process of its own so that its peak memory is its own:
 * `tsx bench/linearRun.ts <messages per pair>` prints {ms, events, messages, maxRssBytes}.
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
  const t0 = process.hrtime.bigint();
  const r = runScenario({ ...LINEAR_SCENARIO, messages: perPair });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ ms, events: r.events, messages: r.counters.messagesIssued, maxRssBytes }));
}
