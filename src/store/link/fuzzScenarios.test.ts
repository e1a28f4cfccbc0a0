import { describe, expect, it } from 'vitest';
import { generateScenario, type ScenarioCase } from './fuzzScenarios.ts';
import { fuzzEnv, report } from './fuzzReport.ts';
import { seededRandom } from './fuzzValues.ts';
import { readScenarioText } from './scenarioText.ts';
import { SCENARIO_REGRESSIONS } from './fuzzScenarios.fixtures.ts';

/** Files tried per run (the issue asks for at least 10,000); FUZZ_SEED=<n> explores others. */
const CASES = 10_000;
const SEED = Number(fuzzEnv('FUZZ_SEED') ?? 20261202);
const QUOTE_MAX = 40;
const MESSAGE_MAX = 400;

/** Whether an error names `path`, or refuses a field that holds it (`settings` for `settings.vms`). */
function names(errors: readonly string[], path: string): boolean {
  if (path === '') return errors.length > 0;
  const p = path.length > 60 ? path.slice(0, 30) : path;
  return errors.some((e) => {
    const at = e.slice(0, e.indexOf(':'));
    return e.startsWith(p) || path.startsWith(`${at}.`);
  });
}

/** Every way a reading of `c` can be wrong, in words (empty: right). */
function failures(c: Pick<ScenarioCase, 'text' | 'bad' | 'decisive' | 'intended' | 'strings'>): string[] {
  let read: ReturnType<typeof readScenarioText>;
  try {
    read = readScenarioText(c.text);
  } catch (e) {
    return [`threw ${String(e)}`];
  }
  const out: string[] = [];
  if (c.bad.length === 0) {
    if (!read.ok) return [`a good file refused: ${read.errors.join(' | ').slice(0, 300)}`];
    const got = { settings: read.state.settings, view: read.state.view, tour: read.tour };
    if (JSON.stringify(got) !== JSON.stringify(c.intended))
      out.push(
        `opened ${JSON.stringify(got).slice(0, 300)}, not ${JSON.stringify(c.intended).slice(0, 300)}`,
      );
    return out;
  }
  if (read.ok) return [`a file with faults at ${c.bad.join(', ').slice(0, 100)} was opened`];
  const required = c.decisive !== null ? [c.decisive] : c.bad;
  for (const path of required)
    if (!names(read.errors, path))
      out.push(`fault at ${path.slice(0, 60)} not named: ${read.errors.join(' | ').slice(0, 200)}`);
  for (const e of read.errors) {
    if (e.length > MESSAGE_MAX) out.push(`a message of ${e.length} characters: ${e.slice(0, 80)}…`);
    for (const s of c.strings)
      if (s.length > QUOTE_MAX && e.includes(s.slice(0, QUOTE_MAX + 1)))
        out.push(`a message quotes more than ${QUOTE_MAX} characters: ${e.slice(0, 80)}…`);
  }
  return out;
}

describe('scenario files, fuzzed', () => {
  it(`${CASES} generated files (seed ${SEED}): nothing throws, every fault named, good files open exactly`, () => {
    const r = seededRandom(SEED);
    const failed: { n: number; search: string; why: string[] }[] = [];
    for (let n = 0; n < CASES; n++) {
      const c = generateScenario(r);
      const why = failures(c);
      if (why.length > 0) failed.push({ n, search: c.text.slice(0, 300), why });
    }
    if (fuzzEnv('FUZZ_REPORT')) report('scenario files', CASES, failed);
    expect(failed.slice(0, 5)).toEqual([]);
  });

  it('the files fuzzing found read wrong once are read right (fuzzScenarios.fixtures.ts)', () => {
    for (const f of SCENARIO_REGRESSIONS)
      expect({ text: f.text.slice(0, 200), why: failures(f) }).toEqual({
        text: f.text.slice(0, 200),
        why: [],
      });
  });
});
