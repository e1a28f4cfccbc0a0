import type { JourneyProgress } from '../diagram/index.ts';

/** What the live run says of a message's journey (see LiveRun.journey). */
export interface JourneyState {
  readonly endToEndNs: number | null;
  readonly sinceStartNs: number;
}

/** What the waterfall may call a journey: "end to end" only once the message has arrived. */
export function journeyProgress(j: JourneyState): JourneyProgress {
  if (j.endToEndNs === null) return { kind: 'in-flight', forUs: j.sinceStartNs / 1000 };
  return { kind: 'arrived', endToEndUs: j.endToEndNs / 1000 };
}
