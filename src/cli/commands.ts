import {
  DEFAULT_FIGURE_SETTINGS,
  FIGURE_NAMES,
  cpuTotalNs,
  figureModes,
  figureRun,
  figureSizes,
  figureTable,
  runFigurePoints,
  sweep,
  type FigureName,
} from '../model/figures.ts';
import { LIMITS } from '../model/limits.ts';
import { FIGURE_MESSAGES } from '../model/measure.ts';
import { MODE_DESCRIPTORS } from '../model/modes.ts';
import { PARAMS } from '../model/params.ts';
import { ScenarioInvalid, runScenario } from '../model/run.ts';
import { validateScenario } from '../model/scenario.ts';
import { MODES, type Mode, type RunResult, type Scenario } from '../model/types.ts';
import { resolveParams } from '../model/validate.ts';
import { UsageError, has, intFlag, noMorePositionals, parseFlags, quote, type FlagSpec } from './args.ts';
import { describeRun } from './describeRun.ts';
import {
  MAX_SWEEP_SIZES,
  SCENARIO_FLAGS,
  paramFlags,
  scenarioFrom,
  sizeList,
  sizeValue,
} from './scenarioFlags.ts';
import { formatCsv, formatTable } from './table.ts';
import { TRACE_OUT_FLAG, tracePlan } from './traceCommand.ts';
import { validateCommand, validateFlags, type CommandOutput } from './validateCommand.ts';

const RUN_FLAGS: Record<string, FlagSpec> = {
  ...SCENARIO_FLAGS,
  size: {
    value: true,
    help: `message size in bytes, ${LIMITS.sizeBytes.min} B–${LIMITS.sizeBytes.max / 1024 ** 2} MiB, units as in the app (64, 64K, 1MiB, 1.5e3)`,
  },
};
const SWEEP_FLAGS: Record<string, FlagSpec> = {
  ...SCENARIO_FLAGS,
  mode: { value: true, help: `one or more of ${MODES.join(', ')}, comma-separated` },
  sizes: {
    value: true,
    help: `sizes, comma-separated (64,4K,1M; at most ${MAX_SWEEP_SIZES}) or a doubling range 64..4M`,
  },
  csv: { value: false, help: 'print CSV' },
};
const FIGURE_FLAGS: Record<string, FlagSpec> = {
  set: SCENARIO_FLAGS.set,
  calibration: SCENARIO_FLAGS.calibration,
  seed: SCENARIO_FLAGS.seed,
  json: SCENARIO_FLAGS.json,
};
const JSON_ONLY: Record<string, FlagSpec> = { json: SCENARIO_FLAGS.json };
const TRACE_FLAGS: Record<string, FlagSpec> = Object.fromEntries(
  Object.entries({ ...RUN_FLAGS, out: TRACE_OUT_FLAG }).filter(([name]) => name !== 'json'),
);
const COMMANDS = ['run', 'trace', 'sweep', 'figure', 'params', 'modes', 'validate', 'help'];

const flagLines = Object.entries({ ...RUN_FLAGS, ...SWEEP_FLAGS, mode: RUN_FLAGS.mode, out: TRACE_OUT_FLAG })
  .map(([name, spec]) => `  --${`${name}${spec.value ? ' V' : ''}`.padEnd(15)} ${spec.help}`)
  .join('\n');

export const USAGE = `usage: npm run sim -- <command> [flags]

commands:
  run     --mode M --workload W --size BYTES [--op write|read] [--pairs N] [--window W]
          [--messages N] [--seed S] [--set name=value ...] [--calibration A|B] [--json]
  sweep   the same flags, with --sizes 64,4096,1M (or a range 64..4M) instead of --size;
          --mode may list several modes (pv-tcp,zero-copy); --csv or --json
  trace   run's flags (no --json) and --out FILE: the run's trace as Chrome Trace Event JSON, for
          Perfetto UI or chrome://tracing (slices per vCPU and device, flows along each message,
          ring and vCPU counters); --out - writes it on stdout
  figure  pktgen|throughput|latency|cpu|all [--set name=value ...] [--calibration A|B] [--seed S] [--json]
  params  the model's constants with units, ranges, defaults and sources [--json]
  modes   the I/O paths: label, domains, VMs, pktgen, what each one is [--json]
  validate  the model beside published results, with tolerances (docs/validation.md) [--json];
          exits 1 when a required row fails
  help    this text (also --help, -h, or <command> --help)

flags (each at most once, except --set once per constant):
${flagLines}

exit status: 0 done; 1 a required validation row fails, or an unexpected error; 2 the command line
was refused (an unknown command, flag or word, an empty value, a flag given twice, a value out of range)

modes: ${MODES.join(', ')}`;

