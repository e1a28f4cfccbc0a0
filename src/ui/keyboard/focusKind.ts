import type { FocusKind } from './routing.ts';

/** Input types that press like a button (Space toggles or activates them). */
const PRESSED_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'image', 'file', 'color']);
const BUTTON_ROLES = new Set(['button', 'link', 'checkbox', 'switch', 'menuitem', 'option', 'treeitem']);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'listbox']);

/** Reads what kind of control `el` is, for routing.ts (DOM in, a plain kind out). */
export function focusKindOf(el: Element | null): FocusKind {
  if (!el || el === document.body || el === document.documentElement) return 'none';
  // A modal dialog says so with aria-modal (the shortcut list does): it has the keyboard to itself.
  if (el.closest('[aria-modal="true"]')) return 'modal';
  if (el.getAttribute('data-focus-kind') === 'timeline') return 'timeline';
  const role = el.getAttribute('role');
  if (role === 'radio') return 'radio';
  if (role === 'tab') return 'tab';
  if (role === 'slider' || role === 'spinbutton') return 'slider';
  if (role && TEXT_ROLES.has(role)) return 'text';
  if (role && BUTTON_ROLES.has(role)) return 'button';
  if (el instanceof HTMLInputElement) {
    if (el.type === 'range') return 'slider';
    if (el.type === 'radio') return 'radio';
    return PRESSED_INPUTS.has(el.type) ? 'button' : 'text';
  }
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return 'text';
  if (el instanceof HTMLElement && el.isContentEditable) return 'text';
  if (el instanceof HTMLButtonElement || el.tagName === 'SUMMARY') return 'button';
  if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) return 'button';
  return 'none';
}
