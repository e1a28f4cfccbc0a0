import { LIMITS, PKTGEN_DEFAULT_FRAME_BYTES, isPktgenFrame } from '../model/limits.ts';
import { MODE_DESCRIPTORS, PKTGEN_MODES } from '../model/modes.ts';
import { MODES, OPS, WORKLOADS } from '../model/types.ts';
import { CHART_TAB_KEYS } from './appStore.ts';
import {
  MESSAGE_FIELD,
  SEED_FIELD,
  SIZE_FIELD,
  SPEED_FIELD,
  TIME_FIELD,
  VMS_FIELD,
  WINDOW_FIELD,
  formatLimit,
  paramField,
  parseField,
  type FieldSpec,
} from './link/fields.ts';
import { DEFAULT_VIEW, PINNED_KEY, type LinkState, type LinkView } from './link/linkState.ts';
import { clip, crossFieldProblems, otherKeyProblems } from './link/linkKeys.ts';
import { LINK_FORMAT_VERSION, migrate } from './link/migrations.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';

/**
 * The app's state ⇄ URL query (format in docs/scenario-file.md, "The link"). The format carries a
 * version (`v`); an older link is upgraded step by step (link/migrations.ts). A value that cannot
 * be read is named in a message and replaced by its default; the rest of the link still applies.
 */
export const URL_FORMAT_VERSION = LINK_FORMAT_VERSION;

/**
 * How the page is shown, not what runs (`presenter=1`): kept in the link beside the settings, so a
 * rewrite of the settings keeps it. Set by the view that owns the flag; null removes it.
 */
const viewFlags = new Map<string, string>();
export function setViewFlag(key: string, value: string | null): void {
  if (value === null) viewFlags.delete(key);
  else viewFlags.set(key, value);
}
export const PRESENTER_KEY = 'presenter';
/** Presenter mode asked for by the link (`presenter=1`). */
export function decodePresenter(search: string): boolean {
  return new URLSearchParams(search).get(PRESENTER_KEY) === '1';
}

/** The guided tour's step in the link (`tour=N`, from 1) and a tour file other than the poster's (`tourfile`). */
export const TOUR_KEY = 'tour';
/** The query the page was opened with, read before anything rewrites the link. */
export const OPENED_SEARCH = typeof location === 'undefined' ? '' : location.search;
export const TOUR_FILE_KEY = 'tourfile';
/** A tour file is read from the app's own `tours/` folder only: a link cannot make the page fetch elsewhere. */
const TOUR_FILE_RE = /^tours\/[\w.-]+\.json$/;
/** Whether `path` names a tour file the app may read (`tours/<name>.json`). */
export function isTourFile(path: string): boolean {
  return TOUR_FILE_RE.test(path);
}
export function decodeTourLink(search: string): {
  step: number | null;
  file: string | null;
  problems: string[];
} {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const rawStep = q.get(TOUR_KEY);
  let step: number | null = null;
  if (rawStep !== null) {
    if (/^[1-9]\d{0,3}$/.test(rawStep)) step = Number(rawStep);
    else
      problems.push(
        `"${TOUR_KEY}=${clip(rawStep)}" is not a step number (1, 2, …): the tour was not opened.`,
      );
  }
  const rawFile = q.get(TOUR_FILE_KEY);
  let file: string | null = null;
  if (rawFile !== null) {
    if (TOUR_FILE_RE.test(rawFile)) file = rawFile;
    else
      problems.push(
        `"${TOUR_FILE_KEY}=${clip(rawFile)}" is not a file in tours/ (tours/name.json): using the poster's tour.`,
      );
  }
  return { step, file, problems };
}

/** What a link says: the state it opens, and every problem found reading it. */
export interface Decoded extends LinkState {
  readonly problems: string[];
  readonly pinned: Settings | null;
}

/** A default for "using …" in messages: 64 B, 1 VM, 8 messages. */
function formatDefault(spec: FieldSpec, value: number): string {
  const text = formatLimit(value, spec.unit);
  // A plural word as unit (VMs, messages) reads singular for one; ns, µs, ms are not words.
  return value === 1 && /^[A-Za-z]{2,}s$/.test(spec.unit) ? text.slice(0, -1) : text;
}

