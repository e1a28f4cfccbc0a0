import {
  DEFAULT_FIGURE_SETTINGS,
  FIGURE_NAMES,
  cpuTotalNs,
  figureTable,
  runFigurePoints,
  sweep,
  type FigureName,
} from '../model/figures.ts';
import { FIGURE_MESSAGES } from '../model/measure.ts';
import { MODE_DESCRIPTORS } from '../model/modes.ts';
import { PARAMS } from '../model/params.ts';
import { ScenarioInvalid, runScenario } from '../model/run.ts';
import { MODES, type Mode, type RunResult } from '../model/types.ts';
import { UsageError, has, parseFlags } from './args.ts';
import { SCENARIO_FLAGS, paramFlags, scenarioFrom, sizeList, sizeValue } from './scenarioFlags.ts';
import { formatCsv, formatTable } from './table.ts';
import { validateCommand, type CommandOutput } from './validateCommand.ts';

export const USAGE = `usage: npm run sim -- <command> [flags]

commands:
  run     --mode M --workload W --size BYTES [--op write|read] [--pairs N] [--window W]
          [--messages N] [--seed S] [--set name=value ...] [--calibration A|B] [--json]
  sweep   the same flags, with --sizes 64,4096,1M (or a range 64..4M) instead of --size;
          --mode may list several modes (pv-tcp,zero-copy); --csv or --json
  figure  pktgen|throughput|latency|cpu|all [--set name=value ...] [--calibration A|B] [--json]
  params  the model's constants with units, ranges, defaults and sources [--json]
  modes   the I/O paths: label, domains, VMs, pktgen, what each one is [--json]
  validate  the model beside published results, with tolerances (docs/validation.md) [--json];
          exits 1 when a required row fails

modes: ${MODES.join(', ')}`;

/** Runs a command; returns what to print. Throws UsageError for bad input. */
export function execute(argv: readonly string[]): string {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runCommand(rest);
    case 'sweep':
      return sweepCommand(rest);
    case 'figure':
      return figureCommand(rest);
    case 'params':
      return paramsCommand(rest);
    case 'modes':
      return modesCommand(rest);
    case 'validate':
      return validateCommand(rest).output;
    case undefined:
    case 'help':
    case '--help':
      return USAGE;
    default:
      throw new UsageError(
        `unknown command "${command}"; allowed: run, sweep, figure, params, modes, validate`,
      );
  }
}

/** Like `execute`, with the exit status the command asks for (`validate` fails on a required row). */
export function executeWithStatus(argv: readonly string[]): CommandOutput {
  if (argv[0] === 'validate') return validateCommand(argv.slice(1));
  return { output: execute(argv), exitCode: 0 };
}

function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ScenarioInvalid)
      throw new UsageError(e.errors.map((x) => `${x.field}: ${x.message}`).join('\n'));
    throw e;
  }
}

function runCommand(argv: readonly string[]): string {
  const p = parseFlags(argv, {
    ...SCENARIO_FLAGS,
    size: { value: true, help: 'message size in bytes (64, 64K, 1MiB)' },
  });
  if (p.positional.length) throw new UsageError(`unexpected argument "${p.positional[0]}"`);
  const raw = p.values.get('size')?.[0];
  if (raw === undefined) throw new UsageError('run needs --size BYTES (e.g. --size 64 or --size 1M)');
  const result = guarded(() => runScenario(scenarioFrom(p, sizeValue('size', raw))));
  return has(p, 'json') ? JSON.stringify(result, null, 2) : describeRun(result);
}

