import { PKTGEN_MODES } from '../../model/modes.ts';
import { PARAMS } from '../../model/params.ts';
import { MODES, OPS, WORKLOADS } from '../../model/types.ts';
import { CHART_TAB_KEYS } from '../appStore.ts';
import {
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

/**
 * Generated links for the fuzz tests: known keys with good and bad values, unknown keys (the command
 * line's names among them), repeated keys, hostile texts. Each entry says what a correct reader
 * makes of it (`expect`): the value, or null when the value must be refused and the key named.
 */
export interface LinkEntry {
  readonly key: string;
  readonly value: string;
  /** The value this entry must decode to; null: refused, and the key named; undefined: no claim (a repeat, an unknown key). */
  readonly expect?: string | number | boolean | null;
}

export interface LinkCase {
  /** `?k=v&…`, as a browser's address bar holds it. */
  readonly search: string;
  readonly entries: readonly LinkEntry[];
}

/** Number keys of a link and their fields (`p.<name>` are added from the schema). */
export const NUMBER_KEYS: Readonly<Record<string, FieldSpec>> = {
  size: SIZE_FIELD,
  vms: VMS_FIELD,
  window: WINDOW_FIELD,
  seed: SEED_FIELD,
  speed: SPEED_FIELD,
  t: TIME_FIELD,
  msg: MESSAGE_FIELD,
};
export const CHOICE_KEYS: Readonly<Record<string, readonly string[]>> = {
  mode: MODES,
  op: OPS,
  workload: WORKLOADS,
  tab: CHART_TAB_KEYS,
};

/** Names a link does not know: the command line's flags, near misses, markup, prototype names. */
export const UNKNOWN_KEYS: readonly string[] = [
  'pairs',
  'messages',
  'sizes',
  'set',
  'calibration',
  'json',
  'csv',
  '--mode',
  'Size',
  'MODE',
  ' size',
  'size ',
  'foo',
  'p.',
  'p.nope',
  'p.coalus',
  'p.__proto__',
  '__proto__',
  'constructor',
  'toString',
  '',
  '大小',
  '<script>',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  'x'.repeat(100_000),
];
/** An unknown key: the 100 KB one rarely (it is costly to read), the rest alike. */
const unknownKey = (r: Rand) =>
  chance(r, 0.03) ? UNKNOWN_KEYS[UNKNOWN_KEYS.length - 1] : pick(r, UNKNOWN_KEYS.slice(0, -1));

export interface LinkOptions {
  /** For a real page: no `embed`/`view` (a slide's page has no diagram), times ≤ 1 ms, tour files that exist. */
  readonly browser?: boolean;
}

function numberEntry(r: Rand, key: string, spec: FieldSpec, browser: boolean): LinkEntry {
  if (chance(r, 0.55)) {
    // Opening replays the run to `t`: a real page gets short times, so each link opens quickly.
    const s = browser && key === 't' ? { ...spec, max: 1_000_000 } : spec;
    const v = validText(r, s);
    return { key, value: v.text, expect: v.value };
  }
  const b = badText(r, spec);
  return { key, value: b.text, expect: b.value };
}

function choiceEntry(r: Rand, key: string, allowed: readonly string[]): LinkEntry {
  if (chance(r, 0.6)) {
    const v = pick(r, allowed);
    return { key, value: v, expect: v };
  }
  const bad = chance(r, 0.3) ? pick(r, allowed).toUpperCase() : hostileText(r);
  return { key, value: bad, expect: allowed.includes(bad) ? bad : null };
}

/** One entry of a known key other than a number or a choice: version, panel, view flags, tour. */
function otherEntry(r: Rand, browser: boolean): LinkEntry {
  const key = pick(
    r,
    browser
      ? ['v', 'panel', 'presenter', 'tour', 'tourfile']
      : ['v', 'panel', 'presenter', 'tour', 'tourfile', 'embed', 'view', 'ab'],
  );
  const good: Record<string, readonly string[]> = {
    v: ['2', '1'],
    panel: ['settings'],
    presenter: ['1', '0'],
    tour: ['1', '4', '12'],
    tourfile: ['tours/poster.json'],
    embed: ['1', '0'],
    view: ['diagram', 'cpu', 'journey'],
    ab: ['mode=pv-tcp&size=64', 'mode=zero-copy&workload=stream&size=64K&p.coalUs=10'],
  };
  if (chance(r, 0.5)) return { key, value: pick(r, good[key]) };
  const bad = chance(r, 0.3)
    ? pick(r, [
        '3',
        '0',
        '02',
        'settings,',
        'settings,x',
        'yes',
        'tours/../x.json',
        'https://evil.example/t.json',
        '-1',
        '2.5',
      ])
    : hostileText(r);
  return { key, value: bad };
}

/** A generated link: 0–14 entries, known and unknown keys, some repeated, values good and bad. */
export function generateLink(r: Rand, options: LinkOptions = {}): LinkCase {
  const browser = options.browser ?? false;
  const entries: LinkEntry[] = [];
  const paramNames = PARAMS.map((p) => p.name);
  for (let n = int(r, 0, 14); n > 0; n--) {
    const kind = int(r, 0, 9);
    if (kind <= 3) {
      const key = pick(r, Object.keys(NUMBER_KEYS));
      entries.push(numberEntry(r, key, NUMBER_KEYS[key], browser));
    } else if (kind <= 5) {
      const name = pick(r, paramNames);
      entries.push(numberEntry(r, `p.${name}`, paramField(name)!, browser));
    } else if (kind <= 7) {
      const key = pick(r, Object.keys(CHOICE_KEYS));
      entries.push(choiceEntry(r, key, CHOICE_KEYS[key]));
    } else if (kind === 8) entries.push(otherEntry(r, browser));
    else entries.push({ key: unknownKey(r), value: chance(r, 0.5) ? '8' : hostileText(r) });
  }
  // pktgen wants a pktgen mode and a frame: some links get a consistent pair, others keep the clash.
  if (chance(r, 0.1)) {
    entries.push({ key: 'workload', value: 'pktgen', expect: 'pktgen' });
    entries.push({ key: 'mode', value: pick(r, PKTGEN_MODES), expect: undefined });
  }
  // A repeat: the same key again, with the same value or another.
  if (entries.length > 0 && chance(r, 0.2)) {
    const e = pick(r, entries);
    entries.splice(int(r, 0, entries.length), 0, { key: e.key, value: chance(r, 0.5) ? e.value : '8' });
  }
  // A repeat comes after the first, which is what is read: only the first occurrence carries a claim.
  const seen = new Set<string>();
  const claimed = entries.map((e) => {
    const first = !seen.has(e.key);
    seen.add(e.key);
    return first ? e : { key: e.key, value: e.value };
  });
  const q = new URLSearchParams();
  for (const e of claimed) q.append(e.key, e.value);
  return { search: `?${q.toString()}`, entries: claimed };
}
