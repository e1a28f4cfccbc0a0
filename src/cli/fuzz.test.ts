import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../model/limits.ts';
import { MAX_SWEEP_SIZES } from './scenarioFlags.ts';
import { sim } from './inProcess.ts';

/**
 * Generated command lines, made of pieces: a flag with its value, a switch, a word. Each piece is
 * marked `ok` when it is understood by its command on its own, and keyed by what it sets, so a flag
 * given twice is two pieces with one key.
 */
interface Piece {
  readonly tokens: readonly string[];
  readonly ok: boolean;
  readonly key: string;
}

/** A generated command line: the command, a figure's name, the pieces. */
interface Line {
  readonly command: string;
  readonly name: readonly string[];
  readonly pieces: readonly Piece[];
}

const good = (key: string, ...forms: string[][]) => forms.map((tokens) => ({ tokens, ok: true, key }));
const bad = (...forms: string[][]) => forms.map((tokens) => ({ tokens, ok: false, key: tokens.join(' ') }));

const SCENARIO: Piece[] = [
  ...good('workload', ['--workload', 'pingpong'], ['--workload=stream']),
  ...good('op', ['--op', 'write'], ['--op', 'read']),
  ...good('pairs', ['--pairs', '1'], ['--pairs', String(LIMITS.pairs.max)]),
  ...good('window', ['--window', '1'], ['--window', String(LIMITS.window.max)]),
  ...good(
    'messages',
    ['--messages', '2'],
    ['--messages', '1e3'],
    ['--messages', String(LIMITS.messages.max)],
  ),
  ...good('seed', ['--seed', '0'], ['--seed', String(LIMITS.seed.max)]),
  ...good('set:coalUs', ['--set', 'coalUs=10'], ['--set', 'coalUs=0.01ms']),
  ...good('set:nbTxUs', ['--set', 'nbTxUs=1'], ['--set=nbTxUs=1500ns']),
  ...good('calibration', ['--calibration', 'A'], ['--calibration', 'B']),
  ...good('json', ['--json']),
];
const FIGURE: Piece[] = SCENARIO.filter((p) => /^(seed|set:|calibration|json)/.test(p.key));
/** The pieces each command understands; the first group is required (`run` needs --size). */
const COMMANDS: Record<string, { required: Piece[]; optional: Piece[]; dry: boolean; name?: string[] }> = {
  run: {
    required: good('size', ['--size', '64'], ['--size', '4K'], ['--size=1MiB'], ['--size', '1.5e3']),
    optional: [
      ...SCENARIO,
      ...good(
        'mode',
        ['--mode', 'pv-tcp'],
        ['--mode=zero-copy'],
        ['--mode', 'sr-iov'],
        ['--mode', 'stub-domain'],
      ),
    ],
    dry: true,
  },
  sweep: {
    required: good('sizes', ['--sizes', '64,4K'], ['--sizes', '64..256'], ['--sizes=1K']),
    optional: [
      ...SCENARIO.filter((p) => p.key !== 'json'),
      ...good('mode', ['--mode', 'pv-tcp,zero-copy'], ['--mode', 'hw-offload']),
      // --csv and --json exclude each other: one key.
      ...good('format', ['--csv'], ['--json']),
    ],
    dry: true,
  },
  figure: {
    required: [],
    optional: FIGURE,
    dry: true,
    name: ['pktgen', 'throughput', 'latency', 'cpu', 'all'],
  },
  validate: { required: [], optional: good('json', ['--json']), dry: true },
  params: { required: [], optional: good('json', ['--json']), dry: false },
  modes: { required: [], optional: good('json', ['--json']), dry: false },
  help: { required: [], optional: [], dry: false },
};

/** Pieces no command understands, wherever they stand. */
const JUNK: Piece[] = bad(
  ['junk'],
  [''],
  [' '],
  ['-1'],
  ['1e309'],
  ['0x10'],
  ['99999999999999999999'],
  ['ü'],
  ['a\nb'],
  ['--size', '6\n4'],
  ['--set', 'a\nb=1'],
  ['--mode', '\u0007\r'],
  ['x'.repeat(5000)],
  ['--'],
  ['--frobnicate'],
  ['--json=yes'],
  ['--seed'],
  ['--seed', ''],
  ['--seed='],
  ['--messages', String(LIMITS.messages.max + 1)],
  ['--messages', '0'],
  ['--messages', '1e309'],
  ['--pairs', String(LIMITS.pairs.max + 1)],
  ['--pairs', '2.5'],
  ['--window', '99999999999999999999'],
  ['--size', '1G'],
  ['--size', 'junk'],
  ['--sizes', '64,,4K'],
  ['--sizes', Array.from({ length: MAX_SWEEP_SIZES + 1 }, () => '64').join(',')],
  ['--set', 'nope=1'],
  ['--set', 'coalUs='],
  ['--set', 'coalUs=1e309'],
  ['--set', 'wakeThreadUs=1'],
  ['--calibration', 'C'],
  ['--mode', 'bogus'],
  ['--mode', ''],
);