function sweepCommand(argv: readonly string[]): string {
  const specs = {
    ...SCENARIO_FLAGS,
    mode: { value: true, help: `one or more of ${MODES.join(', ')}, comma-separated` },
    sizes: { value: true, help: 'sizes, comma-separated (64,4K,1M) or a range 64..4M' },
    csv: { value: false, help: 'print CSV' },
  };
  const p = parseFlags(argv, specs);
  const raw = p.values.get('sizes')?.[0];
  if (raw === undefined)
    throw new UsageError('sweep needs --sizes (e.g. --sizes 64,4K,1M or --sizes 64..4M)');
  if (has(p, 'csv') && has(p, 'json')) throw new UsageError('choose one of --csv and --json');
  const sizes = sizeList(raw);
  const modes = (p.values.get('mode')?.[0] ?? 'pv-tcp,zero-copy').split(',') as Mode[];
  for (const m of modes)
    if (!MODES.includes(m)) throw new UsageError(`--mode "${m}" is not one of: ${MODES.join(', ')}`);
  const withoutMode = {
    positional: p.positional,
    values: new Map([...p.values].filter(([k]) => k !== 'mode')),
  };
  const given = scenarioFrom(withoutMode, sizes[0]);
  // Without --messages, a sweep measures as the figures do: the same count at every size.
  const messages = withoutMode.values.has('messages') ? given.messages : FIGURE_MESSAGES[given.workload];
  const points = guarded(() => sweep({ ...given, messages }, modes, sizes));
  if (has(p, 'json'))
    return JSON.stringify(
      points.map((x) => x.result),
      null,
      2,
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
  return has(p, 'csv') ? formatCsv(columns, rows) : formatTable(columns, rows);
}

function figureCommand(argv: readonly string[]): string {
  const p = parseFlags(argv, {
    set: SCENARIO_FLAGS.set,
    calibration: SCENARIO_FLAGS.calibration,
    seed: SCENARIO_FLAGS.seed,
    json: SCENARIO_FLAGS.json,
  });
  const name = p.positional[0];
  const allowed = [...FIGURE_NAMES, 'all'];
  if (!name || !allowed.includes(name)) {
    throw new UsageError(`figure needs one of: ${allowed.join(', ')}${name ? ` (got "${name}")` : ''}`);
  }
  const params = paramFlags(p);
  const seed = Number(p.values.get('seed')?.[0] ?? 1);
  const names: FigureName[] = name === 'all' ? [...FIGURE_NAMES] : [name as FigureName];
  const tables = guarded(() =>
    names.map((n) => {
      return figureTable(n, runFigurePoints(n, { ...DEFAULT_FIGURE_SETTINGS, params, seed }));
    }),
  );
  if (has(p, 'json')) return JSON.stringify(name === 'all' ? tables : tables[0], null, 2);
  return tables.map((t) => `${t.title}\n\n${formatTable(t.columns, t.rows)}`).join('\n\n');
}

function paramsCommand(argv: readonly string[]): string {
  const p = parseFlags(argv, { json: SCENARIO_FLAGS.json });
  if (has(p, 'json')) return JSON.stringify(PARAMS, null, 2);
  return formatTable(
    ['name', 'unit', 'default', 'range', 'group', 'source'],
    PARAMS.map((x) => [x.name, x.unit, x.default, `${x.min}–${x.max}`, x.group, x.source]),
  );
}

/** The model's mode descriptors, as the app shows them. */
function modesCommand(argv: readonly string[]): string {
  const p = parseFlags(argv, { json: SCENARIO_FLAGS.json });
  const all = MODES.map((m) => MODE_DESCRIPTORS[m]);
  if (has(p, 'json')) return JSON.stringify(all, null, 2);
  return formatTable(
    ['mode', 'label', 'domains', 'VMs', 'pktgen', 'what it is'],
    all.map((d) => [
      d.mode,
      d.label,
      d.domains.join(', '),
      d.hasVms ? 'yes' : 'no',
      d.pktgen ? 'yes' : 'no',
      d.explanation,
    ]),
  );
}

function cpuUs(r: RunResult, row: 'vm' | 'dom0'): number {
  return Number((cpuTotalNs(r, row) / 1000).toFixed(2));
}

function describeRun(r: RunResult): string {
  const lines = [
    `${r.mode} · ${r.workload} · RDMA ${r.op.toUpperCase()} · ${r.sizeBytes} B · ${r.pairs} pair(s) · ${r.messages} message(s) per pair · seed ${r.seed}`,
    '',
    formatTable(
      ['measure', 'value'],
      [
        ['warm-up (messages per pair, not measured)', r.warmupMessages],
        ['measured window (µs)', Number((r.measuredNs / 1000).toFixed(3))],
        ['messages measured (all pairs)', r.measuredMessages],
        ['latency mean (µs)', r.latencyUs.mean],
        ['latency of the first message, cold (µs)', r.coldLatencyUs],
        ['latency p50 (µs)', r.latencyUs.p50],
        ['latency p99 (µs)', r.latencyUs.p99],
        ['throughput (MiB/s)', r.throughputMiBps],
        ['throughput per pair (MiB/s)', r.perPairThroughputMiBps.join(', ')],
        ['simulated time (µs)', Number((r.simulatedNs / 1000).toFixed(3))],
        ['events', r.events],
      ],
    ),
    '',
    'CPU time per message (µs), by domain and category',
    formatTable(
      ['domain', 'category', 'µs/message'],
      Object.entries(r.cpuNsPerMessage).flatMap(([d, cats]) =>
        Object.entries(cats ?? {}).map(([c, v]) => [d, c, Number(((v ?? 0) / 1000).toFixed(3))]),
      ),
    ),
    '',
    'utilization (busy fraction)',
    formatTable(
      ['resource', 'busy'],
      Object.entries(r.utilization).map(([k, v]) => [k, v]),
    ),
    '',
    'counters',
    formatTable(['counter', 'count'], Object.entries(r.counters)),
  ];
  if (r.measuredNs === 0) {
    const drops = r.counters.rxDrops ?? 0;
    lines.unshift(
      drops > 0
        ? `nothing measured: ${drops} frame(s) were dropped (nicPause is off), so some messages never arrived and the steady-state window never opened`
        : 'nothing measured: the steady-state window never opened',
      '',
    );
  }
  if (Object.keys(r.changedParams).length)
    lines.push('', `changed constants: ${JSON.stringify(r.changedParams)}`);
  return lines.join('\n');
}
