import { describe, expect, it } from 'vitest';
import { RELOAD_FALLBACK_MS, UpdateState, type UpdateDeps } from './updateState.ts';

/** An UpdateState wired to fakes: counts reloads and activations, runs timers on demand. */
function setup(activate: UpdateDeps['activate'] = () => {}) {
  const state = new UpdateState();
  const log = { reloads: 0, activations: 0, timers: [] as { run: () => void; ms: number }[] };
  state.connect({
    activate: () => {
      log.activations++;
      return activate();
    },
    reload: () => log.reloads++,
    setTimer: (run, ms) => log.timers.push({ run, ms }),
  });
  return { state, log };
}

describe('the update notice', () => {
  it('shows nothing until a new version waits', () => {
    const { state } = setup();
    expect(state.get()).toEqual({ waiting: false, reloading: false, dismissed: false });
    let calls = 0;
    state.subscribe(() => calls++);
    state.offer();
    expect(state.get().waiting).toBe(true);
    expect(calls).toBe(1);
  });

  it('never reloads by itself: a new version taking over elsewhere only keeps the notice', () => {
    const { state, log } = setup();
    state.offer();
    state.tookOver(); // another tab pressed Reload; this lecture goes on
    expect(log.reloads).toBe(0);
    expect(log.activations).toBe(0);
    expect(state.get()).toEqual({ waiting: true, reloading: false, dismissed: false });
  });

  it('"Reload" activates the new version, then reloads once it took over, only once', () => {
    const { state, log } = setup();
    state.accept(); // nothing waits yet: nothing to do
    expect(log.activations).toBe(0);
    state.offer();
    state.accept();
    state.accept(); // a double click
    expect(log.activations).toBe(1);
    expect(state.get().reloading).toBe(true);
    expect(log.reloads).toBe(0);
    state.tookOver();
    expect(log.reloads).toBe(1);
    log.timers.forEach((t) => t.run()); // the fallback timer fires later: no second reload
    expect(log.reloads).toBe(1);
  });

  it('reloads after a while if the new version never says it took over', () => {
    const { state, log } = setup();
    state.offer();
    state.accept();
    expect(log.timers.map((t) => t.ms)).toEqual([RELOAD_FALLBACK_MS]);
    expect(log.reloads).toBe(0);
    log.timers[0].run();
    expect(log.reloads).toBe(1);
  });

  it('reloads at once if the new version cannot be activated', async () => {
    const { state, log } = setup(() => Promise.reject(new Error('gone')));
    state.offer();
    state.accept();
    await Promise.resolve();
    await Promise.resolve();
    expect(log.reloads).toBe(1);
  });

  it('"not now" hides the notice; a newer version brings it back', () => {
    const { state } = setup();
    state.offer();
    state.dismiss();
    expect(state.get().dismissed).toBe(true);
    state.offer();
    expect(state.get()).toEqual({ waiting: true, reloading: false, dismissed: false });
  });

  it('does nothing before the service worker is connected', () => {
    const state = new UpdateState();
    state.offer();
    state.accept();
    expect(state.get().reloading).toBe(false);
  });
});
