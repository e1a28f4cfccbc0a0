import { useSyncExternalStore } from 'react';
import { updateState } from '../../pwa/updateState.ts';
import './updateNotice.css';

/**
 * "A new version is ready — Reload": a small notice in a corner that covers nothing important and
 * takes no focus, so a lecture goes on. The page reloads only when the button is pressed.
 */
export function UpdateNotice() {
  const s = useSyncExternalStore(updateState.subscribe, updateState.get);
  if (!s.waiting || s.dismissed) return null;
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      <span>A new version is ready</span>
      <button
        type="button"
        onClick={() => updateState.accept()}
        disabled={s.reloading}
        data-testid="update-reload"
      >
        {s.reloading ? 'Reloading…' : 'Reload'}
      </button>
      <button
        type="button"
        className="update-dismiss"
        onClick={() => updateState.dismiss()}
        aria-label="Not now"
        title="Not now"
      >
        ✕
      </button>
    </div>
  );
}