/** A command whose every token was understood and every scenario checked; `run` does the work. */
export interface Plan {
  run(): CommandOutput;
}

const done = (output: string): CommandOutput => ({ output, exitCode: 0 });

/**
 * Reads the command line without running anything: throws UsageError for anything not understood,
 * so a refusal costs no simulation and no partial output.
 */
export function plan(argv: readonly string[]): Plan {
  const [command, ...rest] = argv;
  if (command !== undefined && rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h'))
    if (COMMANDS.includes(command)) return { run: () => done(USAGE) };
  switch (command) {
    case 'run':
      return runPlan(rest);
    case 'trace':
      return tracePlan(rest, { flags: TRACE_FLAGS, check, guarded });
    case 'sweep':
      return sweepPlan(rest);
    case 'figure':
      return figurePlan(rest);
    case 'params':
      return paramsPlan(rest);
    case 'modes':
      return modesPlan(rest);
    case 'validate':
      validateFlags(rest);
      return { run: () => validateCommand(rest) };
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      noMorePositionals({ positional: rest, values: new Map() }, command ?? 'help');
      return { run: () => done(USAGE) };
    default:
      throw new UsageError(`unknown command ${quote(command)}; allowed: ${COMMANDS.join(', ')}`);
  }
}

/** Runs a command; returns what to print. Throws UsageError for bad input. */
export function execute(argv: readonly string[]): string {
  return plan(argv).run().output;
}

/** Like `execute`, with the exit status the command asks for (`validate` fails on a required row). */
export function executeWithStatus(argv: readonly string[]): CommandOutput {
  return plan(argv).run();
}

/** Refuses a scenario the model would refuse (cross-field rules too), before anything runs. */
function check(s: Scenario): void {
  const errors = [
    ...validateScenario(s),
    ...resolveParams(s.params).errors.map((e) => ({ field: e.name, message: e.message })),
  ];
  if (errors.length) throw new UsageError(errors.map((x) => `${x.field}: ${x.message}`).join('; '));
}

/** A run the model refuses after all (a rule not checked above) is still a usage error, on one line. */
function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ScenarioInvalid)
      throw new UsageError(e.errors.map((x) => `${x.field}: ${x.message}`).join('; '));
    throw e;
  }
}

function runPlan(argv: readonly string[]): Plan {
  const p = parseFlags(argv, RUN_FLAGS);
  noMorePositionals(p, 'run');
  const raw = p.values.get('size')?.[0];
  if (raw === undefined) throw new UsageError('run needs --size BYTES (e.g. --size 64 or --size 1M)');
  const scenario = scenarioFrom(p, sizeValue('size', raw));
  check(scenario);
  return {
    run: () => {
      const result = guarded(() => runScenario(scenario));
      return done(has(p, 'json') ? JSON.stringify(result, null, 2) : describeRun(result));
    },
  };
}

