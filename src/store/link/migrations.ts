import { LIMITS } from '../../model/limits.ts';
import { APP_MAX_SIZE_BYTES, formatLimit } from './fields.ts';

/** The link format this version writes (`v=2`). */
export const LINK_FORMAT_VERSION = 2;

/**
 * One upgrade of a link by one format version: it reads the query of version n and returns the
 * query as version n + 1 would have said it, with a note for anything it had to change.
 */
export type Migration = (q: URLSearchParams) => { query: URLSearchParams; notes: string[] };

/** Keys a v=1 link never carried and v=1 ignored: v=2 reads them, so an old link keeps its meaning without them. */
const KEYS_NEW_IN_V2 = ['tab', 'panel', 't', 'msg'];

/**
 * v=1 → v=2. v=2 adds the view (chart tab, settings panel, simulated time, selected message) and
 * limits sizes to what the app offers (its slider and the charts end at 4 MiB; v=1 took the model's
 * 64 MiB): a larger size becomes 4 MiB, said in a note.
 */
function v1ToV2(old: URLSearchParams): { query: URLSearchParams; notes: string[] } {
  const q = new URLSearchParams(old);
  const notes: string[] = [];
  for (const key of KEYS_NEW_IN_V2) {
    if (!q.has(key)) continue;
    notes.push(`${key}: not part of a v=1 link, ignored as v=1 ignored it.`);
    q.delete(key);
  }
  const size = q.get('size');
  // A size v=1 accepted (a whole number within the model's limit) but v=2 does not.
  if (size !== null && /^\d+$/.test(size)) {
    const bytes = Number(size);
    if (bytes > APP_MAX_SIZE_BYTES && bytes <= LIMITS.sizeBytes.max) {
      q.set('size', String(APP_MAX_SIZE_BYTES));
      notes.push(
        `size: ${size} came from a v=1 link, which went to ${formatLimit(LIMITS.sizeBytes.max, 'B')}; this version goes to ${formatLimit(APP_MAX_SIZE_BYTES, 'B')}: using ${formatLimit(APP_MAX_SIZE_BYTES, 'B')}.`,
      );
    }
  }
  q.set('v', '2');
  return { query: q, notes };
}

/** MIGRATIONS[i] upgrades a link of version i + 1 to version i + 2; one function per step. */
export const MIGRATIONS: readonly Migration[] = [v1ToV2];

/** Upgrades a query of version `from` to the current one, step by step, gathering the notes. */
export function migrate(q: URLSearchParams, from: number): { query: URLSearchParams; notes: string[] } {
  let query = q;
  const notes: string[] = [];
  for (let v = from; v < LINK_FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v - 1](query);
    query = step.query;
    notes.push(...step.notes);
  }
  return { query, notes };
}
