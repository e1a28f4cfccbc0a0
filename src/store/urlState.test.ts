import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODES, OPS } from '../model/types.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';
import { decodeSettings, decodeTourLink, encodeSettings } from './urlState.ts';

describe('settings in the URL', () => {
  it('round-trips any valid settings', () => {
    const settings = fc.record({
      mode: fc.constantFrom(...MODES),
      op: fc.constantFrom(...OPS),
      workload: fc.constantFrom('pingpong' as const, 'stream' as const),
      sizeBytes: fc.integer({ min: 1, max: 64 * 1024 * 1024 }),
      vms: fc.integer({ min: 1, max: 16 }),
      window: fc.integer({ min: 1, max: 256 }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      speedNsPerSec: fc.integer({ min: 100, max: 100_000_000 }),
      params: fc.constantFrom<Record<string, number>>({}, { coalUs: 10 }, { coalUs: 0, dom0Vcpus: 4 }),
    });
    fc.assert(
      fc.property(settings, (s: Settings) => {
        const d = decodeSettings(encodeSettings(s));
        expect(d.problems).toEqual([]);
        expect(d.settings).toEqual(s);
      }),
    );
  });

  it('an empty link opens the defaults', () => {
    expect(decodeSettings('')).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('names each bad value, uses its default, and keeps the rest of the link', () => {
    const d = decodeSettings('?v=1&mode=warp&size=-3&vms=2&p.coalUs=900&p.bogus=1&op=read');
    expect(d.settings.mode).toBe(DEFAULT_SETTINGS.mode);
    expect(d.settings.sizeBytes).toBe(DEFAULT_SETTINGS.sizeBytes);
    expect(d.settings.vms).toBe(2);
    expect(d.settings.op).toBe('read');
    expect(d.settings.params).toEqual({});
    expect(d.problems).toHaveLength(4);
    expect(d.problems.join('\n')).toMatch(/"mode=warp" is not one of native/);
    expect(d.problems.join('\n')).toMatch(/"size=-3"/);
    expect(d.problems.join('\n')).toMatch(/coalUs = 900/);
    expect(d.problems.join('\n')).toMatch(/unknown parameter "bogus"/);
  });

  it('says so when a link comes from a newer format', () => {
    expect(decodeSettings('?v=7&mode=pv-tcp').problems[0]).toMatch(/newer version/);
    expect(decodeSettings('?v=7&mode=pv-tcp').settings.mode).toBe('pv-tcp');
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (k, v) => {
        const q = new URLSearchParams({ [k]: v, mode: v, size: v, [`p.${k}`]: v });
        const d = decodeSettings(`?${q}`);
        expect(MODES).toContain(d.settings.mode);
        expect(Number.isInteger(d.settings.sizeBytes)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses pktgen on a mode that has none, naming why', () => {
    const d = decodeSettings('?workload=pktgen&mode=zero-copy&size=1514');
    expect(d.settings.workload).toBe(DEFAULT_SETTINGS.workload);
    expect(d.problems[0]).toMatch(/pktgen runs on native, dom0, pv-tcp/);
  });

  it("reads the tour's step and file, and refuses a file outside tours/", () => {
    expect(decodeTourLink('?mode=pv-tcp&tour=3')).toEqual({ step: 3, file: null, problems: [] });
    expect(decodeTourLink('?tour=1&tourfile=tours/os101.json').file).toBe('tours/os101.json');
    const bad = decodeTourLink('?tour=0&tourfile=https://example.com/x.json');
    expect(bad.step).toBeNull();
    expect(bad.file).toBeNull();
    expect(bad.problems).toHaveLength(2);
    expect(decodeTourLink('?tourfile=tours/../secret.json').file).toBeNull();
  });
});
