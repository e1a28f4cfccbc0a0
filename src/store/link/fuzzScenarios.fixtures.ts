import { DEFAULT_SETTINGS } from '../settings.ts';
import { DEFAULT_VIEW } from './linkState.ts';
import type { ScenarioCase } from './fuzzScenarios.ts';

/**
 * Scenario files the fuzz test (fuzzScenarios.test.ts, seed 20261202) found read wrong, one of each
 * kind, kept as regressions. `bad` lists the paths a correct reader names.
 */
const settings = (extra = '') =>
  `{"mode":"pv-tcp","op":"write","workload":"pingpong","sizeBytes":64,"vms":1,"window":8,"seed":1,"speedNsPerSec":10000${extra}}`;
const view = '{"tab":"cpu","settingsOpen":false,"timeNs":0,"message":null}';
const file = (s: string, rest = '') =>
  `{"format":"xen-hpc-io-scenario","v":2,"settings":${s},"view":${view},"tour":null${rest}}`;
const intended = {
  settings: { ...DEFAULT_SETTINGS, mode: 'pv-tcp' as const },
  view: DEFAULT_VIEW,
  tour: null,
};
const LONG = 'x'.repeat(100_000);

function scenario(text: string, bad: string[], decisive: string | null = null): ScenarioCase {
  return { text, bad, decisive, intended, strings: [LONG] };
}

export const SCENARIO_REGRESSIONS: readonly ScenarioCase[] = [
  // The good file itself opens as written.
  scenario(file(settings()), []),
  // A field given twice: JSON.parse kept the last (16 VMs) in silence.
  scenario(file(settings(',"vms":16')), ['settings.vms'], 'settings.vms'),
  scenario(`{"v":3,${file(settings()).slice(1)}`, ['v'], 'v'),
  // Constants each in range that break a rule between them opened a run the model refuses.
  scenario(file(settings(',"params":{"wakeThreadUs":1.5}')), ['settings.params']),
  scenario(file(settings(',"params":{"vcpuWakeUs":2,"vcpuWakeCpuUs":4}')), ['settings.params']),
  // Unknown fields with 100 KB names were quoted whole.
  scenario(file(settings(), `,"${LONG}":8`), [LONG]),
  scenario(file(settings(`,"${LONG}":8`)), [`settings.${LONG}`]),
  scenario(file(settings(`,"params":{"${LONG}":8}`)), [`settings.params.${LONG}`]),
];