/** Reads a link (any version): the settings, the view, and the problems, each naming its key. */
export function decodeLink(search: string): Decoded {
  let q = new URLSearchParams(search);
  const problems: string[] = [];
  // A key given twice: the first is read, and the others named (never a silent choice), counted
  // in the link as given, before an upgrade rewrites it.
  const seen = new Map<string, number>();
  for (const [key] of q) seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const [key, n] of seen)
    if (n > 1)
      problems.push(
        `${clip(key)}: given ${n} times in the link; the first (${clip(key)}=${clip(q.get(key) ?? '')}) was used.`,
      );
  const version = q.get('v');
  if (version !== null && version !== String(LINK_FORMAT_VERSION)) {
    const n = /^\d{1,6}$/.test(version) ? Number(version) : NaN;
    if (n >= 1 && n < LINK_FORMAT_VERSION) {
      const up = migrate(q, n);
      q = up.query;
      problems.push(...up.notes);
    } else
      problems.push(
        n > LINK_FORMAT_VERSION
          ? `v: this link was made by a newer version (format v=${version}); what this version knows was applied.`
          : `v: unknown link format "${clip(version)}"; read as format v=${LINK_FORMAT_VERSION}.`,
      );
  }
  problems.push(...otherKeyProblems(q));

  const s: { -readonly [K in keyof Settings]: Settings[K] } = { ...DEFAULT_SETTINGS, params: {} };
  const view: { -readonly [K in keyof LinkView]: LinkView[K] } = { ...DEFAULT_VIEW };
  const choice = <T extends string>(key: string, allowed: readonly T[], fallback: T, set: (v: T) => void) => {
    const raw = q.get(key);
    if (raw === null) return;
    if ((allowed as readonly string[]).includes(raw)) set(raw as T);
    else problems.push(`${key}: "${clip(raw)}" is not one of ${allowed.join(', ')} (using ${fallback}).`);
  };
  const num = (spec: FieldSpec, fallback: number | string, set: (v: number) => void) => {
    const raw = q.get(spec.key);
    if (raw === null) return;
    const r = parseField(spec, raw);
    if (r.ok) set(r.value);
    else
      problems.push(
        `${r.error} (${typeof fallback === 'string' ? fallback : `using ${formatDefault(spec, fallback)}`}).`,
      );
  };
  const D = DEFAULT_SETTINGS;
  choice('mode', MODES, D.mode, (v) => (s.mode = v));
  choice('op', OPS, D.op, (v) => (s.op = v));
  choice('workload', WORKLOADS, D.workload, (v) => (s.workload = v));
  num(SIZE_FIELD, D.sizeBytes, (v) => (s.sizeBytes = v));
  num(VMS_FIELD, D.vms, (v) => (s.vms = v));
  num(WINDOW_FIELD, D.window, (v) => (s.window = v));
  num(SEED_FIELD, D.seed, (v) => (s.seed = v));
  num(SPEED_FIELD, D.speedNsPerSec, (v) => (s.speedNsPerSec = v));
  const params: Record<string, number> = {};
  for (const [key, raw] of q) {
    if (!key.startsWith('p.')) continue;
    const name = key.slice(2);
    const spec = paramField(name);
    if (!spec) {
      problems.push(`${clip(key)}: not a model constant (see Settings → Model constants); ignored.`);
      continue;
    }
    if (name in params) continue;
    const r = parseField(spec, raw);
    if (r.ok) params[name] = r.value;
    else problems.push(`${r.error} (using the default).`);
  }
  const cross = crossFieldProblems(params);
  problems.push(...cross.problems);
  s.params = cross.params;
  if (s.workload === 'pktgen' && !MODE_DESCRIPTORS[s.mode].pktgen) {
    problems.push(
      `workload: pktgen runs on ${PKTGEN_MODES.join(', ')}, not ${s.mode} (using ${D.workload}).`,
    );
    s.workload = D.workload;
  }
  if (s.workload === 'pktgen' && !isPktgenFrame(s.sizeBytes)) {
    const { min, max } = LIMITS.pktgenFrameBytes;
    problems.push(
      `size: a pktgen frame is ${min}–${max} B, not ${s.sizeBytes} (using ${PKTGEN_DEFAULT_FRAME_BYTES} B).`,
    );
    s.sizeBytes = PKTGEN_DEFAULT_FRAME_BYTES;
  }

  choice(TAB_KEY, CHART_TAB_KEYS, DEFAULT_VIEW.tab, (v) => (view.tab = v));
  const panel = q.get(PANEL_KEY);
  if (panel !== null) {
    for (const name of panel.split(',')) {
      if (name === SETTINGS_PANEL) view.settingsOpen = true;
      else problems.push(`${PANEL_KEY}: "${clip(name)}" is not a panel (${SETTINGS_PANEL}); ignored.`);
    }
  }
  num(TIME_FIELD, 'opening at t = 0', (v) => (view.timeNs = v));
  num(MESSAGE_FIELD, 'no journey opened', (v) => (view.message = v));
  return { settings: s, view, problems, pinned: decodePinned(q.get(PINNED_KEY), problems) };
}

