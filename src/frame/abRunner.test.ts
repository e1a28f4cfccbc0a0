import { describe, expect, it } from 'vitest';
import { LiveRun } from '../live/index.ts';
import { createAppStore } from '../store/appStore.ts';
import { createActions } from '../store/actions.ts';
import { DEFAULT_SETTINGS } from '../store/settings.ts';
import { AbRunner, cpuByDomainNs } from './abRunner.ts';
import { liveScenario } from './liveController.ts';

describe('the pinned scenario A runs on B’s clock', () => {
  it('follows B forward and back, and publishes both sides read at one time', () => {
    const store = createAppStore();
    const actions = createActions(store);
    const pinned = { ...DEFAULT_SETTINGS, mode: 'pv-tcp' as const };
    store.setState({ settings: pinned });
    actions.pinA();
    actions.setMode('zero-copy');
    const b = new LiveRun(liveScenario(store.getState().settings));
    const ab = new AbRunner(store);
    b.advanceTo(300_000, Number.MAX_SAFE_INTEGER, 1000);
    expect(ab.follow(b.nowNs, 10_000, 1000)).toBe(true);
    ab.publish(b);
    const s = store.getState().ab;
    expect(s.a?.readout.nowNs).toBe(300_000);
    expect(s.b?.readout.nowNs).toBe(300_000);
    // The same seed and the poster's paths: TCP is slower than the framework, measured, not assumed.
    expect(s.a!.readout.latency!.meanUs).toBeGreaterThan(s.b!.readout.latency!.meanUs);
    expect(cpuByDomainNs(b).vm).toBeDefined();
    // A run of A alone, to the same time, measures the same: following is not approximating.
    const alone = new LiveRun(liveScenario(pinned));
    alone.advanceTo(300_000, Number.MAX_SAFE_INTEGER, 1000);
    expect(s.a!.readout.delivered).toBe(alone.readout().delivered);
    // B goes back: A goes back with it.
    b.seek(100_000);
    ab.follow(b.nowNs, 10_000, 1000);
    ab.publish(b);
    expect(store.getState().ab.a?.readout.nowNs).toBe(100_000);
  });

  it('swapping makes B the pinned one and A current; unpinning forgets A', () => {
    const store = createAppStore();
    const actions = createActions(store);
    actions.pinA();
    actions.setVms(2);
    expect(actions.swapAB()).toBe(true);
    expect(store.getState().settings.vms).toBe(DEFAULT_SETTINGS.vms);
    expect(store.getState().ab.pinned?.vms).toBe(2);
    actions.unpinA();
    expect(store.getState().ab.pinned).toBeNull();
    expect(actions.swapAB()).toBe(false);
  });
});
