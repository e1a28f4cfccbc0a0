import { MODE_DESCRIPTORS } from '../model/modes.ts';
import { resolveParams } from '../model/validate.ts';
import { FRAME_FIELD, SEED_FIELD, SIZE_FIELD, VMS_FIELD, WINDOW_FIELD, checkField } from './link/fields.ts';
import type { Settings } from './settings.ts';

/** What is wrong with a set of settings, by the field that holds it (`size`, `vms`, a constant's name). */
export interface SettingsProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Every problem a run of these settings would have, found before any of it takes effect: the
 * fields' ranges as the link and the typed fields read them (store/link/fields.ts, from the model's
 * limits), pktgen's modes from the mode descriptors, and the model constants, ranges and
 * cross-field rules alike, from the model's own `resolveParams` (src/model/validate.ts).
 */
export function settingsProblems(s: Settings): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  const check = (field: string, message: string | null) => message && out.push({ field, message });
  const pktgen = s.workload === 'pktgen';
  if (pktgen && !MODE_DESCRIPTORS[s.mode].pktgen)
    check('workload', `pktgen does not run on ${MODE_DESCRIPTORS[s.mode].label}`);
  check('size', checkField(pktgen ? FRAME_FIELD : SIZE_FIELD, s.sizeBytes));
  check('vms', checkField(VMS_FIELD, s.vms));
  check('window', checkField(WINDOW_FIELD, s.window));
  check('seed', checkField(SEED_FIELD, s.seed));
  for (const e of resolveParams({ ...s.params }).errors) check(e.name, e.message);
  return out;
}

/**
 * Why setting the constant `name` to `value` would be refused, or null: its range, and any rule
 * tying it to another constant that the change would break ("wakeThreadCpuUs (2 µs) cannot exceed
 * wakeThreadUs (1.5 µs)"), so the message can sit beside the field being typed in.
 */
export function paramChangeProblem(params: Settings['params'], name: string, value: number): string | null {
  const before = new Set(resolveParams({ ...params }).errors.map((e) => e.message));
  const after = resolveParams({ ...params, [name]: value }).errors;
  return after.find((e) => !before.has(e.message))?.message ?? null;
}
