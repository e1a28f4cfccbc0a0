import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAM_BY_NAME } from '../../model/params.ts';
import { checkParam } from '../../model/validate.ts';
import { decodeLink } from '../urlState.ts';
import {
  SEED_FIELD,
  SIZE_FIELD,
  VMS_FIELD,
  fieldValidator,
  formatRange,
  parseField,
  paramField,
  type FieldSpec,
} from './fields.ts';
import { parseQuantity } from './quantity.ts';

/** What a typed field does with a text: NumberField's default parse, then the field's validator. */
function typedField(text: string, unit: string, validate: (v: number) => string | null) {
  const p = parseQuantity(text, unit);
  if (!p.ok) return { ok: false as const, error: p.error };
  const problem = validate(p.value);
  return problem === null ? { ok: true as const, value: p.value } : { ok: false as const, error: problem };
}

/** What the link does with `key=text`: the value it applied, or its problem. */
function linked(key: string, text: string) {
  const d = decodeLink(`?${new URLSearchParams({ v: '2', [key]: text })}`);
  return d.problems;
}

const TEXTS = [
  '64',
  '64B',
  '64K',
  '64k',
  '64KiB',
  '64KB',
  '1M',
  '1MiB',
  '1.5e3',
  '1.5K',
  '4M',
  '4MiB',
  '4194304',
  '4194305',
  '5000000',
  '1e309',
  '0x10',
  '0b11',
  '',
  ' ',
  'Infinity',
  'NaN',
  '-1',
  '0',
  '1.3K',
  '2.5',
  '1,000',
  '16',
  '17',
  '1e1',
  '64 K',
  ' 64 ',
  'lots',
  '12VMs',
  '12 VMs',
  '8vms',
  '4G',
  '10us',
  '1e-3',
];

describe('one reader for the link and the fields', () => {
  it('reads numbers and units as people type them', () => {
    expect(parseQuantity('64K', 'B')).toEqual({ ok: true, value: 65536 });
    expect(parseQuantity('64KiB', 'B')).toEqual({ ok: true, value: 65536 });
    expect(parseQuantity('1MiB', 'B')).toEqual({ ok: true, value: 1048576 });
    expect(parseQuantity('1.5e3', 'B')).toEqual({ ok: true, value: 1500 });
    expect(parseQuantity('1MiB', 'KiB')).toEqual({ ok: true, value: 1024 });
    expect(parseQuantity('0.1ms', 'µs')).toEqual({ ok: true, value: 100 });
    expect(parseQuantity('110us', 'ns')).toEqual({ ok: true, value: 110_000 });
    expect(parseQuantity('1ms/s', 'ns/s')).toEqual({ ok: true, value: 1_000_000 });
    expect(parseQuantity('8 VMs', 'VMs')).toEqual({ ok: true, value: 8 });
  });

  it('refuses lenient readings Number() would accept', () => {
    for (const t of ['0x10', '0b11', '', '  ', 'Infinity', '1,000', '1e309', '10us'])
      expect(parseQuantity(t, 'B').ok, t).toBe(false);
    expect(parseQuantity('1e309', 'B')).toEqual({ ok: false, error: '"1e309" is too large to be a number' });
    expect(parseQuantity('64K', 'VMs').ok).toBe(false);
  });

  it('the size field and the link accept and refuse the same texts, with the same words', () => {
    for (const t of TEXTS) {
      const field = parseField(SIZE_FIELD, t);
      const problems = linked('size', t);
      expect(problems.length === 0, `size=${t}`).toBe(field.ok);
      if (!field.ok) expect(problems[0], t).toContain(field.error);
    }
    expect(parseField(SIZE_FIELD, '4194305')).toMatchObject({
      ok: false,
      error: 'size: 4194305 is outside 1 B–4 MiB',
    });
    expect(parseField(SIZE_FIELD, '1MiB')).toEqual({ ok: true, value: 1048576 });
  });

  it('typed VMs, seed and a model constant agree with the link on every text', () => {
    const cases: [FieldSpec, (v: number) => string | null][] = [
      [VMS_FIELD, fieldValidator(VMS_FIELD)],
      [SEED_FIELD, fieldValidator(SEED_FIELD)],
      [paramField('coalUs')!, (v) => checkParam('coalUs', v)],
      [paramField('mtuBytes')!, (v) => checkParam('mtuBytes', v)],
    ];
    for (const [spec, validate] of cases)
      for (const t of TEXTS) {
        const typed = typedField(t, spec.unit, validate);
        const problems = linked(spec.key, t);
        expect(problems.length === 0, `${spec.key}=${t}`).toBe(typed.ok);
        if (!typed.ok) expect(problems[0], `${spec.key}=${t}`).toContain(typed.error);
      }
  });

  it('agrees on arbitrary texts too', () => {
    const text = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.double({ noNaN: false }), fc.constantFrom('', 'K', 'KiB', 'M', 'B', ' VMs', 'x'))
        .map(([n, u]) => `${n}${u}`),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(linked('size', t).length === 0).toBe(parseField(SIZE_FIELD, t).ok);
        expect(linked('vms', t).length === 0).toBe(typedField(t, 'VMs', fieldValidator(VMS_FIELD)).ok);
      }),
      { numRuns: 300 },
    );
  });

  it('names the key and says the range with its units', () => {
    expect(formatRange(SIZE_FIELD)).toBe('1 B–4 MiB');
    expect(formatRange(VMS_FIELD)).toBe('1–16 VMs');
    expect(formatRange(SEED_FIELD)).toBe('0–4294967295');
    expect(fieldValidator(SEED_FIELD)(2 ** 32)).toBe('seed: 4294967296 is outside 0–4294967295');
    expect(fieldValidator(VMS_FIELD)(2.5)).toBe('vms: 2.5 is not a whole number (1–16 VMs)');
    expect(linked('seed', 'x')[0]).toBe('seed: "x" is not a number (e.g. 12, 1.5e3) (using 1).');
    for (const p of linked('seed', '4294967296')) expect(p).not.toMatch(/of in/);
  });

  it('takes its limits from the model, not a copy', () => {
    const spec = PARAM_BY_NAME.get('coalUs')!;
    expect(paramField('coalUs')).toMatchObject({ min: spec.min, max: spec.max, unit: spec.unit });
  });
});
