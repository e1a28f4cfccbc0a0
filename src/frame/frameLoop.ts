import type { AppStore } from '../store/appStore.ts';
import type { LiveRun } from '../live/index.ts';
import { AbRunner } from './abRunner.ts';
import { LiveController } from './liveController.ts';
import { ReplayJob, type ReplayTarget } from './replayJob.ts';

/** Longest wall-clock step one frame may take: a hidden tab or a breakpoint never bursts. */
const MAX_FRAME_MS = 100;
/** Wall time one frame may spend simulating, so fast-forward never stalls the page. */
const SIM_BUDGET_MS = 7;
/**
 * Events between two looks at the clock: a few hundred µs of work at 16 VMs per host, so the
 * frame's budget holds (1,000 took 50 ms and more on a loaded machine).
 */
const EVENTS_PER_CHUNK = 200;
const PUBLISH_EVERY_MS = 125;
/** Wall time a settled frame (a step, a reset, a pin) may spend bringing the pinned run A to B's time. */
const AB_SETTLE_BUDGET_MS = 250;
/** Wall time a frame gives a replay from the seed (the page still draws, and can cancel it). */
const REPLAY_BUDGET_MS = 12;

export interface DrawContext {
  readonly live: LiveRun;
  readonly nowNs: number;
  /** The pinned scenario A's run (on this clock, or catching up to it), or null when nothing is pinned. */
  readonly pinned: LiveRun | null;
  /** Playing: frames come one after another (a drawer may spread costly work over a few of them). */
  readonly playing: boolean;
}

/**
 * The only requestAnimationFrame of the app. Each frame: read the clock once, advance the live
 * run by (elapsed wall time × speed), draw the canvases, and publish readouts to the store a few
 * times a second (never per event). It sleeps while paused and idle, and in hidden tabs.
 */
export class FrameLoop {
  readonly controller: LiveController;
  /** The pinned scenario A, kept on this loop's clock. */
  readonly ab: AbRunner;
  /** A is behind B's time: frames go on until it has caught up. */
  private abLagging = false;
  private rafId: number | null = null;
  private lastMs: number | null = null;
  private lastPublishMs = -Infinity;
  private dirty = true;
  private readonly drawers = new Set<(c: DrawContext) => void>();
  /** A replay from the seed under way, a slice per frame (see ReplayJob), or null. */
  private replayJob: ReplayJob | null = null;

  constructor(private readonly store: AppStore) {
    this.controller = new LiveController(store);
    this.ab = new AbRunner(store);
    this.controller.onReplace(() => this.invalidate());
    store.subscribe((s, prev) => {
      if (s.playing !== prev.playing || s.settings.speedNsPerSec !== prev.settings.speedNsPerSec)
        this.invalidate();
      // Playing, or other settings, make a replay under way pointless.
      if ((s.playing && !prev.playing) || s.settings !== prev.settings) this.cancelReplay();
      if (s.ab.pinned !== prev.ab.pinned) this.followA(AB_SETTLE_BUDGET_MS);
    });
    document.addEventListener('visibilitychange', () => {
      this.lastMs = null; // the time spent hidden is not replayed
      this.invalidate();
    });
  }

  get live(): LiveRun {
    return this.controller.live;
  }

  /** Registers a canvas painter, called on every drawn frame. */
  onDraw(fn: (c: DrawContext) => void): () => void {
    this.drawers.add(fn);
    this.invalidate();
    return () => this.drawers.delete(fn);
  }

  /** Something changed: draw (and publish) on the next frame. */
  invalidate(): void {
    this.dirty = true;
    this.schedule();
  }

  /** True when no frame is pending: the page shows a settled state (the tests' idle hook). */
  get idle(): boolean {
    return this.rafId === null;
  }

  /** A replay from the seed is under way. */
  get replaying(): boolean {
    return this.replayJob !== null;
  }

  stepForward(): void {
    this.store.setState({ playing: false });
    this.cancelReplay();
    this.controller.guard(() => this.live.stepForward());
    this.settle();
  }

  /** One event back: a lookup in the recording; before it, a replay from the seed in slices. */
  stepBack(): void {
    this.store.setState({ playing: false });
    const live = this.live;
    if (live.events > 0 && !live.canStepBackByLookup) return this.startReplay({ events: live.events - 1 });
    this.cancelReplay();
    this.controller.guard(() => live.stepBack());
    this.settle();
  }

  reset(): void {
    this.store.setState({ playing: false });
    this.cancelReplay();
    this.controller.guard(() => this.live.reset());
    this.settle();
  }

  /** Stops a replay under way; the page stays where it was. */
  cancelReplay(): void {
    if (!this.replayJob) return;
    this.replayJob = null;
    this.store.setState({ replay: null });
  }

