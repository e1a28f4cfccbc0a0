import { LIMITS } from './limits.ts';
import { RUN_MESSAGES } from './measure.ts';
import { MODE_DESCRIPTORS, PKTGEN_MODES } from './modes.ts';
import { MODES, OPS, WORKLOADS, type Scenario } from './types.ts';
import { checkParam } from './validate.ts';

/** Measured messages per pair when none are given (the same at every size; see measure.ts). */
export function defaultMessages(workload: Scenario['workload']): number {
  return RUN_MESSAGES[workload];
}

export interface ScenarioError {
  readonly field: string;
  readonly message: string;
}

function intIn(field: string, value: number, min: number, max: number, unit: string): ScenarioError | null {
  if (!Number.isInteger(value))
    return { field, message: `${field} must be a whole number of ${unit}, got ${value}` };
  if (value < min || value > max)
    return { field, message: `${field} = ${value} is outside ${min}–${max} ${unit}` };
  return null;
}

/** Every problem of a scenario, each naming the field and the allowed values. */
export function validateScenario(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const push = (e: ScenarioError | null) => e && errors.push(e);
  if (!MODES.includes(s.mode))
    push({ field: 'mode', message: `unknown mode "${s.mode}"; allowed: ${MODES.join(', ')}` });
  if (!WORKLOADS.includes(s.workload)) {
    push({
      field: 'workload',
      message: `unknown workload "${s.workload}"; allowed: ${WORKLOADS.join(', ')}`,
    });
  }
  if (!OPS.includes(s.op)) push({ field: 'op', message: `unknown op "${s.op}"; allowed: ${OPS.join(', ')}` });
  if (s.workload === 'pktgen') {
    if (MODES.includes(s.mode) && !MODE_DESCRIPTORS[s.mode].pktgen) {
      push({
        field: 'workload',
        message: `pktgen runs on ${PKTGEN_MODES.join(', ')} (the poster's pktgen figure), not on ${s.mode}`,
      });
    }
    push(
      intIn(
        'size',
        s.sizeBytes,
        LIMITS.pktgenFrameBytes.min,
        LIMITS.pktgenFrameBytes.max,
        'bytes (pktgen frame)',
      ),
    );
  } else {
    push(intIn('size', s.sizeBytes, LIMITS.sizeBytes.min, LIMITS.sizeBytes.max, 'bytes'));
  }
  push(intIn('pairs', s.pairs, LIMITS.pairs.min, LIMITS.pairs.max, 'VM pairs'));
  // errors.length === 0: the mode is known.
  if (errors.length === 0 && !MODE_DESCRIPTORS[s.mode].hasVms && s.pairs !== 1) {
    push({ field: 'pairs', message: `${s.mode} has no VMs: pairs must be 1` });
  }
  push(intIn('window', s.window, LIMITS.window.min, LIMITS.window.max, 'messages'));
  push(intIn('messages', s.messages, LIMITS.messages.min, LIMITS.messages.max, 'messages'));
  push(intIn('seed', s.seed, LIMITS.seed.min, LIMITS.seed.max, ''));
  for (const [name, value] of Object.entries(s.params)) {
    const message = checkParam(name, value);
    if (message) errors.push({ field: name, message });
  }
  return errors;
}
