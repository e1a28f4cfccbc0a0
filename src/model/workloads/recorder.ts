import { QuantileSketch, RunningStats, TimeWeighted } from '../../engine/stats.ts';

/** How a run measures: warm-up per pair, then a window of a fixed number of deliveries. */
export interface MeasurePlan {
  readonly pairs: number;
  /** Deliveries each pair makes before the window may open (buffers registered, pipelines full). */
  readonly warmupPerPair: number;
  /** Deliveries (all pairs together) inside the window: the same at every size. */
  readonly measuredTotal: number;
}

/**
 * What a workload measures while it runs. Totals over the whole run serve the conservation checks;
 * the figures come from a steady-state window: it opens when every pair has finished its warm-up
 * (so registrations and the first fill of rings are not timed, as benchmarks do) and closes at the
 * delivery that completes the measured count, while every pair is still running (so no drain tail
 * and no pair finishing early). After it closes the workload issues nothing more and the run drains.
 */
export class Recorder {
  // Totals over the run.
  bytesIssued = 0;
  bytesDelivered = 0;
  messagesIssued = 0;
  messagesDelivered = 0;
  messagesCompleted = 0;
  /** Payload bytes placed at receivers, frame by frame, as they arrive (before a message is whole). */
  payloadBytesArrived = 0;
  firstIssueNs = Infinity;
  lastDeliveryNs = 0;
  /** The id of the message delivered last (-1 before any). */
  lastDeliveredId = -1;

  // The steady-state window.
  phase: 'warmup' | 'measuring' | 'done' = 'warmup';
  windowStartNs = -1;
  windowEndNs = -1;
  /** Latency of the messages whose latency ends inside the window. */
  readonly latencyNs = new RunningStats();
  readonly latencySketch = new QuantileSketch(0.001); // quantiles within 0.1 %
  /** The first latency of the run, warm-up included: the cold case (-1 before any). */
  firstLatencyNs = -1;
  measuredDeliveries = 0;
  measuredBytes = 0;
  readonly measuredBytesPerPair: number[];
  /** Messages between issue and the end of their latency, over time (for Little's law). */
  private readonly inFlight = new TimeWeighted(0, 0);
  private inFlightAreaAtStart = 0;
  private inFlightAreaAtEnd = 0;
  private readonly deliveredPerPair: number[];
  private pairsWarm = 0;
  /** Watchers of every delivery and every latency (the live view); none in a plain run. */
  onDelivered: ((id: number, nowNs: number) => void) | null = null;
  onLatency: ((nowNs: number, latencyNs: number) => void) | null = null;
  /** Called when the window opens and when it closes (the run snapshots its resources). */
  onWindow: ((edge: 'start' | 'end', nowNs: number) => void) | null = null;

  private readonly issueLimit: number;

  constructor(readonly plan: MeasurePlan) {
    this.issueLimit = 4 * (plan.pairs * plan.warmupPerPair + plan.measuredTotal) + 1000;
    this.deliveredPerPair = new Array<number>(plan.pairs).fill(0);
    this.measuredBytesPerPair = new Array<number>(plan.pairs).fill(0);
    if (plan.warmupPerPair === 0) this.pairsWarm = plan.pairs;
  }

  /**
   * Whether the workload should issue another message: not once the window has closed, nor past
   * four times what the plan needs (a pair that lost frames, with PAUSE off, never warms up and
   * would otherwise keep the others issuing for ever).
   */
  get issuing(): boolean {
    return this.phase !== 'done' && this.messagesIssued < this.issueLimit;
  }

  /** Length of the window (0 until it has closed). */
  get measuredNs(): number {
    return this.windowEndNs >= 0 ? this.windowEndNs - this.windowStartNs : 0;
  }

  /** Mean messages in flight over the window. */
  get inFlightMean(): number {
    const ns = this.measuredNs;
    return ns > 0 ? (this.inFlightAreaAtEnd - this.inFlightAreaAtStart) / ns : 0;
  }

  issued(nowNs: number, bytes: number, tracksLatency = true): void {
    this.openIfWarm(nowNs);
    this.messagesIssued++;
    this.bytesIssued += bytes;
    if (nowNs < this.firstIssueNs) this.firstIssueNs = nowNs;
    if (tracksLatency) this.inFlight.add(nowNs, 1);
  }

  arrived(payloadBytes: number): void {
    this.payloadBytesArrived += payloadBytes;
  }

  delivered(nowNs: number, bytes: number, pair: number, id = -1): void {
    this.messagesDelivered++;
    this.lastDeliveredId = id;
    this.bytesDelivered += bytes;
    if (nowNs > this.lastDeliveryNs) this.lastDeliveryNs = nowNs;
    this.onDelivered?.(id, nowNs);
    if (this.phase === 'measuring') {
      this.measuredDeliveries++;
      this.measuredBytes += bytes;
      this.measuredBytesPerPair[pair] += bytes;
      if (this.measuredDeliveries >= this.plan.measuredTotal) this.close(nowNs);
    } else if (this.phase === 'warmup') {
      if (++this.deliveredPerPair[pair] === this.plan.warmupPerPair) this.pairsWarm++;
      this.openIfWarm(nowNs);
    }
  }

  /** A message's latency ended now (delivery in ping-pong, completion in streaming). */
  latency(nowNs: number, ns: number): void {
    this.inFlight.add(nowNs, -1);
    if (this.firstLatencyNs < 0) this.firstLatencyNs = ns;
    this.onLatency?.(nowNs, ns);
    // Counted over (start, end], as deliveries are: the delivery that opens the window is warm-up.
    if (this.windowStartNs < 0 || nowNs <= this.windowStartNs) return;
    if (this.windowEndNs >= 0 && nowNs > this.windowEndNs) return;
    this.latencyNs.add(ns);
    this.latencySketch.add(ns);
  }

  /** Opens the window once every pair is warm (checked at events, so the opening is an event time). */
  private openIfWarm(nowNs: number): void {
    if (this.phase !== 'warmup' || this.pairsWarm < this.plan.pairs) return;
    this.phase = 'measuring';
    this.windowStartNs = nowNs;
    this.inFlightAreaAtStart = this.inFlight.area(nowNs);
    this.onWindow?.('start', nowNs);
    if (this.plan.measuredTotal === 0) this.close(nowNs);
  }

  private close(nowNs: number): void {
    this.phase = 'done';
    this.windowEndNs = nowNs;
    this.inFlightAreaAtEnd = this.inFlight.area(nowNs);
    this.onWindow?.('end', nowNs);
  }
}
