import { createRequire } from 'node:module';

/**
 * SIM.JS 2.0.3 as a peer for the M/M/1 benchmark. Its package is a browserify bundle that exports
 * nothing to CommonJS: it only sets `window.Sim` when `window` exists. So a stand-in `window` is
 * provided while the bundle loads, and removed afterwards.
 *
 * The types cover only what the benchmark uses.
 */
export interface SimjsRequest {
  done(callback: () => void, context?: object): SimjsRequest;
}
export interface SimjsEntity {
  time(): number;
  setTimer(duration: number): SimjsRequest;
  useFacility(facility: SimjsFacility, duration: number): SimjsRequest;
}
export interface SimjsFacility {
  stats: { current(): number };
}
export interface SimjsSim {
  addEntity(klass: new (sim: SimjsSim, name?: string) => SimjsEntity): SimjsEntity;
  simulate(endTime: number): boolean;
}
export interface SimjsRandom {
  /** Exponential with the given rate (1 / mean). */
  exponential(lambda: number): number;
}
export interface SimjsModule {
  Sim: new () => SimjsSim;
  Entity: new (sim: SimjsSim, name?: string) => SimjsEntity;
  Facility: new (name: string) => SimjsFacility;
  Random: new (seed: number) => SimjsRandom;
}

export function loadSimjs(): SimjsModule {
  const g = globalThis as { window?: { Sim?: SimjsModule } };
  const hadWindow = 'window' in g;
  const stand: { Sim?: SimjsModule } = hadWindow ? (g.window as { Sim?: SimjsModule }) : {};
  g.window = stand;
  try {
    createRequire(import.meta.url)('simjs');
  } finally {
    if (!hadWindow) delete g.window;
  }
  if (!stand.Sim) throw new Error('simjs did not register window.Sim');
  return stand.Sim;
}
