// The live run the diagram animates, and what it tells the frame loop.
export { LiveRun, type JourneyView } from './liveRun.ts';
export type { JourneyProbe } from './journeyProbe.ts';
export type { LiveComponents } from './liveComponents.ts';
export type { CpuSpent } from './cpuSpent.ts';
export type { LiveSample } from './liveSamples.ts';
export { EMPTY_READOUT, type LatencyReadout, type LiveReadout, type ThroughputReadout } from './readout.ts';
