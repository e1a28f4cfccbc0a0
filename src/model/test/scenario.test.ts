import { describe, expect, it } from 'vitest';
import { PARAMS, defaultParams, type ParamSpec } from '../params.ts';
import { validateScenario } from '../scenario.ts';
import { ScenarioInvalid, runScenario } from '../run.ts';
import { resolveParams } from '../validate.ts';
import { scenario } from './helpers.ts';

describe('the parameter schema', () => {
  it('every parameter has a unit, a source, and a default inside its range', () => {
    for (const p of PARAMS as readonly ParamSpec[]) {
      expect(p.unit.length, p.name).toBeGreaterThan(0);
      expect(p.source.length, p.name).toBeGreaterThan(0);
      expect(p.default, p.name).toBeGreaterThanOrEqual(p.min);
      expect(p.default, p.name).toBeLessThanOrEqual(p.max);
      if (p.integer) expect(Number.isInteger(p.default), p.name).toBe(true);
    }
    expect(new Set(PARAMS.map((p) => p.name)).size).toBe(PARAMS.length);
  });

  it('rejects unknown names and out-of-range values with a message naming the allowed range', () => {
    const { params, errors } = resolveParams({ coalUs: 500, nope: 1, dom0Vcpus: 2.5, hcallUs: 0.5 });
    expect(errors.map((e) => e.name).sort()).toEqual(['coalUs', 'dom0Vcpus', 'nope']);
    expect(errors.find((e) => e.name === 'coalUs')!.message).toMatch(/0–100 µs/);
    expect(params.coalUs).toBe(defaultParams().coalUs); // the bad value is not applied
    expect(params.hcallUs).toBe(0.5); // the good one is
  });

  it('checks rules that tie two parameters', () => {
    const { errors } = resolveParams({ vcpuWakeUs: 2, vcpuWakeCpuUs: 3 });
    expect(errors[0].message).toMatch(/cannot exceed/);
  });
});

describe('scenario validation', () => {
  it('accepts the defaults', () => {
    expect(validateScenario(scenario({}))).toEqual([]);
  });

  it.each([
    [{ mode: 'nope' as never }, 'mode', /allowed: native, dom0, pv-tcp/],
    [
      { workload: 'pktgen' as const, mode: 'zero-copy' as const, sizeBytes: 1514 },
      'workload',
      /pktgen runs on native, dom0, pv-tcp/,
    ],
    [{ sizeBytes: 0 }, 'size', /outside 1–67108864 bytes/],
    [{ pairs: 17, mode: 'pv-tcp' as const }, 'pairs', /outside 1–16/],
    [{ window: 0 }, 'window', /outside 1–256/],
    [{ messages: 2.5 }, 'messages', /whole number/],
    [{ mode: 'native' as const, pairs: 2 }, 'pairs', /native has no VMs/],
  ])('%o is refused on %s', (over, field, message) => {
    const errors = validateScenario(scenario(over));
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors.find((e) => e.field === field)!.message).toMatch(message);
  });

  it('a run of an invalid scenario throws with every problem listed', () => {
    expect(() => runScenario(scenario({ window: 0, params: { coalUs: -1 } }))).toThrow(ScenarioInvalid);
  });
});
