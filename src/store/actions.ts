import { PKTGEN_DEFAULT_FRAME_BYTES, isPktgenFrame } from '../model/limits.ts';
import { MODE_DESCRIPTORS } from '../model/modes.ts';
import type { Mode, Op, Workload } from '../model/types.ts';
import { createAbActions } from './ab.ts';
import type { AppStore, ChartTab } from './appStore.ts';
import { settingsProblems } from './settingsCheck.ts';
import { SPEED_LIMITS, type Settings } from './settings.ts';

const NO_PROBLEMS: Readonly<Record<string, string>> = {};

/**
 * Plain actions over the store, usable from components, the keyboard and the frame loop alike.
 *
 * A change of settings is atomic: the whole new set is checked first (settingsCheck.ts, the model's
 * own validation); if it fails, nothing changes (the run, the screen and the link keep the previous
 * settings) and the problem is recorded in `fieldProblems` under the field the change was for, to
 * be shown beside it. Nothing here throws on a bad value. Each setter returns whether it applied.
 */
export function createActions(store: AppStore) {
  const settings = (patch: Partial<Settings>, field?: string): boolean => {
    const next = { ...store.getState().settings, ...patch };
    const problems = settingsProblems(next);
    if (problems.length > 0) {
      const fieldProblems: Record<string, string> = {};
      if (field) fieldProblems[field] = (problems.find((p) => p.field === field) ?? problems[0]).message;
      else for (const p of problems) fieldProblems[p.field] ??= p.message;
      store.setState({ fieldProblems });
      return false;
    }
    store.setState((s) => ({
      settings: next,
      selectedMessage: null,
      fieldProblems: Object.keys(s.fieldProblems).length ? NO_PROBLEMS : s.fieldProblems,
    }));
    return true;
  };
  return {
    ...createAbActions(store, (next) => settings(next)),
    setMode(mode: Mode) {
      const s = store.getState().settings;
      // pktgen exists only where the poster ran it: other modes fall back to streaming.
      const workload: Workload =
        s.workload === 'pktgen' && !MODE_DESCRIPTORS[mode].pktgen ? 'stream' : s.workload;
      return settings({ mode, workload, sizeBytes: workload !== s.workload ? 65536 : s.sizeBytes }, 'mode');
    },
    setOp(op: Op) {
      return settings({ op }, 'op');
    },
    setWorkload(workload: Workload) {
      const s = store.getState().settings;
      const patch: { -readonly [K in keyof Settings]?: Settings[K] } = { workload };
      if (workload === 'pktgen') {
        if (!MODE_DESCRIPTORS[s.mode].pktgen) patch.mode = 'pv-tcp';
        if (!isPktgenFrame(s.sizeBytes)) patch.sizeBytes = PKTGEN_DEFAULT_FRAME_BYTES;
      }
      return settings(patch, 'workload');
    },
    setSize(sizeBytes: number) {
      return settings({ sizeBytes }, 'size');
    },
    setVms(vms: number) {
      return settings({ vms }, 'vms');
    },
    setWindow(window: number) {
      return settings({ window }, 'window');
    },
    setSeed(seed: number) {
      return settings({ seed }, 'seed');
    },
    setSpeed(speedNsPerSec: number) {
      const v = Math.min(SPEED_LIMITS.max, Math.max(SPEED_LIMITS.min, speedNsPerSec));
      store.setState((s) => ({ settings: { ...s.settings, speedNsPerSec: v } }));
    },
    /** Faster or slower by one step of the log scale (×2). */
    nudgeSpeed(direction: 1 | -1) {
      this.setSpeed(store.getState().settings.speedNsPerSec * (direction > 0 ? 2 : 0.5));
    },
    /** Sets a model constant; null (or its default) removes the change. */
    setParam(name: string, value: number | null, defaultValue: number) {
      const params = { ...store.getState().settings.params };
      if (value === null || value === defaultValue) delete params[name];
      else params[name] = value;
      return settings({ params }, name);
    },
    resetParams() {
      return settings({ params: {} });
    },
    applyParams(params: Record<string, number>) {
      return settings({ params });
    },
    play() {
      store.setState({ playing: true });
    },
    pause() {
      store.setState({ playing: false });
    },
    togglePlay() {
      store.setState((s) => ({ playing: !s.playing }));
    },
    toggleControls() {
      store.setState((s) => ({ controlsOpen: !s.controlsOpen }));
    },
    setChartTab(chartTab: ChartTab) {
      store.setState({ chartTab });
    },
    /** Opens a message's journey in B's run, the page's own (null: follow the latest delivered). */
    selectMessage(id: number | null) {
      store.setState((s) => ({
        ...(id === null ? { selectedMessage: null } : { selectedMessage: id, chartTab: 'journey' as const }),
        ab: s.ab.journeyOfA ? { ...s.ab, journeyOfA: false } : s.ab,
      }));
    },
    dismissNotice(index: number) {
      store.setState((s) => ({ notices: s.notices.filter((_, i) => i !== index) }));
    },
    /** Clears the notice: every problem it lists. */
    dismissNotices() {
      store.setState({ notices: [] });
    },
    /** Shows problems (reading a link or a file) in the one notice, in place of what it listed. */
    showNotices(notices: string[]) {
      store.setState({ notices });
    },
  };
}

export type Actions = ReturnType<typeof createActions>;
