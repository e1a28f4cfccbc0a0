import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../store/settings.ts';
import { decodePresenter, decodeSettings, encodeSettings, setViewFlag } from '../../store/urlState.ts';
import { createPresenterActions, createPresenterStore } from './presenterStore.ts';

afterEach(() => setViewFlag('presenter', null));

describe('presenter mode in the link', () => {
  it('rides along every rewrite of the settings while on, and leaves with it', () => {
    const store = createPresenterStore(false);
    const act = createPresenterActions(store, null);
    expect(encodeSettings(DEFAULT_SETTINGS)).not.toContain('presenter');
    act.toggle();
    expect(store.getState().on).toBe(true);
    const link = encodeSettings({ ...DEFAULT_SETTINGS, sizeBytes: 4096 });
    expect(decodePresenter(link)).toBe(true);
    // The flag is not a setting: reading the link back gives no problem and the same settings.
    expect(decodeSettings(link).problems).toEqual([]);
    expect(decodeSettings(link).settings.sizeBytes).toBe(4096);
    act.toggle();
    expect(decodePresenter(encodeSettings(DEFAULT_SETTINGS))).toBe(false);
  });

  it('a store opened from a presenter link writes the flag from the start', () => {
    createPresenterActions(createPresenterStore(true), null);
    expect(decodePresenter(encodeSettings(DEFAULT_SETTINGS))).toBe(true);
  });

  it('only presenter=1 turns it on', () => {
    expect(decodePresenter('?presenter=1')).toBe(true);
    expect(decodePresenter('?presenter=0')).toBe(false);
    expect(decodePresenter('?presenter=yes')).toBe(false);
  });

  it('toggling presenter mode ends a blackout', () => {
    const store = createPresenterStore(true);
    const act = createPresenterActions(store, null);
    act.blackout(true);
    act.toggle();
    expect(store.getState()).toMatchObject({ on: false, blackout: false });
  });
});
