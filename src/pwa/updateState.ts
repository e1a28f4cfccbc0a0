/**
 * Whether a new version of the app waits to be used, and the one way to start using it: the user's
 * click. A deploy during a lecture must never reload the page by itself, so the service worker's
 * news only ever shows a notice; the page reloads after "Reload" was pressed, and only then.
 */
export interface UpdateSnapshot {
  /** A new version is installed and waiting. */
  readonly waiting: boolean;
  /** The user chose to reload; the page reloads once the new version has taken over. */
  readonly reloading: boolean;
  /** The user closed the notice for now (it comes back if yet another version arrives). */
  readonly dismissed: boolean;
}

export interface UpdateDeps {
  /** Tells the waiting service worker to take over (workbox's skip-waiting message). */
  activate(): Promise<void> | void;
  reload(): void;
  /** For the fallback reload if the new version never reports that it took over. */
  setTimer(run: () => void, ms: number): void;
}

/** How long after "Reload" the page reloads even if the new worker never says it took over. */
export const RELOAD_FALLBACK_MS = 4000;

const IDLE: UpdateSnapshot = { waiting: false, reloading: false, dismissed: false };

export class UpdateState {
  private snapshot: UpdateSnapshot = IDLE;
  private readonly listeners = new Set<() => void>();
  private deps: UpdateDeps | null = null;
  private reloaded = false;

  /** Connects the service worker's side (src/pwa/register.ts); until then there is nothing to offer. */
  connect(deps: UpdateDeps): void {
    this.deps = deps;
  }

  get = (): UpdateSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The service worker installed a new version that waits (workbox 'waiting'). */
  offer(): void {
    this.set({ waiting: true, reloading: false, dismissed: false });
  }

  /**
   * The new version now controls this page (workbox 'controlling' after an update). Reloads only
   * if this page asked for it; otherwise (another tab chose to update) the notice stays.
   */
  tookOver(): void {
    if (this.snapshot.reloading) this.reloadOnce();
    else this.set({ waiting: true, reloading: false, dismissed: false });
  }

  /** The user pressed "Reload". */
  accept(): void {
    const deps = this.deps;
    if (!deps || !this.snapshot.waiting || this.snapshot.reloading) return;
    this.set({ ...this.snapshot, reloading: true });
    deps.setTimer(() => this.reloadOnce(), RELOAD_FALLBACK_MS);
    void Promise.resolve(deps.activate()).catch(() => this.reloadOnce());
  }

  dismiss(): void {
    if (this.snapshot.waiting && !this.snapshot.reloading) this.set({ ...this.snapshot, dismissed: true });
  }

  private reloadOnce(): void {
    if (this.reloaded || !this.deps) return;
    this.reloaded = true;
    this.deps.reload();
  }

  private set(next: UpdateSnapshot): void {
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}

/** The page's one update state, shared by the registration and the notice. */
export const updateState = new UpdateState();