function sweepPlan(argv: readonly string[]): Plan {
  const p = parseFlags(argv, SWEEP_FLAGS);
  noMorePositionals(p, 'sweep');
  const raw = p.values.get('sizes')?.[0];
  if (raw === undefined)
    throw new UsageError('sweep needs --sizes (e.g. --sizes 64,4K,1M or --sizes 64..4M)');
  if (has(p, 'csv') && has(p, 'json')) throw new UsageError('choose one of --csv and --json');
  const sizes = sizeList(raw);
  const modes = (p.values.get('mode')?.[0] ?? 'pv-tcp,zero-copy').split(',') as Mode[];
  for (const [i, m] of modes.entries()) {
    if (!MODES.includes(m)) throw new UsageError(`--mode ${quote(m)} is not one of: ${MODES.join(', ')}`);
    if (modes.indexOf(m) !== i) throw new UsageError(`--mode lists ${m} twice`);
  }
  const withoutMode = {
    positional: p.positional,
    values: new Map([...p.values].filter(([k]) => k !== 'mode')),
  };
  const given = scenarioFrom(withoutMode, sizes[0]);
  // Without --messages, a sweep measures as the figures do: the same count at every size.
  const messages = withoutMode.values.has('messages') ? given.messages : FIGURE_MESSAGES[given.workload];
  const base = { ...given, messages };
  for (const mode of modes) for (const sizeBytes of sizes) check({ ...base, mode, sizeBytes });
  return {
    run: () => {
      const points = guarded(() => sweep(base, modes, sizes));
      if (has(p, 'json'))
        return done(
          JSON.stringify(
            points.map((x) => x.result),
            null,
            2,
          ),
        );
      const columns = [
        'mode',
        'size (B)',
        'latency mean (µs)',
        'p99 (µs)',
        'throughput (MiB/s)',
        'vm CPU (µs/msg)',
        'dom0 CPU (µs/msg)',
      ];
      const rows = points.map(({ mode, sizeBytes, result: r }) => [
        mode,
        sizeBytes,
        r.latencyUs.mean,
        r.latencyUs.p99,
        r.throughputMiBps,
        cpuUs(r, 'vm'),
        cpuUs(r, 'dom0'),
      ]);
      return done(has(p, 'csv') ? formatCsv(columns, rows) : formatTable(columns, rows));
    },
  };
}

function figurePlan(argv: readonly string[]): Plan {
  const p = parseFlags(argv, FIGURE_FLAGS);
  const name = p.positional[0];
  const allowed = [...FIGURE_NAMES, 'all'];
  if (name === undefined || !allowed.includes(name)) {
    throw new UsageError(
      `figure needs one of: ${allowed.join(', ')}${name !== undefined ? ` (got ${quote(name)})` : ''}`,
    );
  }
  noMorePositionals(p, 'figure', 1);
  const params = paramFlags(p);
  const seed = intFlag(p, 'seed', DEFAULT_FIGURE_SETTINGS.seed, LIMITS.seed.min, LIMITS.seed.max);
  const settings = { ...DEFAULT_FIGURE_SETTINGS, params, seed };
  const names: FigureName[] = name === 'all' ? [...FIGURE_NAMES] : [name as FigureName];
  for (const n of names)
    for (const mode of figureModes(n))
      for (const size of figureSizes(n)) check(figureRun(n, mode, size, settings));
  return {
    run: () => {
      const tables = guarded(() => names.map((n) => figureTable(n, runFigurePoints(n, settings))));
      if (has(p, 'json')) return done(JSON.stringify(name === 'all' ? tables : tables[0], null, 2));
      return done(tables.map((t) => `${t.title}\n\n${formatTable(t.columns, t.rows)}`).join('\n\n'));
    },
  };
}

function paramsPlan(argv: readonly string[]): Plan {
  const p = parseFlags(argv, JSON_ONLY);
  noMorePositionals(p, 'params');
  return {
    run: () => {
      if (has(p, 'json')) return done(JSON.stringify(PARAMS, null, 2));
      return done(
        formatTable(
          ['name', 'unit', 'default', 'range', 'group', 'source'],
          PARAMS.map((x) => [x.name, x.unit, x.default, `${x.min}–${x.max}`, x.group, x.source]),
        ),
      );
    },
  };
}

/** The model's mode descriptors, as the app shows them. */
function modesPlan(argv: readonly string[]): Plan {
  const p = parseFlags(argv, JSON_ONLY);
  noMorePositionals(p, 'modes');
  return {
    run: () => {
      const all = MODES.map((m) => MODE_DESCRIPTORS[m]);
      if (has(p, 'json')) return done(JSON.stringify(all, null, 2));
      return done(
        formatTable(
          ['mode', 'label', 'domains', 'VMs', 'pktgen', 'what it is'],
          all.map((d) => [
            d.mode,
            d.label,
            d.domains.join(', '),
            d.hasVms ? 'yes' : 'no',
            d.pktgen ? 'yes' : 'no',
            d.explanation,
          ]),
        ),
      );
    },
  };
}

function cpuUs(r: RunResult, row: 'vm' | 'dom0'): number {
  return Number((cpuTotalNs(r, row) / 1000).toFixed(2));
}
