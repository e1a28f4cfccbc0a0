/**
 * Every keyboard shortcut of the app, declared once: the key handler (useKeyboard.ts, through
 * routing.ts) and the list behind `?` (ShortcutsDialog.tsx) both read this table, so they cannot
 * drift apart.
 */

/**
 * How a key shares itself with a focused control (routing.ts decides from this):
 * - `press`: Space; a focused button, radio, tab or text field takes it (native activation wins).
 * - `arrow`: ← →; a focused radio group, tab list, slider or text field takes it.
 * - `home`: Home; a focused tab list (first tab), slider (its minimum) or text field takes it.
 * - `clicker`: PageUp / PageDown; always the app's, even on a slider (whose own PageUp/PageDown is
 *   prevented): a presentation clicker must work whatever was touched last.
 * - `letter`: a printable key (B, F, P, `.`, +, −, ?); the app's unless the user is typing in a field.
 * - `escape`: Esc; the app's unless a text field or a dialog takes it.
 * - `timeline`: W A S D; only while the timeline has the focus (it zooms and pans), else the browser's.
 */
export type KeyClass = 'press' | 'arrow' | 'home' | 'clicker' | 'letter' | 'escape' | 'timeline';

export type ShortcutId =
  | 'play'
  | 'forward'
  | 'back'
  | 'faster'
  | 'slower'
  | 'reset'
  | 'tourNext'
  | 'tourPrevious'
  | 'leave'
  | 'tourText'
  | 'presenter'
  | 'fullscreen'
  | 'blackout'
  | 'help'
  | 'timelineZoomIn'
  | 'timelineZoomOut'
  | 'timelinePanLeft'
  | 'timelinePanRight';

/** Where shortcuts apply: the whole app, or one view embedded in a slide (`?embed=1`). */
export type KeyScope = 'app' | 'embed';

export interface Shortcut {
  readonly id: ShortcutId;
  /** `KeyboardEvent.key` values that trigger it. */
  readonly keys: readonly string[];
  /** The keys as the list shows them. */
  readonly label: string;
  /** What it does, in the list's words. */
  readonly does: string;
  readonly keyClass: KeyClass;
  /** The group it is listed under. */
  readonly group: 'Time' | 'Tour' | 'Presenting' | 'Timeline' | 'Help';
  /** Also active in an embedded view (there is no tour, presenter mode or header there). */
  readonly inEmbed: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'play',
    keys: [' '],
    label: 'Space',
    does: 'Play / pause',
    keyClass: 'press',
    group: 'Time',
    inEmbed: true,
  },
  {
    id: 'forward',
    keys: ['ArrowRight'],
    label: '→',
    does: 'Step to the next event (in a tour: the next step)',
    keyClass: 'arrow',
    group: 'Time',
    inEmbed: true,
  },
  {
    id: 'back',
    keys: ['ArrowLeft'],
    label: '←',
    does: 'Step back one event (in a tour: the previous step)',
    keyClass: 'arrow',
    group: 'Time',
    inEmbed: true,
  },
  {
    id: 'faster',
    keys: ['+', '='],
    label: '+',
    does: 'Faster (simulated time per second)',
    keyClass: 'letter',
    group: 'Time',
    inEmbed: true,
  },
  {
    id: 'slower',
    keys: ['-', '_'],
    label: '−',
    does: 'Slower',
    keyClass: 'letter',
    group: 'Time',
    inEmbed: true,
  },
  {
    id: 'reset',
    keys: ['Home'],
    label: 'Home',
    does: 'Reset to t = 0',
    keyClass: 'home',
    group: 'Time',
    inEmbed: true,
  },
  {
    id: 'tourNext',
    keys: ['PageDown'],
    label: 'PageDown',
    does: "Next tour step (a clicker's forward key)",
    keyClass: 'clicker',
    group: 'Tour',
    inEmbed: false,
  },
  {
    id: 'tourPrevious',
    keys: ['PageUp'],
    label: 'PageUp',
    does: "Previous tour step (a clicker's back key)",
    keyClass: 'clicker',
    group: 'Tour',
    inEmbed: false,
  },
  {
    id: 'leave',
    keys: ['Escape'],
    label: 'Esc',
    does: 'Leave the tour to explore (Resume tour comes back)',
    keyClass: 'escape',
    group: 'Tour',
    inEmbed: false,
  },
  {
    id: 'tourText',
    keys: ['t', 'T'],
    label: 'T',
    does: "Fold the tour's text away (the diagram gets the whole height) or show it again",
    keyClass: 'letter',
    group: 'Tour',
    inEmbed: false,
  },
  {
    id: 'presenter',
    keys: ['p', 'P'],
    label: 'P',
    does: 'Presenter mode (large text for a projector) on / off',
    keyClass: 'letter',
    group: 'Presenting',
    inEmbed: false,
  },
  {
    id: 'fullscreen',
    keys: ['f', 'F'],
    label: 'F',
    does: 'Fullscreen on / off',
    keyClass: 'letter',
    group: 'Presenting',
    inEmbed: true,
  },
  {
    id: 'blackout',
    keys: ['b', 'B', '.'],
    label: 'B or .',
    does: "Black screen (a clicker's blank key is .); any key brings the picture back",
    keyClass: 'letter',
    group: 'Presenting',
    inEmbed: true,
  },
  {
    id: 'help',
    keys: ['?'],
    label: '?',
    does: 'This list of shortcuts',
    keyClass: 'letter',
    group: 'Help',
    inEmbed: true,
  },
  ...(
    [
      ['timelineZoomIn', 'W', 'Zoom in (the timeline has the focus)'],
      ['timelineZoomOut', 'S', 'Zoom out'],
      ['timelinePanLeft', 'A', 'Pan to earlier time'],
      ['timelinePanRight', 'D', 'Pan to later time'],
    ] as const
  ).map(([id, key, does]) => ({
    id,
    keys: [key.toLowerCase(), key],
    label: key,
    does,
    keyClass: 'timeline' as const,
    group: 'Timeline' as const,
    inEmbed: false,
  })),
];

/** The shortcuts that apply in `scope`, in the table's order. */
export function shortcutsIn(scope: KeyScope): readonly Shortcut[] {
  return scope === 'app' ? SHORTCUTS : SHORTCUTS.filter((s) => s.inEmbed);
}
