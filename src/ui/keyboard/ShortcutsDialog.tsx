import { useEffect, useId, useRef } from 'react';
import { shortcutsIn, type KeyScope, type Shortcut } from './shortcuts.ts';
import { closeShortcuts, shortcutsStore, useShortcutsOpen } from './shortcutsStore.ts';
import './keyboard.css';

const GROUPS: readonly Shortcut['group'][] = ['Time', 'Tour', 'Presenting', 'Timeline', 'Help'];

/**
 * The list of every shortcut (`?`), drawn from the same table the key handler reads. A modal
 * dialog: Esc or Close shuts it and the focus goes back where it was.
 */
export function ShortcutsDialog({ scope }: { scope: KeyScope }) {
  const open = useShortcutsOpen();
  if (!open) return null;
  return <OpenDialog scope={scope} />;
}

function OpenDialog({ scope }: { scope: KeyScope }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const { returnTo } = shortcutsStore.getState();
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // Only now: while the dialog was modal the rest of the page was inert and refused the focus.
      returnTo?.focus({ preventScroll: true });
    };
  }, []);
  const list = shortcutsIn(scope);
  // Generated from the table, so the note names exactly the keys that reach the app from anywhere.
  const always = list.filter((s) => s.keyClass === 'clicker' || s.keyClass === 'letter').map((s) => s.label);
  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby={titleId}
      aria-modal="true"
      data-testid="shortcuts-dialog"
      // Esc (the browser's cancel) and Close both end here.
      // (A close that another mount's showModal overtook is not one: StrictMode mounts twice.)
      onClose={() => {
        if (!ref.current?.open) closeShortcuts();
      }}
      onCancel={(e) => {
        e.preventDefault();
        closeShortcuts();
      }}
    >
      <header className="shortcuts-head">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        {/* First in the dialog, so the focus it takes on opening leaves the list scrolled to its top. */}
        <button type="button" onClick={closeShortcuts} data-testid="shortcuts-close" autoFocus>
          Close
        </button>
      </header>
      {GROUPS.map((group) => {
        const rows = list.filter((s) => s.group === group);
        if (rows.length === 0) return null;
        return (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {rows.map((s) => (
                <div key={s.id} className="shortcut-row" data-shortcut={s.id}>
                  <dt>
                    {s.label.split(' or ').map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' or '}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{s.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      <p className="shortcuts-note">
        A focused control keeps its own keys: Space and Enter press a focused button, the arrows move within a
        choice or the chart tabs, a slider keeps its arrows and Home, and a field keeps what you type. These
        reach the app whatever was touched last, a slider included: {always.join(', ')} (while you type in a
        field, it keeps the characters
        {always.includes('PageDown') ? '; PageUp and PageDown still reach the app' : ''}).
      </p>
    </dialog>
  );
}
