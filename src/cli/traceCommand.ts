/**
 * `trace`: runs a scenario as `run` does and writes its trace as a Chrome Trace Event file, to open
 * in Perfetto UI (ui.perfetto.dev, "Open trace file") or chrome://tracing. The run's flags are
 * `run`'s, with the same ranges; `--out FILE` is required (`--out -` writes the JSON on stdout),
 * so that a trace of many megabytes never lands on a terminal by accident.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromeTraceOf, recordRun, TRACE_MAX_RECORDS } from '../model/trace/recordTrace.ts';
import type { Scenario } from '../model/types.ts';
import { UsageError, noMorePositionals, parseFlags, quote, type FlagSpec } from './args.ts';
import { scenarioFrom, sizeValue } from './scenarioFlags.ts';
import type { CommandOutput } from './validateCommand.ts';

/** The flag `trace` adds to `run`'s (without `--json`: the file is JSON). */
export const TRACE_OUT_FLAG: FlagSpec = {
  value: true,
  help: `trace: the file to write (Chrome Trace Event JSON; - for stdout); keeps the newest ${TRACE_MAX_RECORDS.toLocaleString('en')} trace records`,
};

export interface TraceDeps {
  /** `run`'s flags with `out` in place of `json`. */
  readonly flags: Record<string, FlagSpec>;
  /** Refuses a scenario the model would refuse, before anything runs. */
  readonly check: (s: Scenario) => void;
  /** Turns the model's own refusal while running into a refusal of the command line. */
  readonly guarded: <T>(f: () => T) => T;
}

/** `--out`: `-`, or a file whose folder exists (checked now, so that a typo costs no run). */
function outPath(raw: string | undefined): string {
  if (raw === undefined)
    throw new UsageError('trace needs --out FILE (e.g. --out trace.json; --out - writes it on stdout)');
  if (raw === '-') return raw;
  const folder = dirname(resolve(raw));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`--out ${quote(raw)}: no folder ${quote(folder)} to write it in`);
  if (existsSync(raw) && statSync(raw).isDirectory())
    throw new UsageError(`--out ${quote(raw)} is a folder; name a file`);
  return raw;
}

const us = (ns: number) => `${(ns / 1000).toLocaleString('en', { maximumFractionDigits: 3 })} µs`;

export function tracePlan(argv: readonly string[], deps: TraceDeps): { run(): CommandOutput } {
  const p = parseFlags(argv, deps.flags);
  noMorePositionals(p, 'trace');
  const raw = p.values.get('size')?.[0];
  if (raw === undefined) throw new UsageError('trace needs --size BYTES (e.g. --size 64 or --size 1M)');
  const scenario = scenarioFrom(p, sizeValue('size', raw));
  const out = outPath(p.values.get('out')?.[0]);
  deps.check(scenario);
  return {
    run: () => {
      const recording = deps.guarded(() => recordRun(scenario, { maxRecords: TRACE_MAX_RECORDS }));
      const { file, counts } = chromeTraceOf(recording, scenario, { maxRecords: TRACE_MAX_RECORDS });
      const json = JSON.stringify(file);
      if (out === '-') return { output: json, exitCode: 0 };
      writeFileSync(out, json);
      const dropped =
        recording.droppedRecords > 0
          ? `; the oldest ${recording.droppedRecords} trace records were dropped (at most ${TRACE_MAX_RECORDS} kept)`
          : '';
      const summary =
        `wrote ${out} (${(Buffer.byteLength(json) / 1024 ** 2).toFixed(1)} MiB): ${counts.slices} slices, ` +
        `${counts.flows} flows, ${counts.counterSamples} counter samples, ${counts.instants} instants ` +
        `on ${counts.threads} tracks; ${recording.messagesIssued} messages, ${us(recording.endNs)} simulated${dropped}`;
      return { output: summary, exitCode: 0 };
    },
  };
}
