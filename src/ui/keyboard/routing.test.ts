import { describe, expect, it } from 'vitest';
import { routeKey, type FocusKind } from './routing.ts';
import { SHORTCUTS, shortcutsIn } from './shortcuts.ts';

const id = (key: string, focus: FocusKind, scope: 'app' | 'embed' = 'app') =>
  routeKey({ key }, focus, scope)?.id ?? 'native';

describe('routeKey: a key goes to the app only when the focused control has no use for it', () => {
  it('with nothing focused, every shortcut is the app’s', () => {
    expect(id(' ', 'none')).toBe('play');
    expect(id('ArrowRight', 'none')).toBe('forward');
    expect(id('ArrowLeft', 'none')).toBe('back');
    expect(id('Home', 'none')).toBe('reset');
    expect(id('PageDown', 'none')).toBe('tourNext');
    expect(id('PageUp', 'none')).toBe('tourPrevious');
    expect(id('Escape', 'none')).toBe('leave');
    expect(id('?', 'none')).toBe('help');
    expect(id('+', 'none')).toBe('faster');
    expect(id('=', 'none')).toBe('faster');
    expect(id('-', 'none')).toBe('slower');
  });

  it('Space and Enter press a focused button, radio or tab (native activation wins)', () => {
    for (const focus of ['button', 'radio', 'tab'] as const) {
      expect(id(' ', focus)).toBe('native');
      expect(id('Enter', focus)).toBe('native');
    }
    // Arrows on a button are not the button's: they still step.
    expect(id('ArrowRight', 'button')).toBe('forward');
  });

  it('arrows move within a radio group or a tab list, not the simulation', () => {
    for (const focus of ['radio', 'tab'] as const) {
      expect(id('ArrowRight', focus)).toBe('native');
      expect(id('ArrowLeft', focus)).toBe('native');
    }
    expect(id('Home', 'tab')).toBe('native'); // the first tab
    expect(id('Home', 'radio')).toBe('reset'); // a radio group has no Home
  });

  it('a slider keeps its arrows and Home, but Space, PageUp/PageDown and the letters are the app’s', () => {
    expect(id('ArrowRight', 'slider')).toBe('native');
    expect(id('ArrowLeft', 'slider')).toBe('native');
    expect(id('Home', 'slider')).toBe('native');
    expect(id(' ', 'slider')).toBe('play');
    expect(id('PageDown', 'slider')).toBe('tourNext');
    expect(id('PageUp', 'slider')).toBe('tourPrevious');
    expect(id('b', 'slider')).toBe('blackout');
    expect(id('.', 'slider')).toBe('blackout');
    expect(id('f', 'slider')).toBe('fullscreen');
    expect(id('p', 'slider')).toBe('presenter');
  });

  it('a clicker’s keys work after touching any control', () => {
    for (const focus of ['none', 'button', 'radio', 'tab', 'slider'] as const) {
      for (const [key, expected] of [
        ['PageDown', 'tourNext'],
        ['PageUp', 'tourPrevious'],
        ['b', 'blackout'],
        ['B', 'blackout'],
        ['.', 'blackout'],
        ['f', 'fullscreen'],
        ['P', 'presenter'],
      ] as const)
        expect(id(key, focus), `${key} on ${focus}`).toBe(expected);
    }
  });

  it('a field being typed in keeps every character, Space and Esc; PageUp/PageDown still reach the app', () => {
    for (const key of [' ', 'b', '.', 'p', 'f', '?', '+', '-', 'ArrowLeft', 'ArrowRight', 'Home', 'Escape'])
      expect(id(key, 'text'), key).toBe('native');
    expect(id('PageDown', 'text')).toBe('tourNext');
  });

  it('a modal dialog has the keyboard to itself', () => {
    for (const s of SHORTCUTS) for (const key of s.keys) expect(id(key, 'modal'), key).toBe('native');
  });

  it('never takes Ctrl, Cmd or Alt combinations (zoom, tabs, history); Shift is fine', () => {
    expect(routeKey({ key: '+', ctrlKey: true }, 'none')).toBeNull();
    expect(routeKey({ key: 'ArrowLeft', altKey: true }, 'none')).toBeNull();
    expect(routeKey({ key: 'b', metaKey: true }, 'none')).toBeNull();
    expect(routeKey({ key: 'x' }, 'none')).toBeNull();
  });

  it('embedded, there is no tour or presenter mode: those keys stay the browser’s', () => {
    expect(id('PageDown', 'none', 'embed')).toBe('native');
    expect(id('Escape', 'none', 'embed')).toBe('native');
    expect(id('p', 'none', 'embed')).toBe('native');
    expect(id(' ', 'none', 'embed')).toBe('play');
    expect(id('b', 'none', 'embed')).toBe('blackout');
    expect(id('?', 'none', 'embed')).toBe('help');
  });
});

describe('the shortcut table', () => {
  it('gives each key to one shortcut only', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists in embed mode only what embed mode binds', () => {
    expect(shortcutsIn('embed').every((s) => s.inEmbed)).toBe(true);
    expect(shortcutsIn('app')).toHaveLength(SHORTCUTS.length);
  });
});
