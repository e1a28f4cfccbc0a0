import { describe, expect, it } from 'vitest';
import { createAppStore, initialState } from '../store/appStore.ts';
import { DEFAULT_SETTINGS } from '../store/settings.ts';
import { LiveController } from './liveController.ts';

describe('the live controller contains what the run throws', () => {
  it('a change the model refuses puts the previous settings back, pauses and says why', () => {
    const store = createAppStore();
    const controller = new LiveController(store);
    const before = controller.live;
    store.setState({ playing: true, settings: { ...DEFAULT_SETTINGS, mode: 'pv-tcp' } });
    const running = controller.live;
    expect(running).not.toBe(before);
    // Past the store's own check (set directly): the model throws building the run.
    expect(() =>
      store.setState({ settings: { ...DEFAULT_SETTINGS, mode: 'pv-tcp', params: { wakeThreadUs: 1.5 } } }),
    ).not.toThrow();
    const s = store.getState();
    expect(controller.live).toBe(running);
    expect(s.settings).toMatchObject({ mode: 'pv-tcp', params: {} });
    expect(s.playing).toBe(false);
    expect(s.notices).toEqual([expect.stringContaining('cannot exceed wakeThreadUs (1.5 µs)')]);
    // And the next change works as ever.
    store.setState({ settings: { ...s.settings, mode: 'zero-copy' } });
    expect(controller.live).not.toBe(running);
    expect(controller.live.scenario.mode).toBe('zero-copy');
  });

  it('a link the model refuses opens with the constants at their defaults, with a notice', () => {
    const opened = { ...DEFAULT_SETTINGS, mode: 'pv-tcp' as const, params: { wakeThreadUs: 1 } };
    const store = createAppStore(initialState(opened));
    const controller = new LiveController(store);
    expect(controller.live.scenario.params).toEqual({});
    expect(store.getState().settings).toMatchObject({ mode: 'pv-tcp', params: {} });
    expect(store.getState().notices[0]).toMatch(/could not start as opened .*the model constants went back/);
  });

  it('an exception inside the run pauses it with a notice and keeps the settings', () => {
    const store = createAppStore();
    const controller = new LiveController(store);
    store.setState({ playing: true });
    const settings = store.getState().settings;
    const got = controller.guard(() => {
      throw new Error('queue corrupted');
    });
    expect(got).toBeUndefined();
    expect(store.getState()).toMatchObject({ playing: false, settings });
    expect(store.getState().notices).toEqual([
      'The live run stopped at t = 0.000 µs: queue corrupted. It is paused; the settings are kept.',
    ]);
    expect(controller.guard(() => 7)).toBe(7);
  });
});
