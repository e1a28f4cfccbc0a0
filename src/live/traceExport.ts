/**
 * The live run as a Chrome Trace Event file (the page's "⤓ Trace"): the spans and instants its
 * trace buffer holds now, and the counters the buffer does not have (ring occupancy, busy vCPUs,
 * DMA in flight), read from a replay of the same run up to the same event. A run is a function of
 * its scenario and seed, so the replay passes through exactly the states the live run did; the
 * live run itself is not touched.
 */
import type { TraceRecord } from '../engine/trace.ts';
import type { ChromeTraceCounts, ChromeTraceFile } from '../model/trace/chromeTrace.ts';
import { chromeTraceOf, recordRun } from '../model/trace/recordTrace.ts';
import type { Scenario } from '../model/types.ts';

/**
 * A replay longer than this would keep the page busy for seconds (about 1 s per million events on
 * the development machine): the file then has the spans without counters, and says so.
 */
export const COUNTER_REPLAY_MAX_EVENTS = 3_000_000;

export interface LiveTraceState {
  /** The scenario the live run was built from (its trace capacity included). */
  readonly scenario: Scenario;
  readonly records: readonly TraceRecord[];
  readonly droppedRecords: number;
  readonly events: number;
  readonly nowNs: number;
  readonly messagesIssued: number;
}

export interface LiveTraceExport {
  readonly file: ChromeTraceFile;
  readonly counts: ChromeTraceCounts;
}

export function liveChromeTrace(state: LiveTraceState): LiveTraceExport {
  const capacity = state.scenario.traceCapacity ?? 0;
  const replay =
    state.events <= COUNTER_REPLAY_MAX_EVENTS
      ? recordRun(state.scenario, { maxRecords: Math.max(1, capacity), untilEvents: state.events })
      : null;
  return chromeTraceOf(
    {
      records: state.records,
      droppedRecords: state.droppedRecords,
      counters: replay?.counters ?? [],
      countersDropped: replay?.countersDropped ?? 0,
      endNs: state.nowNs,
      events: state.events,
      messagesIssued: state.messagesIssued,
    },
    state.scenario,
    {
      source: 'the live run: what its trace buffer holds at the current simulated time',
      note: 'work is traced when it is scheduled: the last slices may lie past simulatedNs',
      traceBufferCapacity: capacity,
      ...(replay
        ? {}
        : {
            countersOmitted: `the run is past ${COUNTER_REPLAY_MAX_EVENTS} events: replaying it for the counters would take too long`,
          }),
    },
  );
}
