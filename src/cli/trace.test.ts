import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sim } from './inProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'xen-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUN = [
  '--mode',
  'zero-copy',
  '--workload',
  'pingpong',
  '--size',
  '64',
  '--pairs',
  '2',
  '--messages',
  '3',
];

describe('npm run sim -- trace', () => {
  it('writes the run as Chrome Trace Event JSON to --out and says how many slices it wrote', async () => {
    const out = join(dir, 'zero-copy.json');
    const r = await sim(['trace', ...RUN, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const m =
      /^wrote (.+) \([\d.]+ MiB\): (\d+) slices, (\d+) flows, (\d+) counter samples, (\d+) instants/.exec(
        r.stdout,
      );
    expect(m, r.stdout).not.toBeNull();
    expect(m![1]).toBe(out);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.displayTimeUnit).toBe('ns');
    const events: { ph: string }[] = file.traceEvents;
    const count = (ph: string) => events.filter((e) => e.ph === ph).length;
    expect(count('X')).toBe(Number(m![2]));
    expect(count('X')).toBeGreaterThan(100);
    expect(count('s')).toBe(Number(m![3]));
    expect(count('f')).toBe(Number(m![3]));
    expect(count('C')).toBe(Number(m![4]));
    expect(count('i')).toBe(Number(m![5]));
    expect(file.metadata).toMatchObject({
      scenario: { mode: 'zero-copy', workload: 'pingpong', sizeBytes: 64, pairs: 2, messages: 3, seed: 1 },
      droppedRecords: 0,
    });
  });

  it('writes the JSON on stdout with --out -, the same run as the file', async () => {
    const r = await sim(['trace', ...RUN, '--out', '-']);
    expect(r.code).toBe(0);
    const file = JSON.parse(r.stdout);
    const again = JSON.parse(readFileSync(join(dir, 'zero-copy.json'), 'utf8'));
    expect(file).toEqual(again);
  });

  it.each([
    [['--out'], /^error: --out needs a value/],
    [['--out', ''], /^error: --out needs a value/],
    [['--json', '--out', 'x.json'], /^error: unknown flag --json; allowed: .*--out/],
    [['--bogus', '1', '--out', 'x.json'], /^error: unknown flag --bogus/],
    [[], /^error: trace needs --out FILE/],
    [['--out', join(dir, 'no-such-folder', 'x.json')], /^error: --out ".*": no folder/],
    [['--out', dir], /^error: --out ".*" is a folder/],
    [['--out', 'a.json', '--out', 'b.json'], /^error: --out given twice/],
    [['--out', 'a.json', 'junk'], /^error: trace: unexpected argument "junk"/],
    [['--messages', '0', '--out', 'a.json'], /^error: --messages 0 is outside 1–/],
  ])('refuses %j with status 2, one line on stderr, nothing written', async (extra, message) => {
    const r = await sim(['trace', ...RUN.filter((x) => x !== '--messages' && x !== '3'), ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync('a.json') || existsSync('x.json')).toBe(false);
  });

  it('refuses a trace without --size, as run does', async () => {
    const r = await sim(['trace', '--mode', 'pv-tcp', '--out', join(dir, 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/trace needs --size/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('is in the help, with --out', async () => {
    const r = await sim(['help']);
    expect(r.stdout).toMatch(/^ {2}trace /m);
    expect(r.stdout).toMatch(/^ {2}--out V +trace: the file to write/m);
  });
});
