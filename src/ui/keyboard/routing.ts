import { shortcutsIn, type KeyClass, type KeyScope, type Shortcut } from './shortcuts.ts';

/**
 * What has the keyboard focus, as far as sharing keys goes (focusKind.ts reads it off the DOM):
 * - `none`: the page, a region or anything that takes no keys;
 * - `button`: a button, link, checkbox or summary (Space and Enter press it);
 * - `radio`: a radio in a group (arrows move the choice);
 * - `tab`: a tab in a tab list (arrows, Home and End move between tabs);
 * - `slider`: a range slider (arrows, Home and End move it);
 * - `text`: a text or number field, a select or editable text (the user is typing);
 * - `modal`: inside a modal dialog (the dialog has the keyboard to itself);
 * - `timeline`: the timeline (W A S D zoom and pan it; every other key is the app's).
 */
export type FocusKind = 'none' | 'button' | 'radio' | 'tab' | 'slider' | 'text' | 'modal' | 'timeline';

/** Which focus kinds keep a key class for themselves: the rest of the time the key is the app's. */
const NATIVE: Readonly<Record<KeyClass, readonly FocusKind[]>> = {
  press: ['button', 'radio', 'tab', 'text', 'modal'],
  arrow: ['radio', 'tab', 'slider', 'text', 'modal'],
  home: ['tab', 'slider', 'text', 'modal'],
  clicker: ['modal'],
  letter: ['text', 'modal'],
  escape: ['text', 'modal'],
  // The timeline's keys reach the app only from the timeline: anywhere else they stay the browser's.
  timeline: ['none', 'button', 'radio', 'tab', 'slider', 'text', 'modal'],
};

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

/**
 * The shortcut a key press runs with `focus` focused, or null when the key belongs to the focused
 * control (or the browser) and the page must leave it alone. Shift is allowed (`?` and `+` need
 * it); Ctrl, Cmd and Alt never are (the browser's zoom, tabs and history keys).
 */
export function routeKey(press: KeyPress, focus: FocusKind, scope: KeyScope = 'app'): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const shortcut = shortcutsIn(scope).find((s) => s.keys.includes(press.key));
  if (!shortcut) return null;
  return NATIVE[shortcut.keyClass].includes(focus) ? null : shortcut;
}
