/**
 * What a typed number field holds between keystrokes, and when it applies it: a value is applied
 * only when the whole text is valid and the user commits it (Enter or leaving the field), never on
 * a keystroke, so typing `100000` never applies `1000` on the way and `64K` never applies `64`.
 * Pure, so every transition is tested without a browser (NumberField.test.tsx).
 */

/** An edit in progress: the text typed, its message once one was shown, and the value it was typed over. */
export interface Draft {
  readonly text: string;
  /** Shown only after a commit was refused; then kept current as the text changes, until it is fixed. */
  readonly error: string | null;
  /**
   * The value in effect when the edit began. A different value from elsewhere (a slider, a link, a
   * journey following the latest message) replaces the draft once the field has lost the focus;
   * while the user is in the field, what they typed stays.
   */
  readonly base: number;
}

/** Text → the value it says, or why it cannot be applied (its parse and its range check together). */
export type Check = (text: string) => { ok: true; value: number } | { ok: false; error: string };

/** A keystroke: the text changes, nothing is applied; a message already shown follows the text. */
export function edit(draft: Draft | null, text: string, value: number, check: Check): Draft {
  const r = draft !== null && draft.error !== null ? check(text) : null;
  return { text, error: r && !r.ok ? r.error : null, base: value };
}

/**
 * Enter or leaving the field. A valid text applies its value (`apply`, when it differs from the
 * value in effect) and ends the edit; an invalid one keeps the text and shows why, and applies nothing.
 */
export function commit(
  draft: Draft | null,
  value: number,
  check: Check,
): { draft: Draft | null; apply: number | null } {
  if (draft === null) return { draft: null, apply: null };
  const r = check(draft.text);
  if (!r.ok) return { draft: { text: draft.text, error: r.error, base: value }, apply: null };
  return { draft: null, apply: r.value !== value ? r.value : null };
}

/** Escape: the edit is dropped, the field shows the value in effect again, its message gone. */
export function escape(): null {
  return null;
}

/** The text and message on screen: the draft's while the field has the focus or the value is the one it was typed over. */
export function shown(
  draft: Draft | null,
  value: number,
  format: (v: number) => string,
  focused: boolean,
): { text: string; error: string | null } {
  const editing = draft !== null && (focused || draft.base === value);
  return editing ? { text: draft.text, error: draft.error } : { text: format(value), error: null };
}
