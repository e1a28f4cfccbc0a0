import { MODE_DESCRIPTORS, PKTGEN_MODES } from '../../model/modes.ts';
import { PARAMS } from '../../model/params.ts';
import { MODES, OPS, WORKLOADS } from '../../model/types.ts';
import { resolveParams } from '../../model/validate.ts';
import { CHART_TAB_KEYS } from '../appStore.ts';
import type { Settings } from '../settings.ts';
import {
  FRAME_FIELD,
  MESSAGE_FIELD,
  SEED_FIELD,
  SIZE_FIELD,
  SPEED_FIELD,
  TIME_FIELD,
  VMS_FIELD,
  WINDOW_FIELD,
  paramField,
  type FieldSpec,
} from './fields.ts';
import { badText, chance, hostileText, int, pick, validText, type Rand } from './fuzzValues.ts';
import type { LinkView } from './linkState.ts';
import { SCENARIO_FORMAT, type TourPlace } from './scenarioFile.ts';

/**
 * Generated scenario files for the fuzz tests: a valid file, then none or a few faults, each
 * recorded by the path a correct reader must name (`settings.sizeBytes`). A file with no fault
 * must open exactly `intended`.
 */
export interface ScenarioCase {
  readonly text: string;
  /** Paths of the faults; empty: the file is good and opens `intended`. */
  readonly bad: readonly string[];
  readonly intended: { settings: Settings; view: LinkView; tour: TourPlace | null };
  /**
   * The fault that alone must be named, being read first: the text is not JSON (''), a field given
   * twice, the format, the version. Null: every path in `bad` must be named.
   */
  readonly decisive: string | null;
  /** Every string the file holds (keys and values), to check that no message quotes one at length. */
  readonly strings: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A number field's value in a file: a JSON number, or a string with a unit as the link writes it. */
function numberValue(r: Rand, spec: FieldSpec): { json: Json; value: number } {
  const v = validText(r, spec);
  return { json: chance(r, 0.7) ? v.value : v.text, value: v.value };
}

const NUMBER_FIELDS: Readonly<Record<string, FieldSpec>> = {
  vms: VMS_FIELD,
  window: WINDOW_FIELD,
  seed: SEED_FIELD,
  speedNsPerSec: SPEED_FIELD,
};

export function generateScenario(r: Rand): ScenarioCase {
  const bad: string[] = [];
  const strings: string[] = [];
  let mode = pick(r, MODES);
  const workload = pick(r, WORKLOADS);
  if (workload === 'pktgen' && !MODE_DESCRIPTORS[mode].pktgen) mode = pick(r, PKTGEN_MODES);
  const op = pick(r, OPS);
  const sizeSpec = workload === 'pktgen' ? FRAME_FIELD : SIZE_FIELD;
  const size = numberValue(r, sizeSpec);
  const settingsJson: { [k: string]: Json } = { mode, op, workload, sizeBytes: size.json };
  const settings: { -readonly [K in keyof Settings]: Settings[K] } = {
    mode,
    op,
    workload,
    sizeBytes: size.value,
    vms: 0,
    window: 0,
    seed: 0,
    speedNsPerSec: 0,
    params: {},
  };
  for (const [key, spec] of Object.entries(NUMBER_FIELDS)) {
    const v = numberValue(r, spec);
    settingsJson[key] = v.json;
    (settings as Record<string, unknown>)[key] = v.value;
  }
  const paramsJson: { [k: string]: Json } = {};
  const params: Record<string, number> = {};
  for (let n = int(r, 0, 3); n > 0; n--) {
    const name = pick(r, PARAMS).name;
    const v = numberValue(r, paramField(name)!);
    paramsJson[name] = v.json;
    params[name] = v.value;
  }
  if (Object.keys(paramsJson).length > 0 || chance(r, 0.5)) settingsJson.params = paramsJson;
  settings.params = params;

  const message = chance(r, 0.5) ? null : numberValue(r, MESSAGE_FIELD);
  const time = numberValue(r, TIME_FIELD);
  const view: LinkView = {
    tab: pick(r, CHART_TAB_KEYS),
    settingsOpen: chance(r, 0.5),
    timeNs: time.value,
    message: message?.value ?? null,
  };
  const viewJson: { [k: string]: Json } = { ...view, timeNs: time.json, message: message?.json ?? null };
  const tour: TourPlace | null = chance(r, 0.7) ? null : { step: int(r, 1, 12), file: 'tours/poster.json' };
  const root: { [k: string]: Json } = {
    format: SCENARIO_FORMAT,
    v: 2,
    settings: settingsJson,
    view: viewJson,
    tour: tour && { ...tour },
  };
  // Constants drawn one by one may break a rule between two of them: a fault like any other.
  if (resolveParams(params).errors.length > 0) bad.push('settings.params');
  let duplicate: { section: string; key: string; value: string } | null = null;
  let textOverride: string | null = null;

  // Faults: each sets a path a reader must name.
  for (let n = chance(r, 0.35) ? 0 : int(r, 1, 3); n > 0; n--) {
    const kind = int(r, 0, 11);
    const strange = (): Json => pick(r, [true, null, {}, [], Number.NaN, hostileText(r), -1, 1e21] as Json[]);
    if (kind <= 2) {
      const key = pick(r, ['sizeBytes', ...Object.keys(NUMBER_FIELDS)]);
      const spec = key === 'sizeBytes' ? sizeSpec : NUMBER_FIELDS[key];
      const b = badText(r, spec);
      if (b.value !== null) continue; // a text that happens to be valid is no fault
      settingsJson[key] = chance(r, 0.2) ? strange() : b.text;
      if (
        typeof settingsJson[key] === 'number' &&
        spec.min <= (settingsJson[key] as number) &&
        (settingsJson[key] as number) <= spec.max &&
        Number.isInteger(settingsJson[key])
      )
        continue;
      bad.push(`settings.${key}`);
    } else if (kind === 3) {
      const key = pick(r, ['mode', 'op', 'workload']);
      settingsJson[key] = pick(r, ['warp', 'PV-TCP', '', 7, hostileText(r)] as Json[]);
      bad.push(`settings.${key}`);
    } else if (kind === 4) {
      const [section, path] = pick(r, [
        [root, ''],
        [settingsJson, 'settings.'],
        [viewJson, 'view.'],
        [paramsJson, 'settings.params.'],
      ] as const);
      const key = pick(r, [
        'pairs',
        'extra',
        'Mode',
        '__proto__',
        'constructor',
        '<script>',
        'x'.repeat(100_000),
        hostileText(r),
      ]);
      if (Object.hasOwn(section, key) || (path === 'settings.params.' && !('params' in settingsJson)))
        continue;
      // An own field even for `__proto__` (an assignment would set the prototype instead).
      Object.defineProperty(section, key, { value: 8, enumerable: true, writable: true, configurable: true });
      bad.push(`${path}${key}`);
    } else if (kind === 5) {
      const key = pick(r, ['mode', 'vms', 'sizeBytes', 'seed']);
      delete settingsJson[key];
      bad.push(`settings.${key}`);
    } else if (kind === 6) {
      viewJson.settingsOpen = pick(r, ['yes', 1, null, 'true'] as Json[]);
      bad.push('view.settingsOpen');
    } else if (kind === 7) {
      viewJson.message = pick(r, [-1, 2.5, 'abc', 1e21, true, '1e309'] as Json[]);
      bad.push('view.message');
    } else if (kind === 8) {
      root.tour = pick(r, [
        { step: 0, file: 'tours/poster.json' },
        { step: 1, file: 'https://evil.example/t.json' },
        'tours/poster.json',
        4,
      ] as Json[]);
      bad.push('tour');
    } else if (kind === 9 && duplicate === null) {
      const [section, key, value] = pick(r, [
        ['settings', 'vms', '16'],
        ['view', 'tab', '"cpu"'],
        ['', 'v', '2'],
        ['settings', 'mode', '"native"'],
      ] as const);
      duplicate = { section, key, value };
    } else if (kind === 10) {
      // Each in range, together breaking a rule between two constants (the CPU part ≤ the whole).
      const [whole, part] = pick(r, [
        [
          ['wakeThreadUs', 1.5],
          ['wakeThreadCpuUs', 3],
        ],
        [
          ['vcpuWakeUs', 2],
          ['vcpuWakeCpuUs', 4],
        ],
      ] as const);
      paramsJson[whole[0]] = whole[1];
      paramsJson[part[0]] = part[1];
      settingsJson.params = paramsJson;
      bad.push('settings.params');
    } else {
      const [path, value] = pick(r, [
        ['format', 'xen-hpc-io'],
        ['v', 3],
        ['v', '2'],
        ['settings', []],
        ['view', 'x'],
        ['settings.params', 5],
      ] as const);
      if (path === 'format' || path === 'v') root[path] = value as Json;
      else if (path === 'settings.params') settingsJson.params = value as Json;
      else root[path] = value as Json;
      bad.push(path);
    }
  }
  if (chance(r, 0.02)) {
    textOverride = pick(r, ['', '[]', 'null', '"x"', '{', '{"format":', '<html>', 'a'.repeat(100_000)]);
    bad.push('');
  }
  let text = textOverride ?? JSON.stringify(root, null, chance(r, 0.5) ? 2 : undefined);
  const sections: Record<string, { [k: string]: Json }> = {
    '': root,
    settings: settingsJson,
    view: viewJson,
  };
  // A field deleted by another fault is given once, not twice.
  if (duplicate && !Object.hasOwn(sections[duplicate.section], duplicate.key)) duplicate = null;
  if (duplicate && textOverride === null) {
    const opener = duplicate.section === '' ? /^\{/ : new RegExp(`"${duplicate.section}":\\s*\\{`);
    const before = text;
    const { key, value } = duplicate;
    text = text.replace(opener, (m) => `${m}"${key}": ${value},`);
    // A section that is no longer an object has no field to repeat.
    if (text === before) duplicate = null;
  }
  const dupPath =
    duplicate && (duplicate.section === '' ? duplicate.key : `${duplicate.section}.${duplicate.key}`);
  const decisive =
    textOverride !== null
      ? ''
      : (dupPath ?? (bad.includes('format') ? 'format' : bad.includes('v') ? 'v' : null));
  const collect = (j: Json) => {
    if (typeof j === 'string') strings.push(j);
    else if (Array.isArray(j)) j.forEach(collect);
    else if (j && typeof j === 'object')
      for (const [k, v] of Object.entries(j)) {
        strings.push(k);
        collect(v);
      }
  };
  collect(root);
  if (textOverride) strings.push(textOverride);
  if (dupPath) bad.push(dupPath);
  return { text, bad, decisive, intended: { settings, view, tour }, strings };
}