/** The settings keys a pinned scenario's own query string may hold (its speed is B's: one clock). */
const PINNED_SETTINGS_KEYS = new Set(['mode', 'op', 'workload', 'size', 'vms', 'window', 'seed']);

/**
 * A pinned scenario A (`ab=` its settings as a query string of their own), read as a link's settings
 * are, each problem named under `ab:`; null when absent or when it is not a link's settings at all.
 */
function decodePinned(raw: string | null, problems: string[]): Settings | null {
  if (raw === null) return null;
  const inner = new URLSearchParams(raw);
  const keys = [...inner.keys()];
  const foreign = keys.filter((k) => !PINNED_SETTINGS_KEYS.has(k) && !k.startsWith('p.'));
  if (keys.length === 0 || foreign.length > 0) {
    problems.push(
      `${PINNED_KEY}: "${clip(raw)}" is not a scenario's settings (mode=…&size=…); nothing pinned as A.`,
    );
    return null;
  }
  inner.set('v', String(LINK_FORMAT_VERSION));
  const d = decodeLink(`?${inner.toString()}`);
  problems.push(...d.problems.map((p) => `${PINNED_KEY} (the pinned A): ${p}`));
  return { ...d.settings, speedNsPerSec: DEFAULT_SETTINGS.speedNsPerSec };
}

/** A scenario's run settings as a query string (model constants only where changed). */
function runSettingsQuery(s: Settings): URLSearchParams {
  const q = new URLSearchParams();
  q.set('mode', s.mode);
  q.set('op', s.op);
  q.set('workload', s.workload);
  q.set('size', String(s.sizeBytes));
  q.set('vms', String(s.vms));
  q.set('window', String(s.window));
  q.set('seed', String(s.seed));
  for (const name of Object.keys(s.params).sort()) q.set(`p.${name}`, String(s.params[name]));
  return q;
}

/** The settings of a link (and the rest of what it says): `decodeLink` under its first name. */
export const decodeSettings = decodeLink;

export const TAB_KEY = 'tab';
export const PANEL_KEY = 'panel';
const SETTINGS_PANEL = 'settings';

/** The query string of a whole state: settings (model constants only where changed), then the view, then view flags. */
export function encodeLink({ settings: s, view, pinned = currentPinned() }: LinkState): string {
  const q = new URLSearchParams();
  q.set('v', String(LINK_FORMAT_VERSION));
  const run = runSettingsQuery(s);
  for (const [key, value] of run) if (!key.startsWith('p.')) q.set(key, value);
  q.set('speed', String(Math.round(s.speedNsPerSec)));
  for (const [key, value] of run) if (key.startsWith('p.')) q.set(key, value);
  q.set(TAB_KEY, view.tab);
  if (view.settingsOpen) q.set(PANEL_KEY, SETTINGS_PANEL);
  // A time past the link's limit is left out: opening would replay too far (see TIME_FIELD).
  if (view.timeNs > 0 && view.timeNs <= TIME_FIELD.max)
    q.set(TIME_FIELD.key, String(Math.round(view.timeNs)));
  if (view.message !== null) q.set(MESSAGE_FIELD.key, String(view.message));
  if (pinned) q.set(PINNED_KEY, runSettingsQuery(pinned).toString());
  for (const [key, value] of viewFlags) q.set(key, value);
  return `?${q.toString()}`;
}

/** The pinned scenario A on the page: set by the URL's sync, kept by every rewrite of the link. */
let currentPinned: () => Settings | null = () => null;
export function setPinnedSource(source: () => Settings | null): void {
  currentPinned = source;
}

/** Where the page is (tab, panel, time, message): set by the URL's sync, read by `encodeSettings`. */
let currentView: () => LinkView = () => DEFAULT_VIEW;
export function setViewSource(source: () => LinkView): void {
  currentView = source;
}

/**
 * The link of `settings` with the page's current view: what the tour and presenter mode write when
 * they rewrite the link at once, so their rewrite keeps the tab, panel, time and message.
 */
export function encodeSettings(s: Settings): string {
  return encodeLink({ settings: s, view: currentView() });
}
