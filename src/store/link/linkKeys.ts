import { resolveParams } from '../../model/validate.ts';
import {
  MESSAGE_FIELD,
  SEED_FIELD,
  SIZE_FIELD,
  SPEED_FIELD,
  TIME_FIELD,
  VMS_FIELD,
  WINDOW_FIELD,
  clip,
} from './fields.ts';

export { clip, QUOTE_MAX_CHARS } from './fields.ts';

/**
 * The keys a link may hold (docs/scenario-file.md, "The link"), and the checks that make every key
 * and value of a link either read or named: a key the app does not read, a view flag with a value
 * it ignores, constants that break a rule tying them together. Nothing is dropped in silence.
 */
export const LINK_KEYS: readonly string[] = [
  'v',
  'mode',
  'op',
  'workload',
  SIZE_FIELD.key,
  VMS_FIELD.key,
  WINDOW_FIELD.key,
  SEED_FIELD.key,
  SPEED_FIELD.key,
  'tab',
  'panel',
  // The pinned scenario of the A/B comparison (linkState.ts).
  'ab',
  TIME_FIELD.key,
  MESSAGE_FIELD.key,
  // Read by the tour (tour=N, tourfile), presenter mode and embedding (embed=1&view=…).
  'tour',
  'tourfile',
  'presenter',
  'embed',
  'view',
];

/** The command line's flags that a link spells otherwise, so the message can say which key it is. */
const CLI_NAMES: Readonly<Record<string, string>> = {
  pairs: 'vms',
  sizes: 'size',
  set: 'p.<name>',
};

/** A key as a message names it (an empty key has no name to show). */
function keyName(key: string): string {
  return key === '' ? '(a key with no name)' : clip(key);
}

/**
 * Problems with the keys of `q` that no field reads: unknown keys (model constants are checked
 * where they are read), and the view flags' values the page would ignore.
 */
export function otherKeyProblems(q: URLSearchParams): string[] {
  const problems: string[] = [];
  const reported = new Set<string>();
  for (const [key] of q) {
    if (reported.has(key) || key.startsWith('p.') || LINK_KEYS.includes(key)) continue;
    reported.add(key);
    const cli = Object.hasOwn(CLI_NAMES, key)
      ? ` (the command line's --${key} is ${CLI_NAMES[key]} here)`
      : '';
    problems.push(`${keyName(key)}: not a key of a link${cli}; ignored.`);
  }
  const flag = (key: string, allowed: readonly string[]) => {
    const raw = q.get(key);
    if (raw !== null && !allowed.includes(raw))
      problems.push(`${key}: "${clip(raw)}" is not ${allowed.join(' or ')}; ignored.`);
  };
  flag('presenter', ['1', '0']);
  flag('embed', ['1', '0']);
  if (q.has('view') && q.get('embed') !== '1')
    problems.push('view: only read with embed=1 (a view alone, for a slide); ignored.');
  return problems;
}

/**
 * Constants that are each within range but break a rule tying two of them ("wakeThreadCpuUs (2 µs)
 * cannot exceed wakeThreadUs (1.5 µs)"): the link's constants named in the rule are dropped, with
 * the rule's words, so the link opens a run the model accepts.
 */
export function crossFieldProblems(params: Record<string, number>): {
  params: Record<string, number>;
  problems: string[];
} {
  const kept = { ...params };
  const problems: string[] = [];
  for (const e of resolveParams(kept).errors) {
    const involved = Object.keys(kept).filter((name) => new RegExp(`\\b${name}\\b`).test(e.message));
    if (involved.length === 0) continue;
    for (const name of involved) delete kept[name];
    problems.push(`${involved.map((n) => `p.${n}`).join(', ')}: ${e.message} (using the defaults).`);
  }
  return { params: kept, problems };
}
