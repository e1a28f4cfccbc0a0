import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODES, OPS } from '../model/types.ts';
import { CHART_TAB_KEYS } from './appStore.ts';
import { APP_MAX_SIZE_BYTES, LINK_MAX_TIME_NS } from './link/fields.ts';
import { DEFAULT_VIEW, type LinkState } from './link/linkState.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { decodeLink, decodeSettings, decodeTourLink, encodeLink, encodeSettings } from './urlState.ts';

const settingsArb = fc.record({
  mode: fc.constantFrom(...MODES),
  op: fc.constantFrom(...OPS),
  workload: fc.constantFrom('pingpong' as const, 'stream' as const),
  sizeBytes: fc.integer({ min: 1, max: APP_MAX_SIZE_BYTES }),
  vms: fc.integer({ min: 1, max: 16 }),
  window: fc.integer({ min: 1, max: 256 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  speedNsPerSec: fc.integer({ min: 100, max: 100_000_000 }),
  params: fc.constantFrom<Record<string, number>>(
    {},
    { coalUs: 10 },
    { coalUs: 0, dom0Vcpus: 4 },
    { linkGbps: 1 },
  ),
});
const viewArb = fc.record({
  tab: fc.constantFrom(...CHART_TAB_KEYS),
  settingsOpen: fc.boolean(),
  timeNs: fc.integer({ min: 0, max: LINK_MAX_TIME_NS }),
  message: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
});

describe('the state in the URL', () => {
  it('round-trips every state field: settings, tab, settings panel, time, message', () => {
    fc.assert(
      fc.property(settingsArb, viewArb, (settings, view) => {
        const state: LinkState = { settings, view };
        const d = decodeLink(encodeLink(state));
        expect(d.problems).toEqual([]);
        expect({ settings: d.settings, view: d.view }).toEqual(state);
      }),
    );
  });

  it('writes v=2 and each view key by its name', () => {
    const link = encodeLink({
      settings: DEFAULT_SETTINGS,
      view: { tab: 'journey', settingsOpen: true, timeNs: 110_000, message: 3 },
    });
    expect(link).toMatch(/^\?v=2&/);
    expect(link).toContain('&tab=journey&panel=settings&t=110000&msg=3');
    expect(encodeLink({ settings: DEFAULT_SETTINGS, view: DEFAULT_VIEW })).not.toMatch(/panel|&t=|msg/);
  });

  it('leaves out a time past what a link can open at', () => {
    const view = { ...DEFAULT_VIEW, timeNs: LINK_MAX_TIME_NS + 1 };
    expect(encodeLink({ settings: DEFAULT_SETTINGS, view })).not.toContain('t=');
  });

  it('reads the time with units', () => {
    expect(decodeLink('?t=110us').view.timeNs).toBe(110_000);
    expect(decodeLink('?t=1.5ms').view.timeNs).toBe(1_500_000);
    expect(decodeLink('?t=1s').problems[0]).toBe('t: 1000000000 is outside 0 ns–100 ms (opening at t = 0).');
  });

  it('an empty link opens the defaults', () => {
    expect(decodeLink('')).toEqual({
      settings: DEFAULT_SETTINGS,
      view: DEFAULT_VIEW,
      problems: [],
      pinned: null,
    });
  });

  it('names each bad value by its key, uses its default, and keeps the rest of the link', () => {
    const d = decodeLink(
      '?v=2&mode=warp&size=-3&vms=2&p.coalUs=900&p.bogus=1&op=read&tab=map&panel=x&msg=-1',
    );
    expect(d.settings.mode).toBe(DEFAULT_SETTINGS.mode);
    expect(d.settings.sizeBytes).toBe(DEFAULT_SETTINGS.sizeBytes);
    expect(d.settings.vms).toBe(2);
    expect(d.settings.op).toBe('read');
    expect(d.settings.params).toEqual({});
    expect(d.view).toEqual(DEFAULT_VIEW);
    expect(d.problems).toEqual([
      `mode: "warp" is not one of ${MODES.join(', ')} (using zero-copy).`,
      'size: -3 is outside 1 B–4 MiB (using 64 B).',
      'p.coalUs: coalUs = 900 µs is outside the allowed range 0–100 µs (using the default).',
      'p.bogus: not a model constant (see Settings → Model constants); ignored.',
      `tab: "map" is not one of ${CHART_TAB_KEYS.join(', ')} (using cpu).`,
      'panel: "x" is not a panel (settings); ignored.',
      'msg: -1 is outside 0–1000000 (no journey opened).',
    ]);
  });

  it('takes units in a link as the fields do, and refuses what the fields refuse', () => {
    expect(decodeLink('?size=1MiB').settings.sizeBytes).toBe(1048576);
    expect(decodeLink('?size=64K&p.coalUs=0.01ms').settings).toMatchObject({
      sizeBytes: 65536,
      params: { coalUs: 10 },
    });
    expect(decodeLink('?size=4194305').problems).toEqual([
      'size: 4194305 is outside 1 B–4 MiB (using 64 B).',
    ]);
  });

  it('names a key given twice and reads the first', () => {
    const d = decodeLink('?size=128&size=256');
    expect(d.settings.sizeBytes).toBe(128);
    expect(d.problems).toEqual(['size: given 2 times in the link; the first (size=128) was used.']);
  });

  it('says so when a link comes from a newer or an unknown format', () => {
    expect(decodeLink('?v=7&mode=pv-tcp').problems[0]).toMatch(/^v: this link was made by a newer version/);
    expect(decodeLink('?v=7&mode=pv-tcp').settings.mode).toBe('pv-tcp');
    expect(decodeLink('?v=two').problems[0]).toMatch(/^v: unknown link format "two"/);
  });

  it('keeps encodeSettings and decodeSettings for the tour and presenter mode', () => {
    const d = decodeSettings(encodeSettings({ ...DEFAULT_SETTINGS, sizeBytes: 4096 }));
    expect(d.problems).toEqual([]);
    expect(d.settings.sizeBytes).toBe(4096);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (k, v) => {
        const q = new URLSearchParams({ [k]: v, mode: v, size: v, t: v, msg: v, tab: v, [`p.${k}`]: v });
        const d = decodeLink(`?${q}`);
        expect(MODES).toContain(d.settings.mode);
        expect(Number.isInteger(d.settings.sizeBytes)).toBe(true);
        expect(Number.isInteger(d.view.timeNs)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses pktgen on a mode that has none, naming why', () => {
    const d = decodeLink('?workload=pktgen&mode=zero-copy&size=1514');
    expect(d.settings.workload).toBe(DEFAULT_SETTINGS.workload);
    expect(d.problems[0]).toMatch(/^workload: pktgen runs on native, dom0, pv-tcp/);
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

describe('the pinned scenario A in the link', () => {
  it('round-trips A as its own settings, and names what it cannot read under ab', () => {
    const pinned = {
      ...DEFAULT_SETTINGS,
      mode: 'pv-tcp' as const,
      sizeBytes: 4096,
      vms: 2,
      params: { coalUs: 10 },
    };
    const link = encodeLink({ settings: DEFAULT_SETTINGS, view: DEFAULT_VIEW, pinned });
    expect(link).toContain('ab=');
    const d = decodeLink(link);
    expect(d.problems).toEqual([]);
    expect(d.pinned).toEqual(pinned);
    expect(d.settings).toEqual(DEFAULT_SETTINGS);
    const bad = decodeLink('?v=2&ab=mode%3Dwarp%26size%3D64');
    expect(bad.pinned?.mode).toBe(DEFAULT_SETTINGS.mode);
    expect(bad.problems.join('\n')).toMatch(/^ab \(the pinned A\): mode: "warp"/);
    const junk = decodeLink('?v=2&ab=%3Cscript%3E');
    expect(junk.pinned).toBeNull();
    expect(junk.problems.join('\n')).toMatch(/^ab: .*nothing pinned as A/);
  });
});
