import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { runScenario } from '../src/model/run.ts';
import { cpuByCategory, figureRun, type FigureName } from '../src/model/figures.ts';
import { planTasks, type TaskValue } from '../src/worker/sweepTasks.ts';
import type { SweepRequest } from '../src/worker/sweeps.ts';
import type { Mode } from '../src/model/types.ts';

/**
 * The sweep charts' figure runs at 16 VMs per host, the case the charts must finish in time.
 *
 *   tsx bench/sweepSpeed.ts record <file>   every task's value, written as JSON
 *   tsx bench/sweepSpeed.ts check <file>    every task's value, compared with the file (exit 1 on a change)
 *   tsx bench/sweepSpeed.ts one <figure> <mode> <size>   one run of one task, e.g. under a profiler
 *   tsx bench/sweepSpeed.ts speed [reps] [part of a task name]
 *     CPU time of the heaviest tasks (or those whose name has the part): median of `reps` (3), events/s
 *
 * Speed is CPU time of this process (`process.cpuUsage`), not wall time: the machine is shared.
 * Time it bundled, as the browser runs it: tsx keeps function names by wrapping every closure it
 * creates (`__name`), which made the model's closure-per-step code up to half as slow again here:
 *   npx esbuild bench/sweepSpeed.ts --bundle --platform=node --format=esm --target=es2022 \
 *     --outfile=/tmp/sweep/sweepSpeed.mjs && node /tmp/sweep/sweepSpeed.mjs speed
 */
export const REQUEST_16_VMS: SweepRequest = {
  modes: ['pv-tcp', 'zero-copy'],
  op: 'write',
  pairs: 16,
  window: 8,
  seed: 1,
  params: {},
};

/** The longest tasks of the 16-VM sweep (83 % of its 68.7 M events). */
const HEAVY: { figure: FigureName; mode: Mode; sizeBytes: number }[] = [
  { figure: 'throughput', mode: 'pv-tcp', sizeBytes: 4194304 },
  { figure: 'latency', mode: 'pv-tcp', sizeBytes: 4194304 },
  { figure: 'throughput', mode: 'pv-tcp', sizeBytes: 1048576 },
  { figure: 'latency', mode: 'pv-tcp', sizeBytes: 1048576 },
  { figure: 'throughput', mode: 'zero-copy', sizeBytes: 4194304 },
];

const taskKey = (t: { figure: string; mode: string; sizeBytes: number }) =>
  `${t.figure} ${t.mode} ${t.sizeBytes}`;

/** What a task gives the charts (as `runTask` reduces it), and a digest of its whole result. */
interface Recorded {
  readonly value: TaskValue;
  readonly events: number;
  readonly resultSha1: string;
}

function allValues(): Record<string, Recorded> {
  const out: Record<string, Recorded> = {};
  for (const t of planTasks(REQUEST_16_VMS)) {
    const r = runScenario(figureRun(t.figure, t.mode, t.sizeBytes, REQUEST_16_VMS));
    const value: TaskValue =
      t.figure === 'latency'
        ? r.latencyUs.mean
        : t.figure === 'cpu'
          ? { dom0: cpuByCategory(r, 'dom0'), vm: cpuByCategory(r, 'vm') }
          : r.throughputMiBps;
    const resultSha1 = createHash('sha1').update(JSON.stringify(r)).digest('hex');
    out[taskKey(t)] = { value, events: r.events, resultSha1 };
  }
  return out;
}

function cpuMs(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

function speed(reps: number, only: string): void {
  for (const t of HEAVY.filter((h) => taskKey(h).includes(only))) {
    let events = 0;
    const ms: number[] = [];
    for (let i = 0; i < reps; i++) {
      ms.push(
        cpuMs(() => (events = runScenario(figureRun(t.figure, t.mode, t.sizeBytes, REQUEST_16_VMS)).events)),
      );
    }
    const median = ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
    const rate = events / (median / 1000) / 1e6;
    console.log(
      `${taskKey(t).padEnd(32)} ${(events / 1e6).toFixed(2)} M events  ${median.toFixed(0)} ms CPU (median of ${reps})  ${rate.toFixed(2)} M events/s`,
    );
  }
}

const [command, arg] = process.argv.slice(2);
const main = process.argv[1]?.match(/sweepSpeed\.(ts|mjs)$/);
if (!main) {
  // imported: nothing to run
} else if (command === 'record') {
  writeFileSync(arg, JSON.stringify(allValues(), null, 1) + '\n');
} else if (command === 'check') {
  const expected = JSON.parse(readFileSync(arg, 'utf8')) as Record<string, Recorded>;
  const actual = allValues();
  // The values must not change; the events and the digest may only if events were merged.
  const changed = Object.keys(expected).filter(
    (k) => JSON.stringify(expected[k].value) !== JSON.stringify(actual[k].value),
  );
  const other = Object.keys(expected).filter(
    (k) => JSON.stringify(expected[k]) !== JSON.stringify(actual[k]),
  );
  for (const k of other) console.log(`events or result differ: ${k}`);
  for (const k of changed)
    console.log(`changed: ${k}: ${JSON.stringify(expected[k])} → ${JSON.stringify(actual[k])}`);
  console.log(
    `${Object.keys(expected).length - changed.length} of ${Object.keys(expected).length} values identical`,
  );
  if (changed.length > 0) process.exit(1);
} else if (command === 'one') {
  // One run of one task (e.g. under a profiler): one <figure> <mode> <size in bytes>
  const [figure, mode, size] = process.argv.slice(3) as [FigureName, Mode, string];
  console.log(runScenario(figureRun(figure, mode, Number(size), REQUEST_16_VMS)).events);
} else if (command === 'speed') {
  speed(Number(arg ?? 3), process.argv[4] ?? '');
} else {
  console.log('usage: tsx bench/sweepSpeed.ts record <file> | check <file> | speed [reps]');
}
