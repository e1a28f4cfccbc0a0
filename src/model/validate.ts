import { PARAM_BY_NAME, PARAMS, defaultParams, type Params } from './params.ts';

export interface ParamError {
  readonly name: string;
  readonly message: string;
}

/** Checks one value against its spec; returns a message naming the allowed values, or null. */
export function checkParam(name: string, value: number): string | null {
  const spec = PARAM_BY_NAME.get(name);
  if (!spec) {
    return `unknown parameter "${name}"; known: ${PARAMS.map((p) => p.name).join(', ')}`;
  }
  if (!Number.isFinite(value)) return `${name} must be a number (${spec.unit}), got ${value}`;
  if (spec.integer && !Number.isInteger(value))
    return `${name} must be a whole number of ${spec.unit}, got ${value}`;
  if (value < spec.min || value > spec.max) {
    return `${name} = ${value} ${spec.unit} is outside the allowed range ${spec.min}–${spec.max} ${spec.unit}`;
  }
  return null;
}

/** Rules that tie two parameters together. */
function crossChecks(p: Params): ParamError[] {
  const errors: ParamError[] = [];
  if (p.vcpuWakeCpuUs > p.vcpuWakeUs) {
    errors.push({
      name: 'vcpuWakeCpuUs',
      message: `vcpuWakeCpuUs (${p.vcpuWakeCpuUs} µs) cannot exceed vcpuWakeUs (${p.vcpuWakeUs} µs)`,
    });
  }
  if (p.wakeThreadCpuUs > p.wakeThreadUs) {
    errors.push({
      name: 'wakeThreadCpuUs',
      message: `wakeThreadCpuUs (${p.wakeThreadCpuUs} µs) cannot exceed wakeThreadUs (${p.wakeThreadUs} µs)`,
    });
  }
  return errors;
}

/** The defaults with `changes` applied; every bad change is reported and left at its default. */
export function resolveParams(changes: Record<string, number>): { params: Params; errors: ParamError[] } {
  const params = defaultParams();
  const errors: ParamError[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const message = checkParam(name, value);
    if (message) errors.push({ name, message });
    else params[name as keyof Params] = value;
  }
  for (const e of crossChecks(params)) {
    errors.push(e);
    params[e.name as keyof Params] = PARAM_BY_NAME.get(e.name)!.default;
  }
  return { params, errors };
}

/** The entries of `params` that differ from their defaults. */
export function changedParams(params: Params): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of PARAMS) if (params[spec.name] !== spec.default) out[spec.name] = params[spec.name];
  return out;
}
