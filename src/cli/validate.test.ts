import { describe, expect, it } from 'vitest';
import { VALIDATION_ROWS } from '../model/validation/rows.ts';
import type { RowOutcome, ValidationReport } from '../model/validation/run.ts';
import { scenario } from '../model/validation/scenarios.ts';
import { withinTolerance, type ValidationRow } from '../model/validation/types.ts';
import { UsageError } from './args.ts';
import { executeWithStatus } from './commands.ts';
import { validateCommand } from './validateCommand.ts';

/** A row for tests: a cheap run, or none, read by `read`. */
function row(over: Partial<ValidationRow> & Pick<ValidationRow, 'id'>): ValidationRow {
  return {
    group: 'poster',
    result: 'test row',
    published: 10,
    unit: 'µs',
    source: { work: 'test', venue: 'test', where: 'test' },
    tolerance: { kind: 'within', pct: 10 },
    required: false,
    runs: {},
    reading: 'test',
    read: () => 10,
    mapping: 'test',
    ifFails: 'the test row says why',
    ...over,
  };
}

const report = (rows: readonly ValidationRow[]) =>
  JSON.parse(validateCommand(['--json'], rows).output) as ValidationReport;

describe('npm run sim -- validate', () => {
  it(
    'runs every row now and reports each against its tolerance; exits 1 iff a required row fails',
    {
      timeout: 120_000,
    },
    () => {
      const { output, exitCode } = executeWithStatus(['validate', '--json']);
      const r = JSON.parse(output) as ValidationReport;
      expect(r.rows.map((o) => o.id)).toEqual(VALIDATION_ROWS.map((x) => x.id));
      expect(new Set(r.rows.map((o) => o.id)).size).toBe(r.rows.length);
      for (const [i, o] of r.rows.entries()) {
        const def = VALIDATION_ROWS[i];
        expect(o.source.work.length, o.id).toBeGreaterThan(0);
        expect(o.source.where.length, o.id).toBeGreaterThan(0);
        expect(o.tolerance.length, o.id).toBeGreaterThan(0);
        if (o.error === undefined) {
          expect(Number.isFinite(o.model), o.id).toBe(true);
          // The verdict is the stated tolerance applied to the value printed (rounded to 4 digits).
          expect(o.pass, o.id).toBe(withinTolerance(def.tolerance, def.published, o.model));
        } else expect(o.pass, o.id).toBe(false);
        expect(o.why === '', o.id).toBe(o.pass);
      }
      expect(r.passed + r.failed).toBe(r.rows.length);
      expect(r.requiredFailed).toEqual(r.rows.filter((o) => o.required && !o.pass).map((o) => o.id));
      expect(exitCode).toBe(r.requiredFailed.length > 0 ? 1 : 0);
      // The poster's numbers and Little's law are required; other testbeds' numbers inform.
      for (const o of r.rows) expect(o.required, o.id).toBe(o.group === 'poster' || o.group === 'little');
      // Rows that name the same scenario share one run.
      const distinct = new Set(
        VALIDATION_ROWS.flatMap((x) => Object.values(x.runs).map((s) => JSON.stringify(s))),
      );
      expect(r.runs).toBe(distinct.size);
    },
  );

  it('a row with an impossible tolerance fails; a required failure makes the exit non-zero', () => {
    const impossible = row({
      id: 'impossible',
      published: 10,
      read: () => 10.5,
      tolerance: { kind: 'within', pct: 0 },
    });
    const fine = row({ id: 'fine', required: true });
    const informational = report([fine, impossible]);
    expect(informational.rows.map((o: RowOutcome) => o.pass)).toEqual([true, false]);
    expect(informational.rows[1].why).toBe('the test row says why');
    expect(informational.rows[1].deviationPct).toBeCloseTo(5, 6);
    expect(validateCommand([], [fine, impossible]).exitCode).toBe(0);

    const required = { ...impossible, required: true };
    expect(report([fine, required]).requiredFailed).toEqual(['impossible']);
    expect(validateCommand([], [fine, required]).exitCode).toBe(1);
    expect(validateCommand([], [fine, required]).output).toMatch(/required rows failing: impossible/);
  });

  it('one-sided tolerances and a failed run are judged as stated', () => {
    const atLeast = row({ id: 'at-least', tolerance: { kind: 'atLeast', min: 11 } });
    const atMost = row({ id: 'at-most', tolerance: { kind: 'atMost', max: 10 } });
    const broken = row({
      id: 'broken',
      required: true,
      runs: { bad: scenario('sr-iov', 'pingpong', 64, { messages: 0 }) },
    });
    const r = report([atLeast, atMost, broken]);
    expect(r.rows.map((o) => o.pass)).toEqual([false, true, false]);
    expect(r.rows[2].error).toMatch(/messages/);
    expect(r.rows[2].why).toMatch(/^the run failed: /);
    expect(r.requiredFailed).toEqual(['broken']);
  });

  it('reads the model by running it, once per distinct scenario', () => {
    const s = scenario('sr-iov', 'pingpong', 64, { messages: 4 });
    const latency = (id: string) =>
      row({ id, runs: { s }, read: (x) => x.s.latencyUs.mean, tolerance: { kind: 'atLeast', min: 0 } });
    const r = report([latency('a'), latency('b')]);
    expect(r.runs).toBe(1);
    expect(r.rows[0].model).toBeGreaterThan(0);
    expect(r.rows[0].model).toBe(r.rows[1].model);
  });

  it.each([
    [['--frobnicate'], /unknown flag --frobnicate; allowed: --json/],
    [['extra'], /unexpected argument "extra"/],
    [['--json=yes'], /--json takes no value/],
  ])('validate %j is refused with a message naming what is allowed', (argv, message) => {
    expect(() => validateCommand(argv, [])).toThrow(UsageError);
    expect(() => validateCommand(argv, [])).toThrow(message);
  });
});
