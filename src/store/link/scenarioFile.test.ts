import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODES, OPS } from '../../model/types.ts';
import { CHART_TAB_KEYS } from '../appStore.ts';
import { DEFAULT_SETTINGS } from '../settings.ts';
import { APP_MAX_SIZE_BYTES, LINK_MAX_TIME_NS } from './fields.ts';
import { DEFAULT_VIEW } from './linkState.ts';
import { decodeScenarioFile, encodeScenarioFile, SCENARIO_FORMAT } from './scenarioFile.ts';

const good = () =>
  JSON.parse(
    JSON.stringify(
      encodeScenarioFile(
        {
          settings: { ...DEFAULT_SETTINGS, mode: 'pv-tcp', sizeBytes: 4096, params: { coalUs: 10 } },
          view: { tab: 'journey', settingsOpen: true, timeNs: 110_000, message: 1 },
        },
        { step: 4, file: 'tours/poster.json' },
      ),
    ),
  ) as Record<string, Record<string, unknown>>;

describe('the scenario file', () => {
  it('says what it is and its version, as the link does', () => {
    expect(good()).toMatchObject({ format: SCENARIO_FORMAT, v: 2 });
  });

  it('round-trips every field through JSON', () => {
    const arb = fc.record({
      settings: fc.record({
        mode: fc.constantFrom(...MODES),
        op: fc.constantFrom(...OPS),
        workload: fc.constantFrom('pingpong' as const, 'stream' as const),
        sizeBytes: fc.integer({ min: 1, max: APP_MAX_SIZE_BYTES }),
        vms: fc.integer({ min: 1, max: 16 }),
        window: fc.integer({ min: 1, max: 256 }),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        speedNsPerSec: fc.integer({ min: 100, max: 100_000_000 }),
        params: fc.constantFrom<Record<string, number>>({}, { coalUs: 10, mtuBytes: 9000 }),
      }),
      view: fc.record({
        tab: fc.constantFrom(...CHART_TAB_KEYS),
        settingsOpen: fc.boolean(),
        timeNs: fc.integer({ min: 0, max: LINK_MAX_TIME_NS }),
        message: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
      }),
      tour: fc.option(
        fc.record({ step: fc.integer({ min: 1, max: 12 }), file: fc.constant('tours/poster.json') }),
        {
          nil: null,
        },
      ),
    });
    fc.assert(
      fc.property(arb, ({ settings, view, tour }) => {
        const read = decodeScenarioFile(
          JSON.parse(JSON.stringify(encodeScenarioFile({ settings, view }, tour))),
        );
        expect(read).toEqual({ ok: true, state: { settings, view }, tour });
      }),
      { numRuns: 200 },
    );
  });

  it('takes units in strings, as a link and a field do', () => {
    const f = good();
    f.settings.sizeBytes = '64K';
    f.view.timeNs = '110us';
    const read = decodeScenarioFile(f);
    expect(read.ok && read.state.settings.sizeBytes).toBe(65536);
    expect(read.ok && read.state.view.timeNs).toBe(110_000);
  });

  it('names each bad field by its path, and refuses the file whole', () => {
    const f = good();
    f.settings.sizeBytes = 5_000_000;
    f.settings.mode = 'warp';
    (f.settings.params as Record<string, unknown>).coalUs = 900;
    f.view.settingsOpen = 'yes';
    f.view.extra = 1;
    expect(decodeScenarioFile(f)).toEqual({
      ok: false,
      errors: [
        `settings.mode: "warp" is not one of ${MODES.join(', ')}`,
        'settings.sizeBytes: 5000000 is outside 1 B–4 MiB',
        'settings.params.coalUs: coalUs = 900 µs is outside the allowed range 0–100 µs',
        'view.extra: not a field of a scenario file (known: tab, settingsOpen, timeNs, message)',
        'view.settingsOpen: "yes" is not true or false',
      ],
    });
  });

  it('refuses what is not a scenario file, or a newer one', () => {
    expect(decodeScenarioFile([])).toMatchObject({
      ok: false,
      errors: ['the file is not a JSON object (it is [])'],
    });
    expect(decodeScenarioFile({ format: 'x' })).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^format:/)],
    });
    expect(decodeScenarioFile({ ...good(), v: 3 })).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^v: 3 is a newer/)],
    });
    expect(decodeScenarioFile({ ...good(), tour: { step: 0, file: '../x.json' } })).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^tour\.step/), expect.stringMatching(/^tour\.file/)],
    });
  });

  it('a minimal file: settings and view, no tour', () => {
    const f = { format: SCENARIO_FORMAT, v: 2, settings: { ...DEFAULT_SETTINGS }, view: { ...DEFAULT_VIEW } };
    expect(decodeScenarioFile(f)).toEqual({
      ok: true,
      state: { settings: DEFAULT_SETTINGS, view: DEFAULT_VIEW },
      tour: null,
    });
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(decodeScenarioFile(v).ok).toBe(false);
        const f = good();
        f.settings.vms = v as never;
        decodeScenarioFile(f);
      }),
      { numRuns: 300 },
    );
  });
});