  private startReplay(target: ReplayTarget): void {
    const job = this.controller.guard(
      () => new ReplayJob(this.live.scenario, target, this.sampleEveryNs(), this.controller.keptEventTimes),
    );
    if (!job) return;
    this.replayJob = job;
    this.publishReplay();
    this.invalidate();
  }

  private publishReplay(): void {
    const job = this.replayJob;
    if (!job) return;
    const unit = 'events' in job.target ? 'events' : 'ns';
    this.store.setState({ replay: { ...job.progress, unit } });
  }

  /** A frame's slice of the replay under way; adopts its run once it is there. */
  private workOnReplay(): void {
    const job = this.replayJob;
    if (!job) return;
    const done = this.controller.guard(() => job.work(REPLAY_BUDGET_MS));
    if (done === undefined) return this.cancelReplay();
    if (!done) return this.publishReplay();
    this.replayJob = null;
    this.store.setState({ replay: null });
    this.controller.adopt(job.run);
    this.settle();
  }

  /**
   * Moves the page to simulated time `tNs`, paused: within the recording a lookup, past it by running
   * on, before it by replay (see RecordedRun.seek).
   */
  seek(tNs: number): void {
    this.store.setState({ playing: false });
    if (!this.live.canSeekByLookup(tNs)) return this.startReplay({ timeNs: tNs });
    this.cancelReplay();
    this.controller.guard(() => this.live.seek(tNs));
    this.settle();
  }

  /** Advances the simulation by `ns` at once (the test hook; also "skip ahead"). */
  advanceBy(ns: number): void {
    const live = this.live;
    this.controller.guard(() =>
      live.advanceTo(live.nowNs + ns, Number.MAX_SAFE_INTEGER, this.sampleEveryNs()),
    );
    this.settle();
  }

  /** Brings A towards B's time within `budgetMs`; frames continue while it lags. */
  private followA(budgetMs: number): void {
    const caughtUp = this.controller.guard(() =>
      this.ab.follow(this.live.nowNs, budgetMs, this.sampleEveryNs()),
    );
    this.abLagging = caughtUp === false;
    this.invalidate();
  }

  /** Draws and publishes now, synchronously. */
  settle(): void {
    this.followA(AB_SETTLE_BUDGET_MS);
    this.draw();
    this.publish();
    this.dirty = false;
  }

  private schedule(): void {
    if (this.rafId === null && typeof requestAnimationFrame !== 'undefined') {
      this.rafId = requestAnimationFrame(this.frame);
    }
  }

  private sampleEveryNs(): number {
    return Math.max(200, Math.round(this.store.getState().settings.speedNsPerSec / 10));
  }

  private readonly frame = (nowMs: number): void => {
    this.rafId = null;
    const s = this.store.getState();
    const running = s.playing && !document.hidden;
    if (running) {
      const dtMs = this.lastMs === null ? 0 : Math.min(MAX_FRAME_MS, nowMs - this.lastMs);
      const live = this.live;
      const target = live.nowNs + Math.round((dtMs / 1000) * s.settings.speedNsPerSec);
      // Run in chunks until the target or the frame's budget: past it, simulated time lags behind.
      const started = performance.now();
      // An exception in the run pauses it with a notice (LiveController.guard): the loop goes on.
      const ok = this.controller.guard(() => {
        while (live.advanceTo(target, EVENTS_PER_CHUNK, this.sampleEveryNs()) < target) {
          if (performance.now() - started > SIM_BUDGET_MS) break;
        }
        return true;
      });
      if (ok && live.nextEventNs === Infinity) this.store.setState({ playing: false });
      this.lastMs = nowMs;
    } else {
      this.lastMs = null;
    }
    const abWasLagging = this.abLagging;
    if (running || abWasLagging) {
      const caughtUp = this.controller.guard(() =>
        this.ab.follow(this.live.nowNs, SIM_BUDGET_MS, this.sampleEveryNs()),
      );
      this.abLagging = caughtUp === false;
      if (abWasLagging && !this.abLagging) this.dirty = true;
    }
    if (running || this.dirty) this.draw(running);
    if (running ? nowMs - this.lastPublishMs >= PUBLISH_EVERY_MS : this.dirty) {
      this.publish();
      this.lastPublishMs = nowMs;
    }
    this.dirty = false;
    this.workOnReplay();
    if (running || this.abLagging || this.replayJob) this.schedule();
  };

  private draw(playing = false): void {
    const c: DrawContext = { live: this.live, nowNs: this.live.nowNs, pinned: this.ab.live, playing };
    for (const fn of this.drawers) fn(c);
  }

  private publish(): void {
    const live = this.live;
    const published = this.controller.guard(() => ({
      readout: live.readout(),
      components: live.components(),
      liveSeries: live.series.slice(),
    }));
    if (published) this.store.setState(published);
    this.controller.guard(() => this.ab.publish(live));
  }
}
