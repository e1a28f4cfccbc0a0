import { InPageWorker, type PoolWorker } from './poolWorker.ts';
import type { FromWorker } from './protocol.ts';
import { assemblePoints, planTasks, runKey, type SweepTask, type TaskValue } from './sweepTasks.ts';
import type { ChartPoint, SweepRequest } from './sweeps.ts';
import { FALLBACK_NOTES, HEARTBEAT_DEADLINE_MS, taskDeadlineMs, type FallbackReason } from './watchdog.ts';

export interface SweepCallbacks {
  onProgress(done: number, total: number): void;
  /**
   * Curves before the sweep is done: first once every mode's coarse sizes are in (so all curves
   * appear together), then each time another size is complete.
   */
  onPartial(points: ChartPoint[]): void;
  onResult(points: ChartPoint[]): void;
  onError(message: string): void;
}

interface Slot {
  readonly serial: number;
  worker: PoolWorker;
  /** The page itself: no watchdog (a run there cannot be stopped, and it cannot die silently). */
  readonly inPage: boolean;
  /** The run it is doing: a task of a job. */
  busy: { job: number; task: SweepTask } | null;
  /** The watchdog of the run it is doing. */
  timer: ReturnType<typeof setTimeout> | null;
}

interface Job {
  readonly id: number;
  readonly request: SweepRequest;
  readonly callbacks: SweepCallbacks;
  /** Every task, by its index (not in run order). */
  readonly tasks: SweepTask[];
  /** Tasks not yet handed out, in order. */
  readonly queue: SweepTask[];
  readonly values: (TaskValue | undefined)[];
  done: number;
  coarseLeft: number;
  published: number;
  readonly workers: Set<number>;
}

/** Results kept across requests, so a run a setting does not touch is not repeated (bounded). */
const CACHE_LIMIT = 4000;

/**
 * Runs sweeps over a pool of workers, one figure run per task, coarse curves first. A new request
 * drops the old one at once: its queue is emptied, and a worker busy with one of its runs is
 * replaced by a fresh one (a run cannot be interrupted), so the new request starts on every worker
 * without waiting.
 *
 * A worker that fails, by an error event or by not answering a run within its deadline (the
 * watchdog: `taskDeadlineMs`, from the run's expected cost), is terminated and its run handed
 * back to the queue. The pool's first failure gets a fresh worker in its place; at the second (or
 * when no worker can start) every run goes on on the page, one per macrotask, and `note` says why.
 */
export class SweepPool {
  private slots: Slot[] = [];
  private job: Job | null = null;
  private nextId = 1;
  private nextSerial = 1;
  private lastWorkers = 0;
  private readonly cache = new Map<string, TaskValue>();
  /** Runs computed ahead (see knownRuns.ts): never cleared, never recomputed. */
  private known: ReadonlyMap<string, TaskValue> = new Map();
  /** Workers that crashed or stopped answering, over the pool's life. */
  private failures = 0;
  private fallbackNote: string | null = null;
  private readonly noteListeners = new Set<(note: string) => void>();

  constructor(
    private readonly spawn: () => PoolWorker | null,
    size: number,
    private readonly inPage: () => PoolWorker = () => new InPageWorker(),
  ) {
    for (let i = 0; i < size; i++) {
      const worker = spawn();
      if (!worker) break;
      this.add(worker);
    }
    if (this.slots.length === 0) this.fallBack('none');
  }

  /** Why the runs happen on the page (null while workers run them): for the charts panel's note. */
  get note(): string | null {
    return this.fallbackNote;
  }

  /** Called once, when the pool gives up its workers and runs on the page. */
  onNote(fn: (note: string) => void): () => void {
    this.noteListeners.add(fn);
    return () => this.noteListeners.delete(fn);
  }

  /** Workers in the pool now. */
  get size(): number {
    return this.slots.length;
  }

  /** True when the runs happen on the page (no worker could start or all died). */
  get inThread(): boolean {
    return this.slots.every((s) => s.inPage);
  }

  /** How many workers delivered runs to the current request (or the last finished one). */
  get workersUsed(): number {
    return this.job ? this.job.workers.size : this.lastWorkers;
  }

  /** Gives the pool runs whose results are known ahead, by `runKey`: a request takes them as done. */
  know(runs: ReadonlyMap<string, TaskValue>): this {
    this.known = runs;
    return this;
  }

  request(request: SweepRequest, callbacks: SweepCallbacks): void {
    this.job = null;
    for (const slot of this.slots) if (slot.busy) this.replace(slot);
    const plan = planTasks(request, this.slots.length);
    const tasks: SweepTask[] = [];
    for (const t of plan) tasks[t.index] = t;
    const job: Job = {
      id: this.nextId++,
      request,
      callbacks,
      tasks,
      queue: [],
      values: [],
      done: 0,
      coarseLeft: tasks.filter((t) => t.stage === 0).length,
      published: 0,
      workers: new Set(),
    };
    this.job = job;
    for (const t of plan) {
      const key = runKey(request, t);
      const cached = this.cache.get(key) ?? this.known.get(key);
      if (cached === undefined) job.queue.push(t);
      else this.record(job, t, cached);
    }
    if (this.job !== job) return; // everything was cached
    callbacks.onProgress(job.done, tasks.length);
    this.publish(job);
    this.dispatch();
  }

