import { Simulator } from '../engine/simulator.ts';
import { Counters, type ModelContext } from './context.ts';
import { buildCosts } from './costs.ts';
import { collectResult } from './metrics.ts';
import { MODE_DESCRIPTORS } from './modes.ts';
import type { Params } from './params.ts';
import { HostTcpPath } from './paths/hostTcp.ts';
import { HwOffloadPath } from './paths/hwOffload.ts';
import type { IoPath } from './paths/message.ts';
import { PvTcpPath } from './paths/pvTcp.ts';
import { SrIovPath } from './paths/srIov.ts';
import { StubDomainPath } from './paths/stubDomain.ts';
import { ZeroCopyPath } from './paths/zeroCopy.ts';
import { validateScenario } from './scenario.ts';
import { buildTopology, type Topology } from './topology.ts';
import type { Mode, RunResult, Scenario } from './types.ts';
import { resolveParams } from './validate.ts';
import { startPingpong } from './workloads/pingpong.ts';
import { startPktgen } from './workloads/pktgen.ts';
import { Recorder } from './workloads/recorder.ts';
import { startStream } from './workloads/stream.ts';
import { pairStarter, type WorkloadSetup } from './workloads/workload.ts';
import { measurePlan } from './measure.ts';
import { WindowMeter } from './windowMeter.ts';

/** A run under construction or under way: the visualizer steps it, the command line runs it out. */
export interface ModelRun {
  readonly scenario: Scenario;
  readonly params: Params;
  readonly sim: Simulator;
  readonly ctx: ModelContext;
  readonly topology: Topology;
  readonly path: IoPath & { pendingBytes(): number };
  readonly recorder: Recorder;
  /** Resource use over the steady-state window. */
  readonly window: WindowMeter;
  /** The results so far (all of them once `sim.pending` is 0). */
  result(): RunResult;
}

/** No run may take more events than this: a bad link cannot hang the page. */
export const EVENT_BUDGET = 50_000_000;

export class ScenarioInvalid extends Error {
  constructor(readonly errors: { field: string; message: string }[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/**
 * A run that would need more than EVENT_BUDGET events. Its own class, so a caller whose runs have a
 * fixed number of messages (a figure's point) can give advice that fits (a smaller window, fewer VMs).
 */
export class EventBudgetExceeded extends ScenarioInvalid {
  constructor() {
    super([
      { field: 'messages', message: `the run needs more than ${EVENT_BUDGET} events: use fewer messages` },
    ]);
  }
}

function makePath(mode: Mode, ctx: ModelContext, topology: Topology) {
  switch (mode) {
    case 'native':
      return new HostTcpPath(ctx, topology, false);
    case 'dom0':
      return new HostTcpPath(ctx, topology, true);
    case 'pv-tcp':
      return new PvTcpPath(ctx, topology);
    case 'zero-copy':
      return new ZeroCopyPath(ctx, topology);
    case 'stub-domain':
      return new StubDomainPath(ctx, topology);
    case 'hw-offload':
      return new HwOffloadPath(ctx, topology);
    case 'sr-iov':
      return new SrIovPath(ctx, topology);
  }
}

/** Builds the cluster of a scenario and schedules its workload; nothing has run yet. */
export function createRun(scenario: Scenario): ModelRun {
  const errors = validateScenario(scenario);
  const { params, errors: paramErrors } = resolveParams(scenario.params);
  const all = [...errors, ...paramErrors.map((e) => ({ field: e.name, message: e.message }))];
  if (all.length > 0) throw new ScenarioInvalid(all);
  const sim = new Simulator({ seed: scenario.seed, traceCapacity: scenario.traceCapacity ?? 0 });
  const ctx: ModelContext = { sim, costs: buildCosts(params), counters: new Counters(), ports: [] };
  const pairCount = MODE_DESCRIPTORS[scenario.mode].hasVms ? scenario.pairs : 1;
  const topology = buildTopology(ctx, scenario.mode, pairCount);
  const path = makePath(scenario.mode, ctx, topology);
  const recorder = new Recorder(measurePlan(scenario, topology.pairs.length));
  ctx.arrived = (bytes) => {
    recorder.payloadBytesArrived += bytes;
  };
  let id = 0;
  const setup: WorkloadSetup = {
    ctx,
    path,
    pairs: topology.pairs,
    op: scenario.op,
    sizeBytes: scenario.sizeBytes,
    rec: recorder,
    nextId: () => id++,
    startAt: pairStarter(ctx),
  };
  if (scenario.workload === 'pingpong') startPingpong(setup);
  else if (scenario.workload === 'stream') startStream(setup, scenario.window);
  else startPktgen(setup);
  const window = new WindowMeter(topology);
  recorder.onWindow = (edge, nowNs) => window.mark(edge, nowNs);
  const run: ModelRun = {
    scenario,
    params,
    sim,
    ctx,
    topology,
    path,
    recorder,
    window,
    result: () => collectResult(run),
  };
  return run;
}

/** Events between two calls of a run's `onProgress` (about a second of a run on a laptop). */
export const PROGRESS_EVERY_EVENTS = 1 << 20;

/**
 * Runs events while `more()` says so and something is pending and the budget lasts; calls `onProgress`
 * every PROGRESS_EVERY_EVENTS events (a worker's sign of life during a long run).
 */
function runWhile(run: ModelRun, more: () => boolean, onProgress?: (events: number) => void): void {
  const { sim } = run;
  for (let n = 1; n <= EVENT_BUDGET && more(); n++) {
    if (!sim.step()) return;
    if (onProgress && (n & (PROGRESS_EVERY_EVENTS - 1)) === 0) onProgress(sim.eventsProcessed);
  }
}

/**
 * Runs a scenario to its end and returns what it measured. `onProgress` hears of a long run every
 * PROGRESS_EVERY_EVENTS events (it changes nothing in the run).
 */
export function runScenario(scenario: Scenario, onProgress?: (events: number) => void): RunResult {
  const run = createRun(scenario);
  const untilWindowEnd = scenario.endAt === 'window';
  if (untilWindowEnd) runWhile(run, () => run.recorder.phase !== 'done', onProgress);
  else if (onProgress) runWhile(run, () => true, onProgress);
  else run.sim.run(EVENT_BUDGET);
  const unfinished = untilWindowEnd ? run.recorder.phase !== 'done' : true;
  if (run.sim.pending > 0 && unfinished) {
    throw new EventBudgetExceeded();
  }
  return run.result();
}
