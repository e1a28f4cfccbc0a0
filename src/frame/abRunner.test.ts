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

  it('hands A’s run and components to A’s diagram while A is pinned, and nothing after', () => {
    const store = createAppStore();
    const actions = createActions(store);
    store.setState({ settings: { ...DEFAULT_SETTINGS, mode: 'pv-tcp' } });
    actions.pinA();
    actions.setMode('zero-copy');
    const b = new LiveRun(liveScenario(store.getState().settings));
    const ab = new AbRunner(store);
    b.advanceTo(50_000, Number.MAX_SAFE_INTEGER, 1000);
    ab.follow(b.nowNs, 10_000, 1000);
    ab.publish(b);
    expect(ab.live?.nowNs).toBe(50_000);
    // A's components are A's own: TCP's guest has a vif's TX ring, the framework's does not.
    const aRings = Object.keys(store.getState().ab.aComponents?.rings ?? {});
    const bRings = Object.keys(b.components().rings ?? {});
    expect(aRings.length).toBeGreaterThan(0);
    expect(aRings).not.toEqual(bRings);
    actions.unpinA();
    expect(ab.live).toBeNull();
    expect(store.getState().ab.aComponents).toBeNull();
  });

  it('"Side by side" is on at every pin, kept by a swap, and off only when asked', () => {
    const store = createAppStore();
    const actions = createActions(store);
    actions.pinA();
    expect(store.getState().ab.sideBySide).toBe(true);
    actions.setSideBySide(false);
    actions.setVms(2);
    expect(actions.swapAB()).toBe(true);
    expect(store.getState().ab.sideBySide).toBe(false);
    actions.unpinA();
    actions.pinA();
    expect(store.getState().ab.sideBySide).toBe(true);
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
