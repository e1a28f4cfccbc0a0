import { MODES, type Mode } from '../types.ts';
import { littleL } from './readers.ts';
import { pairsFor, scenario } from './scenarios.ts';
import type { Source, ValidationRow } from './types.ts';

/**
 * Little's law, L = λW, for every mode and both timed workloads. The workloads fix L by
 * construction: a stream keeps `window` messages in flight per pair, a ping-pong exactly one per
 * pair (the next is issued when the last is delivered). λW from the result must come back to it;
 * the 3 % is the property tests' tolerance (issue 7).
 * λ counts the messages whose latency ends inside the window (completions when streaming):
 * throughput, counted at delivery, is another clock, which leads or lags by what is in flight.
 */

const little: Source = {
  work: 'J. D. C. Little, “A Proof for the Queuing Formula: L = λW”',
  venue: 'Operations Research 9(3):383–387, 1961',
  where: 'the theorem',
};

const WINDOW = 8;
const PAIRS = 2;

function streamRow(mode: Mode): ValidationRow {
  const s = scenario(mode, 'stream', 64 * 1024, {
    pairs: pairsFor(mode, PAIRS),
    window: WINDOW,
    messages: 256,
  });
  return {
    id: `little-stream-${mode}`,
    group: 'little',
    result: `${mode} stream: throughput × mean latency = messages in flight (${s.pairs} × ${WINDOW})`,
    published: s.pairs * s.window,
    unit: 'messages',
    source: little,
    tolerance: { kind: 'within', pct: 3 },
    required: true,
    runs: { s },
    reading: 'completions per second × mean issue-to-completion time, over the window',
    read: (r) => littleL(r.s),
    mapping: `${mode}, stream of 64-KiB writes, ${s.pairs} pair(s), window ${WINDOW}, 256 messages per pair`,
    ifFails: {
      above:
        'rate × latency exceeds the window: throughput is measured over a shorter time than the latencies it is multiplied by',
      below:
        'completions (at the issuer) and deliveries (at the receiver) do not balance: data waits in a buffer between them, or warm-up and drain are counted',
    },
  };
}

function pingpongRow(mode: Mode): ValidationRow {
  const s = scenario(mode, 'pingpong', 4096, { pairs: pairsFor(mode, PAIRS), messages: 200 });
  return {
    id: `little-pingpong-${mode}`,
    group: 'little',
    result: `${mode} ping-pong: throughput × mean one-way latency = one message per pair (${s.pairs})`,
    published: s.pairs,
    unit: 'messages',
    source: little,
    tolerance: { kind: 'within', pct: 3 },
    required: true,
    runs: { s },
    reading: 'messages per second × mean one-way time',
    read: (r) => littleL(r.s),
    mapping: `${mode}, ping-pong of 4-KiB writes, ${s.pairs} pair(s), 200 messages per pair`,
    ifFails: {
      above:
        'rate × latency exceeds one message per pair: throughput is measured over a shorter time than the latencies',
      below:
        'throughput divides the work by the last pair’s finish, so pairs that finish early count as idle',
    },
  };
}

export const LITTLE_ROWS: readonly ValidationRow[] = MODES.flatMap((m) => [streamRow(m), pingpongRow(m)]);
