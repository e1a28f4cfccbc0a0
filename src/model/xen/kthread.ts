import type { ModelContext } from '../context.ts';
import { wakeThread } from './events.ts';
import type { Vcpu } from './vcpu.ts';

/**
 * A kernel or application thread pinned to a vCPU. `kick` wakes it if it sleeps (paying the wake-up
 * costs); a thread that is awake finds the new work itself before it sleeps again, so kicks under
 * load cost nothing: that is where batching comes from.
 */
export class KThread {
  private awake = false;

  constructor(
    private readonly ctx: ModelContext,
    readonly name: string,
    readonly vcpu: Vcpu,
    private readonly body: () => void,
  ) {}

  get isAwake(): boolean {
    return this.awake;
  }

  kick(from: Vcpu | null, messageId: number): void {
    if (this.awake) return;
    this.awake = true;
    wakeThread(this.ctx, from, this.vcpu, this.name, messageId, this.body);
  }

  /** Called by the body when it finds no more work. */
  sleep(): void {
    this.awake = false;
  }
}
