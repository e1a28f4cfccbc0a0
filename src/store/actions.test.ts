import { describe, expect, it } from 'vitest';
import { createActions } from './actions.ts';
import { LiveRun } from '../live/index.ts';
import { createAppStore } from './appStore.ts';
import { settingsProblems } from './settingsCheck.ts';
import { pairsOf, type Settings } from './settings.ts';

/** Builds the live run of these settings, as the page does: it throws on settings the model refuses. */
function startRun(s: Settings): LiveRun {
  const { mode, workload, op, sizeBytes, window, seed, params } = s;
  return new LiveRun({ mode, workload, op, sizeBytes, pairs: pairsOf(s), window, seed, params, messages: 1 });
}

describe('store actions', () => {
  it('switching to a mode without pktgen leaves pktgen for streaming', () => {
    const store = createAppStore();
    const a = createActions(store);
    a.setWorkload('pktgen');
    expect(store.getState().settings).toMatchObject({ workload: 'pktgen', mode: 'pv-tcp', sizeBytes: 64 });
    a.setMode('zero-copy');
    expect(store.getState().settings).toMatchObject({ workload: 'stream', mode: 'zero-copy' });
  });

  it('a constant set to its default is no longer a change', () => {
    const store = createAppStore();
    const a = createActions(store);
    a.setParam('coalUs', 10, 2);
    expect(store.getState().settings.params).toEqual({ coalUs: 10 });
    a.setParam('coalUs', 2, 2);
    expect(store.getState().settings.params).toEqual({});
  });

  it('speed stays within its range on the log scale', () => {
    const store = createAppStore();
    const a = createActions(store);
    for (let i = 0; i < 60; i++) a.nudgeSpeed(1);
    expect(store.getState().settings.speedNsPerSec).toBe(100_000_000);
    for (let i = 0; i < 60; i++) a.nudgeSpeed(-1);
    expect(store.getState().settings.speedNsPerSec).toBe(100);
  });

  it('refuses a constant that breaks a cross-field rule: settings unchanged, the message by that field', () => {
    const store = createAppStore();
    const a = createActions(store);
    a.setParam('coalUs', 10, 2);
    const before = store.getState().settings;
    // wakeThreadUs 1.5 µs is inside its own range (1–8 µs) but below wakeThreadCpuUs (2 µs by default).
    expect(a.setParam('wakeThreadUs', 1.5, 4)).toBe(false);
    expect(store.getState().settings).toBe(before);
    expect(store.getState().fieldProblems).toEqual({
      wakeThreadUs: 'wakeThreadCpuUs (2 µs) cannot exceed wakeThreadUs (1.5 µs)',
    });
    expect(() => startRun(store.getState().settings)).not.toThrow();
    // The next valid change applies and clears the message.
    expect(a.setMode('pv-tcp')).toBe(true);
    expect(store.getState().settings.mode).toBe('pv-tcp');
    expect(store.getState().fieldProblems).toEqual({});
  });

  it('refuses a set of constants with a problem as a whole, each message by its field', () => {
    const store = createAppStore();
    const a = createActions(store);
    expect(a.applyParams({ coalUs: 10, vcpuWakeUs: 2, vcpuWakeCpuUs: 3 })).toBe(false);
    expect(store.getState().settings.params).toEqual({});
    expect(Object.keys(store.getState().fieldProblems)).toEqual(['vcpuWakeCpuUs']);
  });

  it('a burst of switches into pktgen, with a stale size between them, ends on valid settings', () => {
    const store = createAppStore();
    const a = createActions(store);
    a.setSize(32768);
    // A slider still drawn for messages (1 B–4 MiB) sends 32 KiB right after the switch to pktgen.
    a.setWorkload('pktgen');
    expect(a.setSize(32768)).toBe(false);
    a.setMode('zero-copy');
    a.setSize(32768);
    a.setWorkload('pktgen');
    a.setWorkload('pktgen');
    a.setSize(65536);
    const s = store.getState().settings;
    expect(s).toMatchObject({ workload: 'pktgen', mode: 'pv-tcp', sizeBytes: 1514 });
    expect(settingsProblems(s)).toEqual([]);
    expect(store.getState().fieldProblems.size).toMatch(/outside 60–9014 B/);
    expect(() => startRun(s)).not.toThrow();
  });
});
