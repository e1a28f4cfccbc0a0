import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A run's cost must grow like the run: the same scenario (pv-tcp streaming 64-B writes, 16 pairs)
 * at 20,000 and 200,000 messages in all, each in a fresh process. Goals: time per message at the
 * larger size ≤ 1.2× the smaller's, and the live heap flat (bounded queues, bounded statistics).
 */
export const title = 'Model: cost linear in the run (pv-tcp stream 64 B, 16 pairs)';

const script = fileURLToPath(new URL('../linearRun.ts', import.meta.url));

interface Once {
  ms: number;
  events: number;
  messages: number;
  maxRssBytes: number;
  peakHeapBytes: number;
}

function once(perPair: number): Once {
  const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, String(perPair)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) throw new Error(`bench/linearRun.ts failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!);
}

export async function run(): Promise<Record<string, number | string>> {
  const small = once(20_000 / 16);
  const large = once(200_000 / 16);
  const perMessage = (x: { ms: number; messages: number }) => x.ms / x.messages;
  const mib = (b: number) => Math.round(b / (1024 * 1024));
  return {
    linearMsPerMessage20k: Number((perMessage(small) * 1000).toFixed(2)) / 1000,
    linearMsPerMessage200k: Number((perMessage(large) * 1000).toFixed(2)) / 1000,
    linearTimeRatio: Number((perMessage(large) / perMessage(small)).toFixed(2)),
    linearPeakHeapMiB20k: mib(small.peakHeapBytes),
    linearPeakHeapMiB200k: mib(large.peakHeapBytes),
    linearMemoryRatio: Number((large.peakHeapBytes / small.peakHeapBytes).toFixed(2)),
    linearPeakRssMiB20k: mib(small.maxRssBytes),
    linearPeakRssMiB200k: mib(large.maxRssBytes),
  };
}
