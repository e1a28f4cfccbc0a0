export { Simulator, type EventId, type Handler, type SimulatorOptions } from './simulator.ts';
export { EventQueue } from './eventQueue.ts';
export { RandomSource, RandomStream } from './rng.ts';
export { Processor, type WorkItem } from './processor.ts';
export { Fifo } from './fifo.ts';
export { FifoServer } from './fifoServer.ts';
export { BoundedRing } from './ring.ts';
export { Link, type Transmission } from './link.ts';
export { RunningStats, QuantileSketch, TimeWeighted, SlidingWindowRate } from './stats.ts';
export {
  Trace,
  type SpanRecord,
  type InstantRecord,
  type TraceRecord,
  type TraceSubscriber,
} from './trace.ts';
export { Replay } from './replay.ts';
export { roundNs, type SimTimeNs } from './time.ts';
