import { Fifo } from '../../engine/fifo.ts';
import type { WorkItem } from '../../engine/processor.ts';
import type { Vcpu } from './vcpu.ts';

/**
 * A physical core shared by several vCPUs (more vCPUs on a host than `hostCores`). It runs one work
 * item at a time, from whichever of its vCPUs queued first, each to completion: the items are a few
 * microseconds long, so this stands for Xen's scheduler switching between runnable vCPUs at event
 * boundaries (a woken vCPU is boosted ahead of one that merely runs). Each vCPU keeps its own
 * accounting and trace lane; only one of them is in service at a time.
 */
export class Core {
  /** Queued work and whose it is, in two queues pushed and taken together (no pair object per item). */
  private readonly waitingVcpus = new Fifo<Vcpu>();
  private readonly waitingItems = new Fifo<WorkItem>();
  private running = false;

  constructor(readonly name: string) {}

  submit(vcpu: Vcpu, item: WorkItem): void {
    if (!this.running) {
      this.dispatch(vcpu, item);
      return;
    }
    vcpu.waitingOnCore++;
    this.waitingVcpus.push(vcpu);
    this.waitingItems.push(item);
  }

  /** Items queued behind the one in service. */
  get queueLength(): number {
    return this.waitingItems.length;
  }

  /** Takes a vCPU of this core: its processor tells the core when each item finishes. */
  adopt(vcpu: Vcpu): void {
    vcpu.core = this;
    vcpu.cpu.afterEach = this.finished;
  }

  private dispatch(vcpu: Vcpu, item: WorkItem): void {
    this.running = true;
    // The vCPU's own processor is idle (its items all pass through here), so the item starts now;
    // a wake-up latency still pending (`stallNs`, read now) holds the core, as it holds a vCPU.
    vcpu.cpu.submit(item);
  }

  /** The item in service finished (before its own `onDone` runs): the next one starts. */
  private readonly finished = (): void => {
    this.running = false;
    this.next();
  };

  private next(): void {
    const vcpu = this.waitingVcpus.shift();
    if (vcpu === undefined) return;
    const item = this.waitingItems.shift() as WorkItem;
    vcpu.waitingOnCore--;
    this.dispatch(vcpu, item);
  }
}

/**
 * Places a host's vCPUs on its cores: each on its own while there are enough cores (the poster's
 * pinning), otherwise round-robin in the order given, vCPUs on one core sharing it.
 */
export function placeOnCores(hostName: string, vcpus: readonly Vcpu[], cores: number): void {
  if (vcpus.length <= cores) return;
  const shared = Array.from({ length: cores }, (_, i) => new Core(`${hostName}/core${i}`));
  vcpus.forEach((v, i) => shared[i % cores].adopt(v));
}
