import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../model/limits.ts';
import { MAX_SWEEP_SIZES } from './scenarioFlags.ts';
import { sim } from './inProcess.ts';

const isStackFrame = (line: string) => line.startsWith('    at ');

/** A refusal: status 2, nothing on stdout, one line on stderr naming `names`, no stack frame. */
function expectRefused(r: { code: number; stdout: string; stderr: string }, names: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(names);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.split('\n').some(isStackFrame)).toBe(false);
}

const { min: msgMin, max: msgMax } = LIMITS.messages;
const sizes = (n: number) => Array.from({ length: n }, () => '64').join(',');

describe('the command line refuses what it does not understand', () => {
  it.each([
    // The cases that used to exit 0.
    [['sweep', '--sizes', '64', 'junk'], /^error: sweep: unexpected argument "junk"$/m],
    [['params', 'junk'], /^error: params: unexpected argument "junk"$/m],
    [['modes', 'junk'], /^error: modes: unexpected argument "junk"$/m],
    [['figure', 'cpu', 'latency'], /^error: figure: unexpected argument "latency"$/m],
    [['figure', 'latency', '--seed', ''], /--seed needs a value/],
    [['figure', 'latency', '--seed'], /--seed needs a value/],
    [['figure', 'latency', '--seed', ' '], /--seed needs a value/],
    [['figure', 'latency', '--seed='], /--seed needs a value/],
    [['figure', 'latency', '--seed', '--json'], /--seed needs a value/],
    [['figure', 'latency', '--seed', '-1'], /--seed -1 is outside 0–4294967295/],
    [['figure', 'latency', '--seed', 'abc'], /--seed: "abc" is not a number/],
    // Empty words and values.
    [['run', '--size', '64', ''], /run: unexpected argument ""/],
    [['run', '--size', ''], /--size needs a value/],
    [['run', '--size', '64', '--set', ''], /--set needs a value/],
    [['run', '--size', '64', '--set', 'coalUs='], /--set coalUs needs a value/],
    [['run', '--size', '64', '--mode', ''], /--mode needs a value/],
    // Repeated flags.
    [['run', '--size', '64', '--seed', '1', '--seed', '2'], /--seed given twice/],
    [['run', '--size', '64', '--size', '64'], /--size given twice/],
    [['run', '--size', '64', '--json', '--json'], /--json given twice/],
    [['run', '--size', '64', '--set', 'coalUs=1', '--set', 'coalUs=2'], /--set coalUs given twice/],
    [['sweep', '--sizes', '64', '--mode', 'pv-tcp,pv-tcp'], /--mode lists pv-tcp twice/],
    // Numbers past their declared range, read from the model's limits.
    [
      ['run', '--size', '64', '--messages', String(msgMax + 1)],
      new RegExp(`--messages ${msgMax + 1} is outside ${msgMin}–${msgMax}`),
    ],
    [['run', '--size', '64', '--messages', '2000000'], /--messages 2000000 is outside 1–1000000/],
    [['run', '--size', '64', '--messages', '0'], /--messages 0 is outside/],
    [['run', '--size', '64', '--messages', '1e309'], /--messages: "1e309" is too large to be a number/],
    [['run', '--size', '64', '--messages', '99999999999999999999'], /--messages 9+ is outside/],
    [['run', '--size', '64', '--pairs', '2.5'], /--pairs must be a whole number, got "2.5"/],
    [['run', '--size', '64', '--window', '0x10'], /--window: "0x10" is not a number/],
    [['run', '--size', '1G'], /--size 1G is outside 1–67108864 B/],
    [['run', '--size', '1.5'], /--size: "1.5" is not a whole number of bytes/],
    [['sweep', '--sizes', '64..1G'], /--sizes 1G is outside/],
    [['sweep', '--sizes', '64,,4K'], /--sizes "64,,4K" has an empty size/],
    [['sweep', '--sizes', sizes(MAX_SWEEP_SIZES + 1)], /--sizes lists 65 sizes; at most 64/],
    [['run', '--size', '64', '--set', 'coalUs=1e309'], /--set coalUs: "1e309" is too large/],
    [['run', '--size', '64', '--set', 'coalUs=0x10'], /--set coalUs: "0x10" is not a time/],
    // Rules between values, checked before anything runs; on one line.
    [['run', '--size', '64', '--set', 'wakeThreadUs=1'], /wakeThreadCpuUs .* cannot exceed wakeThreadUs/],
    [['sweep', '--sizes', '64', '--mode', 'zero-copy', '--workload', 'pktgen'], /pktgen runs on/],
    [['help', 'junk'], /help: unexpected argument "junk"/],
    [['--help', 'junk'], /--help: unexpected argument "junk"/],
    [['run', '--size', '64', '--'], /unknown flag "--"/],
    [['run', '--size', '64', '--Size', '1'], /unknown flag --Size/],
  ])('%j', async (argv, names) => {
    expectRefused(await sim(argv), names);
  });

  it('quotes a huge or multi-line word shortened, escaped, on one line', async () => {
    const r = await sim(['params', `${'x'.repeat(100_000)}\n    at evil`]);
    expectRefused(r, /params: unexpected argument "x{40}…"$/m);
    expect(r.stderr.length).toBeLessThan(200);
    const nl = await sim(['figure', 'a\nb']);
    expectRefused(nl, /\(got "a\\nb"\)/);
    // A message quoting the word as typed (the size reader's) is still one line.
    expectRefused(await sim(['run', '--size', '6\n4']), /--size: "6\\n4" is not a size/);
    expectRefused(await sim(['run', '--size', '64', '--set', 'a\nb=1']), /unknown parameter "a\\nb"/);
  });

  it('accepts sizes and constants with units, as the app reads them', async () => {
    const ok = await sim(['run', '--size', '1.5e3', '--set', 'nbTxUs=1500ns', '--messages', '1e3'], {
      dryRun: true,
    });
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    const r = await sim(['run', '--size', '1K', '--set', 'coalUs=0.01ms', '--messages', '2', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.sizeBytes).toBe(1024);
    expect(json.changedParams).toEqual({ coalUs: 10 });
  });

  it.each([[[]], [['help']], [['--help']], [['-h']], [['run', '--help']], [['figure', '-h']]])(
    'help: %j lists every command and every flag, status 0',
    async (argv) => {
      const r = await sim(argv);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      for (const word of ['run', 'sweep', 'figure', 'params', 'modes', 'validate'])
        expect(r.stdout).toMatch(new RegExp(`^  ${word} `, 'm'));
      for (const flag of ['mode', 'workload', 'op', 'size', 'sizes', 'pairs', 'window', 'messages', 'seed'])
        expect(r.stdout).toMatch(new RegExp(`^  --${flag} V `, 'm'));
      for (const flag of ['set', 'calibration', 'json', 'csv']) expect(r.stdout).toContain(`--${flag}`);
      expect(r.stdout).toContain(`messages per pair, ${msgMin}–${msgMax}`);
      expect(r.stdout).toMatch(/exit status: 0 done; 1 .*; 2 the command line/);
    },
  );
});

const run = promisify(execFile);

describe('as a process', () => {
  // The four cases, as a user types them: status 2, one line on stderr, nothing on stdout.
  it('exits 2 with one line on stderr and no stack trace', { timeout: 60_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [['sweep', '--sizes', '64', 'junk'], /sweep: unexpected argument "junk"/],
      [['params', 'junk'], /params: unexpected argument "junk"/],
      [['figure', 'cpu', 'latency'], /figure: unexpected argument "latency"/],
      [['figure', 'latency', '--seed', ''], /--seed needs a value/],
    ];
    const results = await Promise.all(
      cases.map(([argv]) =>
        run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], { encoding: 'utf8' }).then(
          () => ({ code: 0, stdout: '?', stderr: '' }),
          (e: { code: number; stdout: string; stderr: string }) => e,
        ),
      ),
    );
    for (const [i, r] of results.entries()) expectRefused(r, cases[i][1]);
  });
});
