import { MODE_DESCRIPTORS, PKTGEN_MODES } from '../../model/modes.ts';
import { isPktgenFrame, LIMITS } from '../../model/limits.ts';
import { MODES, OPS, WORKLOADS } from '../../model/types.ts';
import { resolveParams } from '../../model/validate.ts';
import { CHART_TAB_KEYS } from '../appStore.ts';
import type { Settings } from '../settings.ts';
import { isTourFile } from '../urlState.ts';
import {
  MESSAGE_FIELD,
  SEED_FIELD,
  SIZE_FIELD,
  SPEED_FIELD,
  TIME_FIELD,
  VMS_FIELD,
  WINDOW_FIELD,
  clip,
  paramField,
  parseField,
  type FieldSpec,
} from './fields.ts';
import type { LinkState, LinkView } from './linkState.ts';
import { LINK_FORMAT_VERSION } from './migrations.ts';

/**
 * The scenario file: everything a link holds, as JSON, versioned with the link (docs/scenario-file.md).
 * Reading is all or nothing: a file with any bad field is refused with every bad field named by its
 * path (`settings.sizeBytes: 5000000 is outside 1 B–4 MiB`), and nothing of it is applied.
 */
export const SCENARIO_FORMAT = 'xen-hpc-io-scenario';

/** The tour's place, when a tour step is on screen: its step (from 1) and file. */
export interface TourPlace {
  readonly step: number;
  readonly file: string;
}

export interface ScenarioFile {
  readonly format: typeof SCENARIO_FORMAT;
  readonly v: number;
  readonly settings: Settings;
  readonly view: LinkView;
  readonly tour: TourPlace | null;
}

export function encodeScenarioFile(state: LinkState, tour: TourPlace | null): ScenarioFile {
  const { settings, view } = state;
  return {
    format: SCENARIO_FORMAT,
    v: LINK_FORMAT_VERSION,
    settings: {
      ...settings,
      params: Object.fromEntries(
        Object.keys(settings.params)
          .sort()
          .map((k) => [k, settings.params[k]]),
      ),
    },
    view: { ...view },
    tour,
  };
}

export type ScenarioRead =
  { ok: true; state: LinkState; tour: TourPlace | null } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) =>
  clip(typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));