/**
 * A command line: the command's own pieces, each flag once (the required one most of the time), with
 * up to two defects mixed in anywhere: a junk piece, or an understood flag given a second time.
 */
const commandLine = fc
  .constantFrom(...Object.keys(COMMANDS), 'dance', '', 'RUN', '--json')
  .chain((command): fc.Arbitrary<Line> => {
    const c = COMMANDS[command];
    if (!c)
      return fc.record({ command: fc.constant(command), name: fc.constant([]), pieces: fc.constant([]) });
    const understood = [...c.required, ...c.optional];
    // Another figure's name after the first is a word too many.
    const extra = (c.name ?? []).map((n) => ({ tokens: [n], ok: false, key: `name ${n}` }));
    const defect = understood.length
      ? fc.oneof(fc.constantFrom(...JUNK, ...extra), fc.constantFrom(...understood))
      : fc.constantFrom(...JUNK, ...extra);
    const pieces = fc
      .tuple(
        c.required.length
          ? fc.option(fc.constantFrom(...c.required), { freq: 5 }).map((p) => (p ? [p] : []))
          : fc.constant([]),
        c.optional.length
          ? fc.uniqueArray(fc.constantFrom(...c.optional), { selector: (p) => p.key, maxLength: 4 })
          : fc.constant([]),
        fc.array(defect, { maxLength: 2 }),
      )
      .chain(([req, opt, defects]) => {
        const all = [...req, ...opt, ...defects];
        return fc.shuffledSubarray(all, { minLength: all.length });
      });
    return fc.record({
      command: fc.constant(command),
      name: c.name ? fc.constantFrom(...c.name).map((n) => [n]) : fc.constant([]),
      pieces,
    });
  });

const argvOf = (x: Line) => [x.command, ...x.name, ...x.pieces.flatMap((p) => p.tokens)];

function expectNoTrace(r: { code: number; stdout: string; stderr: string }) {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr.split('\n').some((l) => l.startsWith('    at '))).toBe(false);
  if (r.code === 2) {
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
  }
}

describe('generated command lines', () => {
  it('exit 0, 1 or 2, never a stack trace; 0 only when every word was understood', async () => {
    const seen = { 0: 0, 2: 0 } as Record<number, number>;
    await fc.assert(
      fc.asyncProperty(commandLine, async (x) => {
        const c = COMMANDS[x.command];
        const r = await sim(argvOf(x), { dryRun: c?.dry ?? false });
        seen[r.code] = (seen[r.code] ?? 0) + 1;
        expectNoTrace(r);
        if (r.code === 0) {
          expect(c, 'a known command').toBeDefined();
          expect(r.stderr).toBe('');
          expect(x.pieces.every((p) => p.ok)).toBe(true);
          const keys = x.pieces.map((p) => p.key);
          expect(new Set(keys).size, 'no flag given twice').toBe(keys.length);
          for (const required of c.required) if (keys.includes(required.key)) return;
          expect(c.required).toHaveLength(0);
        }
      }),
      { numRuns: 400 },
    );
    // Both outcomes were exercised, not one of them only.
    expect(seen[0]).toBeGreaterThan(40);
    expect(seen[2]).toBeGreaterThan(100);
  });

  it('every command line made of understood pieces, each flag once, is accepted', async () => {
    const wellFormed = fc.constantFrom(...Object.keys(COMMANDS)).chain((command): fc.Arbitrary<Line> => {
      const c = COMMANDS[command];
      return fc.record({
        command: fc.constant(command),
        name: c.name ? fc.constantFrom(...c.name).map((n) => [n]) : fc.constant([]),
        pieces: fc
          .tuple(
            c.required.length ? fc.constantFrom(...c.required).map((p) => [p]) : fc.constant([]),
            c.optional.length
              ? fc.uniqueArray(fc.constantFrom(...c.optional), { selector: (p) => p.key, maxLength: 6 })
              : fc.constant([]),
          )
          .chain(([req, opt]) =>
            fc.shuffledSubarray([...req, ...opt], { minLength: req.length + opt.length }),
          ),
      });
    });
    await fc.assert(
      fc.asyncProperty(wellFormed, async (x) => {
        const r = await sim(argvOf(x), { dryRun: COMMANDS[x.command].dry });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
