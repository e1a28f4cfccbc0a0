import { QuantileSketch, RunningStats } from '../../engine/stats.ts';

/** What a workload measures while it runs: per-message latency and the bytes that arrived. */
export class Recorder {
  readonly latencyNs = new RunningStats();
  readonly latencySketch = new QuantileSketch(0.001); // quantiles within 0.1 %
  bytesIssued = 0;
  bytesDelivered = 0;
  messagesIssued = 0;
  messagesDelivered = 0;
  messagesCompleted = 0;
  firstIssueNs = Infinity;
  lastDeliveryNs = 0;
  /** The id of the message delivered last (-1 before any). */
  lastDeliveredId = -1;

  issued(nowNs: number, bytes: number): void {
    this.messagesIssued++;
    this.bytesIssued += bytes;
    if (nowNs < this.firstIssueNs) this.firstIssueNs = nowNs;
  }

  delivered(nowNs: number, bytes: number, id = -1): void {
    this.messagesDelivered++;
    this.lastDeliveredId = id;
    this.bytesDelivered += bytes;
    if (nowNs > this.lastDeliveryNs) this.lastDeliveryNs = nowNs;
  }

  latency(ns: number): void {
    this.latencyNs.add(ns);
    this.latencySketch.add(ns);
  }
}
