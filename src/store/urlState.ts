import { LIMITS, PKTGEN_DEFAULT_FRAME_BYTES, isPktgenFrame } from '../model/limits.ts';
import { MODE_DESCRIPTORS, PKTGEN_MODES } from '../model/modes.ts';
import { MODES, OPS, WORKLOADS } from '../model/types.ts';
import { checkParam } from '../model/validate.ts';
import { DEFAULT_SETTINGS, SPEED_LIMITS, type Settings } from './settings.ts';

/**
 * Settings ⇄ URL query. The format carries a version (`v`); later versions will upgrade older links
 * here, step by step. A value that cannot be read is named in a message and replaced by its
 * default; the rest of the link still applies.
 */
export const URL_FORMAT_VERSION = 1;

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
export function decodeTourLink(search: string): { step: number | null; file: string | null; problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const rawStep = q.get(TOUR_KEY);
  let step: number | null = null;
  if (rawStep !== null) {
    if (/^[1-9]\d{0,3}$/.test(rawStep)) step = Number(rawStep);
    else problems.push(`"${TOUR_KEY}=${rawStep}" is not a step number (1, 2, …): the tour was not opened.`);
  }
  const rawFile = q.get(TOUR_FILE_KEY);
  let file: string | null = null;
  if (rawFile !== null) {
    if (TOUR_FILE_RE.test(rawFile)) file = rawFile;
    else problems.push(`"${TOUR_FILE_KEY}=${rawFile}" is not a file in tours/ (tours/name.json): using the poster's tour.`);
  }
  return { step, file, problems };
}

export interface Decoded {
  readonly settings: Settings;
  readonly problems: string[];
}

function intIn(raw: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

export function decodeSettings(search: string): Decoded {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const s: { -readonly [K in keyof Settings]: Settings[K] } = { ...DEFAULT_SETTINGS, params: {} };
  const version = q.get('v');
  if (version !== null && version !== String(URL_FORMAT_VERSION)) {
    const n = Number(version);
    problems.push(
      Number.isInteger(n) && n > URL_FORMAT_VERSION
        ? `This link was made by a newer version (format v${version}); settings this version knows were applied.`
        : `Unknown link format "v=${version}"; settings were read as format v${URL_FORMAT_VERSION}.`,
    );
  }
  const choice = <T extends string>(key: string, allowed: readonly T[], set: (v: T) => void) => {
    const raw = q.get(key);
    if (raw === null) return;
    if ((allowed as readonly string[]).includes(raw)) set(raw as T);
    else
      problems.push(
        `"${key}=${raw}" is not one of ${allowed.join(', ')}: using ${key}=${String((DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key])}.`,
      );
  };
  const int = (key: string, min: number, max: number, unit: string, set: (v: number) => void) => {
    const raw = q.get(key);
    if (raw === null) return;
    const n = intIn(raw, min, max);
    if (n === null)
      problems.push(`"${key}=${raw}" is not a whole number of ${unit} in ${min}–${max}: using the default.`);
    else set(n);
  };
  choice('mode', MODES, (v) => (s.mode = v));
  choice('op', OPS, (v) => (s.op = v));
  choice('workload', WORKLOADS, (v) => (s.workload = v));
  int('size', LIMITS.sizeBytes.min, LIMITS.sizeBytes.max, 'bytes', (v) => (s.sizeBytes = v));
  int('vms', LIMITS.pairs.min, LIMITS.pairs.max, 'VMs per host', (v) => (s.vms = v));
  int('window', LIMITS.window.min, LIMITS.window.max, 'messages', (v) => (s.window = v));
  int('seed', LIMITS.seed.min, LIMITS.seed.max, '', (v) => (s.seed = v));
  int('speed', SPEED_LIMITS.min, SPEED_LIMITS.max, 'ns per second', (v) => (s.speedNsPerSec = v));
  const params: Record<string, number> = {};
  for (const [key, raw] of q) {
    if (!key.startsWith('p.')) continue;
    const name = key.slice(2);
    const value = Number(raw);
    const problem = raw.trim() === '' ? `${name} has no value` : checkParam(name, value);
    if (problem) problems.push(`Model constant ignored: ${problem}.`);
    else params[name] = value;
  }
  s.params = params;
  if (s.workload === 'pktgen' && !MODE_DESCRIPTORS[s.mode].pktgen) {
    problems.push(
      `pktgen runs on ${PKTGEN_MODES.join(', ')}, not ${s.mode}: using the ${DEFAULT_SETTINGS.workload} workload.`,
    );
    s.workload = DEFAULT_SETTINGS.workload;
  }
  if (s.workload === 'pktgen' && !isPktgenFrame(s.sizeBytes)) {
    const { min, max } = LIMITS.pktgenFrameBytes;
    problems.push(
      `A pktgen frame is ${min}–${max} bytes, not ${s.sizeBytes}: using ${PKTGEN_DEFAULT_FRAME_BYTES}.`,
    );
    s.sizeBytes = PKTGEN_DEFAULT_FRAME_BYTES;
  }
  return { settings: s, problems };
}

/** The query string of `settings` (model constants only where changed). */
export function encodeSettings(s: Settings): string {
  const q = new URLSearchParams();
  q.set('v', String(URL_FORMAT_VERSION));
  q.set('mode', s.mode);
  q.set('op', s.op);
  q.set('workload', s.workload);
  q.set('size', String(s.sizeBytes));
  q.set('vms', String(s.vms));
  q.set('window', String(s.window));
  q.set('seed', String(s.seed));
  q.set('speed', String(Math.round(s.speedNsPerSec)));
  for (const name of Object.keys(s.params).sort()) q.set(`p.${name}`, String(s.params[name]));
  for (const [key, value] of viewFlags) q.set(key, value);
  return `?${q.toString()}`;
}
