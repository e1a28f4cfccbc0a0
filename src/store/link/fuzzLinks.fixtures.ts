import type { LinkCase, LinkEntry } from './fuzzLinks.ts';

/**
 * Links the fuzz test (fuzzLinks.test.ts, seed 20261202) found read wrong, one of each kind, kept
 * as regressions: each entry says what a correct reader makes of it (null: refused and named).
 */
function link(...entries: [key: string, value: string, expect?: LinkEntry['expect']][]): LinkCase {
  const q = new URLSearchParams();
  for (const [k, v] of entries) q.append(k, v);
  return {
    search: `?${q.toString()}`,
    entries: entries.map(([key, value, expect]) => ({ key, value, expect })),
  };
}

const HUGE = '1'.repeat(100_000);

export const LINK_REGRESSIONS: readonly LinkCase[] = [
  // Keys the app does not read were dropped without a word (the command line's names among them).
  link(['pairs', '8'], ['size', '64', 64]),
  link(['foo', '1'], ['Size', '4K'], ['<img src=x onerror=alert(1)>', '8']),
  link(['x'.repeat(100_000), '8']),
  // A key given twice quoted both the key and the value whole (100 KB back in the notice).
  link(['mode', HUGE, null], ['mode', 'pv-tcp']),
  // v=1 upgraded the link before repeats were counted: the second `v` vanished unnamed.
  link(['v', '1'], ['v', '2'], ['size', '64', 64]),
  // Unknown versions, tour steps and tour files were quoted whole.
  link(['v', 'a'.repeat(100_000)]),
  link(['tour', `1.${HUGE}`]),
  link(['tourfile', HUGE]),
  // A double hid what the link said: not whole, or not zero, yet applied as if it were.
  link(['size', '64.000000000000001', null]),
  link(['seed', '4294967295.0000001', null]),
  link(['t', '1e-400', null]),
  link(['msg', `0.${'0'.repeat(400)}1`, null]),
  link(['window', '64.000000000000001', null]),
  link(['p.coalUs', '1e-400', null]),
  // Each in range, together against the model's rule (a CPU part above its whole): the run refused to build.
  link(['p.wakeThreadUs', '1.5', null]),
  link(['p.vcpuWakeUs', '2', null], ['p.vcpuWakeCpuUs', '4', null], ['mode', 'pv-tcp', 'pv-tcp']),
];
