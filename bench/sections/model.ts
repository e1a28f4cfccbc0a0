import { FIGURE_NAMES, runFigurePoints } from '../../src/model/figures.ts';
import { runScenario } from '../../src/model/run.ts';

/**
 * The Xen model's speed: events per second on a streaming run (pv-tcp, the busiest path per byte),
 * against the engine's own hold-model rate measured in the engine section of the same run, and the
 * wall time of every poster figure (`npm run sim -- figure all`).
 */
export const title = 'Model: streaming run and the poster figures';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<Record<string, number | string>> {
  const scenario = {
    mode: 'pv-tcp' as const,
    workload: 'stream' as const,
    op: 'write' as const,
    sizeBytes: 1 << 20,
    pairs: 4,
    window: 8,
    messages: 16,
    seed: 1,
    params: {},
  };
  runScenario({ ...scenario, messages: 4 }); // warm up the JIT
  const rates: number[] = [];
  let events = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = runScenario(scenario);
    const ms = performance.now() - t0;
    events = r.events;
    rates.push(r.events / (ms / 1000));
  }
  const figureMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    for (const name of FIGURE_NAMES) runFigurePoints(name);
    figureMs.push(performance.now() - t0);
  }
  return {
    modelStreamEvents: events,
    modelEventsPerSec: Math.round(median(rates)),
    figureAllMs: Math.round(median(figureMs)),
  };
}
