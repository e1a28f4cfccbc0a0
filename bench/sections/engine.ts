import { bareHold, buildEngineHold, engineHold, holdDelays } from '../hold.ts';
import { compareRates, heapUsedBytes } from '../measure.ts';
import { engineMm1, simjsMm1 } from '../mm1.ts';
import { loadSimjs } from '../simjs.ts';

export const title = 'Engine: hold model vs a bare heap, M/M/1 vs SIM.JS';

/**
 * Pending-set sizes of the hold model, how many timed events each runs per repetition, and how
 * many repetitions: each takes a few tenths of a second, and a million pending events take a
 * second to set up, so that case repeats less.
 */
const HOLD_CASES = [
  { pending: 100, events: 2_000_000, repetitions: 5 },
  { pending: 10_000, events: 2_000_000, repetitions: 5 },
  { pending: 1_000_000, events: 1_000_000, repetitions: 3 },
];
const MM1_ENGINE_EVENTS = 2_000_000;
const MM1_SIMJS_EVENTS = 400_000;

export async function run(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  for (const { pending, events, repetitions } of HOLD_CASES) {
    const hold = compareRates(engineHold(pending, events), bareHold(pending, events), repetitions);
    out[`hold${pending}EngineEventsPerSec`] = Math.round(hold.a);
    out[`hold${pending}ReferenceEventsPerSec`] = Math.round(hold.b);
    out[`hold${pending}Ratio`] = round3(hold.ratio);
  }
  out.engineEventsPerSec = out.hold10000EngineEventsPerSec;
  out.referenceEventsPerSec = out.hold10000ReferenceEventsPerSec;
  out.ratio = out.hold10000Ratio;

  const mm1 = compareRates(engineMm1(MM1_ENGINE_EVENTS), simjsMm1(loadSimjs(), MM1_SIMJS_EVENTS));
  out.mm1EngineEventsPerSec = Math.round(mm1.a);
  out.mm1SimjsEventsPerSec = Math.round(mm1.b);
  out.mm1RatioVsSimjs = round3(mm1.ratio);
  // The goals, stated where people read the figures.
  out.holdGoal = `${out.ratio}× the bare heap at 10k pending (goal ≥ 0.5×): ${Number(out.ratio) >= 0.5 ? 'met' : 'missed'}`;
  out.mm1Goal = `${out.mm1RatioVsSimjs}× SIM.JS (goal ≥ 5×): ${out.mm1RatioVsSimjs >= 5 ? 'met' : 'missed'}`;

  Object.assign(out, pendingEventFootprint(1_000_000));
  return out;
}

/** Heap held by the engine per pending event, measured with a million of them scheduled. */
function pendingEventFootprint(pending: number): Record<string, number> {
  holdDelays(); // built before the baseline so it is not counted
  const before = heapUsedBytes();
  const sim = buildEngineHold(pending);
  const after = heapUsedBytes();
  if (sim.pending !== pending) throw new Error('hold model lost events');
  return {
    heapUsedMiBAt1MPending: round3(after / 2 ** 20),
    heapBytesPerPendingEvent: Math.round((after - before) / pending),
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
