/**
 * Recording a run for a trace viewer: run a scenario from its start with its trace kept and its
 * counters sampled after every event, then write the Chrome trace of what was kept. The command
 * line runs a scenario to its end; the page replays its live run up to where it stands.
 */
import type { TraceRecord } from '../../engine/trace.ts';
import { EVENT_BUDGET, EventBudgetExceeded, createRun } from '../run.ts';
import type { Scenario } from '../types.ts';
import {
  toChromeTrace,
  type ChromeTraceCounts,
  type ChromeTraceFile,
  type CounterRecord,
} from './chromeTrace.ts';
import { CounterSampler } from './counters.ts';

/**
 * Trace records a recording keeps at most (the newest; older ones are dropped and counted): about
 * 60 MB of JSON, which Perfetto UI opens at once and chrome://tracing still can.
 */
export const TRACE_MAX_RECORDS = 200_000;

export interface TraceRecording {
  readonly records: readonly TraceRecord[];
  /** Records the trace's buffer overwrote (the oldest). */
  readonly droppedRecords: number;
  /** Counter changes from the first kept record's time on. */
  readonly counters: readonly CounterRecord[];
  /** Counter changes the sampler dropped (the oldest; most lie before the kept records anyway). */
  readonly countersDropped: number;
  readonly endNs: number;
  readonly events: number;
  readonly messagesIssued: number;
}

export interface RecordOptions {
  /** Trace records to keep (the newest); the scenario's own `traceCapacity` is ignored. */
  readonly maxRecords: number;
  /** Stop after this many events (the live run's count), or run to the end. */
  readonly untilEvents?: number;
}

/** Where the kept records begin: counters before it are folded into their level there. */
function firstNs(records: readonly TraceRecord[]): number {
  let first = Infinity;
  for (const r of records) first = Math.min(first, r.kind === 'span' ? r.startNs : r.atNs);
  return Number.isFinite(first) ? first : 0;
}

/**
 * Runs `scenario` from its start, keeping its newest `maxRecords` trace records and sampling its
 * counters after every event, to its end (at most the engine's event budget: past it the scenario
 * is refused, as `runScenario` refuses it) or to `untilEvents` events.
 */
export function recordRun(scenario: Scenario, opts: RecordOptions): TraceRecording {
  const run = createRun({ ...scenario, traceCapacity: opts.maxRecords });
  const sim = run.sim;
  const counters = new CounterSampler(run, opts.maxRecords);
  const limit = opts.untilEvents ?? EVENT_BUDGET;
  while (sim.eventsProcessed < limit && sim.step()) counters.sample();
  if (opts.untilEvents === undefined && sim.pending > 0) {
    throw new EventBudgetExceeded();
  }
  const records = sim.trace.records();
  return {
    records,
    droppedRecords: sim.trace.dropped,
    counters: counters.recordsFrom(firstNs(records)),
    countersDropped: counters.dropped,
    endNs: sim.now,
    events: sim.eventsProcessed,
    messagesIssued: run.recorder.messagesIssued,
  };
}

/** The scenario as the file's metadata names it (what a reader needs to run it again). */
export function scenarioMetadata(s: Scenario): Record<string, unknown> {
  const { mode, workload, op, sizeBytes, pairs, window, messages, seed, params } = s;
  return { mode, workload, op, sizeBytes, pairs, window, messages, seed, params };
}

/** The Chrome trace of a recording, its metadata saying what it holds and what it left out. */
export function chromeTraceOf(
  recording: TraceRecording,
  scenario: Scenario,
  extra: Readonly<Record<string, unknown>> = {},
): { file: ChromeTraceFile; counts: ChromeTraceCounts } {
  return toChromeTrace(recording.records, recording.counters, {
    generator: 'xen-hpc-io-sim',
    timeUnits: 'ts and dur in µs of simulated time (the model counts whole ns), from the run’s start',
    scenario: scenarioMetadata(scenario),
    simulatedNs: recording.endNs,
    events: recording.events,
    messagesIssued: recording.messagesIssued,
    traceRecords: recording.records.length,
    droppedRecords: recording.droppedRecords,
    counterChangesDropped: recording.countersDropped,
    ...extra,
  });
}
