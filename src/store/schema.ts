/** The model's parameter schema and limits, for the controls (pure data, read-only). */
export { PARAMS, PARAM_BY_NAME, CALIBRATIONS, type ParamSpec } from '../model/params.ts';
export { checkParam } from '../model/validate.ts';
export { LIMITS, PKTGEN_MODES } from '../model/scenario.ts';
export { MODES, OPS, WORKLOADS } from '../model/types.ts';
export { DOMAINS, CATEGORIES } from '../model/categories.ts';
