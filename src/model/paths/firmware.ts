import type { ModelContext } from '../context.ts';

/**
 * A NIC's embedded processor (offloaded protocol work): one job at a time, first come first served.
 * Its time is hardware time, not any domain's CPU.
 */
export class Firmware {
  private freeAtNs = 0;

  constructor(
    private readonly ctx: ModelContext,
    readonly host: number,
  ) {}

  run(durationNs: number, label: string, messageId: number, then: () => void): void {
    const { sim } = this.ctx;
    const start = Math.max(sim.now, this.freeAtNs);
    const end = start + durationNs;
    this.freeAtNs = end;
    if (sim.trace.active) sim.trace.span(`h${this.host}/nic`, 'hw', 'firmware', messageId, start, end, label);
    sim.scheduleAt(end, then);
  }
}