  /** Stops every worker; the pool cannot be used afterwards. */
  dispose(): void {
    this.job = null;
    for (const s of this.slots) {
      this.disarm(s);
      s.worker.terminate();
    }
    this.slots = [];
    this.noteListeners.clear();
  }

  private add(worker: PoolWorker, inPage = false): Slot {
    const slot: Slot = { serial: this.nextSerial++, worker, inPage, busy: null, timer: null };
    this.slots.push(slot);
    this.wire(slot);
    return slot;
  }

  private wire(slot: Slot): void {
    const worker = slot.worker;
    worker.listen(
      (m) => {
        if (slot.worker === worker) this.receive(slot, m);
      },
      () => {
        if (slot.worker === worker) this.die(slot);
      },
    );
  }

  /** A worker busy with a dropped request's run: a fresh one takes its place. */
  private replace(slot: Slot): void {
    this.disarm(slot);
    slot.worker.terminate();
    slot.busy = null;
    const fresh = slot.inPage ? this.inPage() : this.spawn();
    if (!fresh) {
      this.slots = this.slots.filter((s) => s !== slot);
      if (this.slots.length === 0) this.fallBack('none');
      return;
    }
    slot.worker = fresh;
    this.wire(slot);
  }

  private die(slot: Slot): void {
    this.fail(slot, 'crashed');
  }

  /** A worker crashed or stopped answering: the first time a fresh one replaces it, then the page takes over. */
  private fail(slot: Slot, reason: FallbackReason): void {
    this.disarm(slot);
    slot.worker.terminate();
    this.requeue(slot);
    this.failures++;
    const fresh = this.failures < 2 && !slot.inPage ? this.spawn() : null;
    if (fresh) {
      slot.worker = fresh;
      this.wire(slot);
    } else {
      this.slots = this.slots.filter((s) => s !== slot);
      this.fallBack(reason);
    }
    this.dispatch();
  }

  /** Every worker goes; one on the page runs the rest. */
  private fallBack(reason: FallbackReason): void {
    for (const s of this.slots) {
      this.disarm(s);
      s.worker.terminate();
      this.requeue(s);
    }
    this.slots = [];
    this.add(this.inPage(), true);
    this.fallbackNote = FALLBACK_NOTES[reason];
    for (const fn of this.noteListeners) fn(this.fallbackNote);
  }

  /** A failed worker's run goes back to the front of the queue, if its request is still current. */
  private requeue(slot: Slot): void {
    const job = this.job;
    if (slot.busy && job && slot.busy.job === job.id && job.values[slot.busy.task.index] === undefined)
      job.queue.unshift(slot.busy.task);
    slot.busy = null;
  }

  private disarm(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
  }

  private dispatch(): void {
    const job = this.job;
    if (!job) return;
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const task = job.queue.shift();
      if (!task) return;
      const busy = { job: job.id, task };
      slot.busy = busy;
      if (!slot.inPage) this.arm(slot, taskDeadlineMs(task));
      slot.worker.post({ kind: 'task', id: job.id, request: job.request, task });
    }
  }

  /** The watchdog: the slot's worker must answer (or show a sign of life) within `ms`. */
  private arm(slot: Slot, ms: number): void {
    this.disarm(slot);
    const { worker, busy } = slot;
    slot.timer = setTimeout(() => {
      slot.timer = null;
      if (slot.worker === worker && slot.busy === busy) this.fail(slot, 'silent');
    }, ms);
  }

  private receive(slot: Slot, m: FromWorker): void {
    if (m.kind === 'alive') {
      // A long run is still going: the watchdog waits for its next sign of life.
      if (slot.busy && slot.busy.job === m.id && slot.busy.task.index === m.index && !slot.inPage)
        this.arm(slot, HEARTBEAT_DEADLINE_MS);
      return;
    }
    if (slot.busy && slot.busy.job === m.id && slot.busy.task.index === m.index) {
      slot.busy = null;
      this.disarm(slot);
    }
    const job = this.job;
    if (job && job.id === m.id) {
      if (m.kind === 'failed') {
        this.job = null;
        job.callbacks.onError(m.message);
        return;
      }
      const task = job.tasks[m.index];
      if (job.values[m.index] === undefined) {
        job.workers.add(slot.serial);
        this.remember(job.request, task, m.value);
        this.record(job, task, m.value);
        if (this.job === job) {
          job.callbacks.onProgress(job.done, job.tasks.length);
          this.publish(job);
        }
      }
    }
    this.dispatch();
  }

  private record(job: Job, task: SweepTask, value: TaskValue): void {
    job.values[task.index] = value;
    job.done++;
    if (task.stage === 0) job.coarseLeft--;
    if (job.done < job.tasks.length) return;
    this.job = null;
    this.lastWorkers = job.workers.size;
    job.callbacks.onProgress(job.done, job.tasks.length);
    job.callbacks.onResult(assemblePoints(job.request, job.values));
  }

  private publish(job: Job): void {
    if (job.coarseLeft > 0) return;
    const points = assemblePoints(job.request, job.values);
    if (points.length <= job.published) return;
    job.published = points.length;
    job.callbacks.onPartial(points);
  }

  private remember(request: SweepRequest, task: SweepTask, value: TaskValue): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(runKey(request, task), value);
  }
}