/** Reads a parsed JSON value as a scenario file; any problem refuses the whole file. */
export function decodeScenarioFile(json: unknown): ScenarioRead {
  const errors: string[] = [];
  if (!isObj(json)) return { ok: false, errors: [`the file is not a JSON object (it is ${show(json)})`] };
  if (json.format !== SCENARIO_FORMAT)
    return {
      ok: false,
      errors: [`format: ${show(json.format)} is not "${SCENARIO_FORMAT}" (not a scenario file)`],
    };
  if (json.v !== LINK_FORMAT_VERSION) {
    const newer = typeof json.v === 'number' && Number.isInteger(json.v) && json.v > LINK_FORMAT_VERSION;
    return {
      ok: false,
      errors: [
        newer
          ? `v: ${json.v} is a newer format than this version reads (v=${LINK_FORMAT_VERSION})`
          : `v: ${show(json.v)} is not a scenario file version (v=${LINK_FORMAT_VERSION})`,
      ],
    };
  }
  const unknown = (o: Obj, path: string, known: readonly string[]) => {
    for (const k of Object.keys(o))
      if (!known.includes(k))
        errors.push(`${path}${clip(k)}: not a field of a scenario file (known: ${known.join(', ')})`);
  };
  unknown(json, '', ['format', 'v', 'settings', 'view', 'tour']);
  const section = (key: string): Obj => {
    const v = json[key];
    if (isObj(v)) return v;
    errors.push(`${key}: ${v === undefined ? 'missing' : `${show(v)} is not an object`}`);
    return {};
  };
  const choice = <T extends string>(o: Obj, path: string, key: string, allowed: readonly T[]): T => {
    const v = o[key];
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    errors.push(
      `${path}.${key}: ${v === undefined ? 'missing' : show(v)}${v === undefined ? '' : ' is not'} one of ${allowed.join(', ')}`,
    );
    return allowed[0];
  };
  const num = (o: Obj, path: string, key: string, spec: FieldSpec): number => {
    const v = o[key];
    if (typeof v === 'number' || typeof v === 'string') {
      const r = parseField(spec, String(v));
      if (r.ok) return r.value;
      errors.push(`${path}.${key}: ${r.reason}`);
    } else errors.push(`${path}.${key}: ${v === undefined ? 'missing' : `${show(v)} is not a number`}`);
    return spec.min;
  };

  const s = section('settings');
  unknown(s, 'settings.', [
    'mode',
    'op',
    'workload',
    'sizeBytes',
    'vms',
    'window',
    'seed',
    'speedNsPerSec',
    'params',
  ]);
  const mode = choice(s, 'settings', 'mode', MODES);
  const workload = choice(s, 'settings', 'workload', WORKLOADS);
  const settings: Settings = {
    mode,
    op: choice(s, 'settings', 'op', OPS),
    workload,
    sizeBytes: num(s, 'settings', 'sizeBytes', SIZE_FIELD),
    vms: num(s, 'settings', 'vms', VMS_FIELD),
    window: num(s, 'settings', 'window', WINDOW_FIELD),
    seed: num(s, 'settings', 'seed', SEED_FIELD),
    speedNsPerSec: num(s, 'settings', 'speedNsPerSec', SPEED_FIELD),
    params: readParams(s.params, errors),
  };
  if (workload === 'pktgen' && !MODE_DESCRIPTORS[mode].pktgen)
    errors.push(`settings.workload: pktgen runs on ${PKTGEN_MODES.join(', ')}, not ${mode}`);
  if (workload === 'pktgen' && !isPktgenFrame(settings.sizeBytes)) {
    const { min, max } = LIMITS.pktgenFrameBytes;
    errors.push(`settings.sizeBytes: a pktgen frame is ${min}–${max} B, not ${settings.sizeBytes}`);
  }

  const w = section('view');
  unknown(w, 'view.', ['tab', 'settingsOpen', 'timeNs', 'message']);
  if (typeof w.settingsOpen !== 'boolean')
    errors.push(
      `view.settingsOpen: ${w.settingsOpen === undefined ? 'missing' : `${show(w.settingsOpen)} is not true or false`}`,
    );
  const view: LinkView = {
    tab: choice(w, 'view', 'tab', CHART_TAB_KEYS),
    settingsOpen: w.settingsOpen === true,
    timeNs: num(w, 'view', 'timeNs', TIME_FIELD),
    message: w.message === null ? null : num(w, 'view', 'message', MESSAGE_FIELD),
  };

  const tour = readTour(json.tour, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, state: { settings, view }, tour };
}

function readParams(v: unknown, errors: string[]): Record<string, number> {
  if (v === undefined) return {};
  if (!isObj(v)) {
    errors.push(`settings.params: ${show(v)} is not an object of model constants`);
    return {};
  }
  const params: Record<string, number> = {};
  for (const [name, value] of Object.entries(v)) {
    const spec = paramField(name);
    if (!spec) errors.push(`settings.params.${clip(name)}: not a model constant`);
    else if (typeof value !== 'number' && typeof value !== 'string')
      errors.push(`settings.params.${name}: ${show(value)} is not a number`);
    else {
      const r = parseField(spec, String(value));
      if (r.ok) params[name] = r.value;
      else errors.push(`settings.params.${name}: ${r.reason}`);
    }
  }
  // Each in range, yet two may break a rule tying them (a CPU part above its whole): named by the model's words.
  if (Object.keys(params).length === Object.keys(v).length)
    for (const e of resolveParams(params).errors) errors.push(`settings.params.${e.name}: ${e.message}`);
  return params;
}

function readTour(v: unknown, errors: string[]): TourPlace | null {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) {
    errors.push(`tour: ${show(v)} is not null or { "step", "file" }`);
    return null;
  }
  const { step, file } = v;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 1)
    errors.push(`tour.step: ${show(step)} is not a step number (1, 2, …)`);
  if (typeof file !== 'string' || !isTourFile(file))
    errors.push(`tour.file: ${show(file)} is not a file in tours/ (tours/name.json)`);
  for (const k of Object.keys(v))
    if (k !== 'step' && k !== 'file')
      errors.push(`tour.${clip(k)}: not a field of a scenario file (known: step, file)`);
  return typeof step === 'number' && typeof file === 'string' ? { step, file } : null;
}
