// A what-if mode explains itself on screen when chosen, where a projector audience sees it.
import { useState } from 'react';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import type { Mode } from '../../model/types.ts';
import { useApp, type AppState } from '../../store/index.ts';
import './whatIf.css';

const selectMode = (s: AppState) => s.settings.mode;

/**
 * A dismissible banner with the chosen what-if's explanation (its descriptor's own text), shown
 * above the diagram while a what-if is chosen. Dismissed, it stays away until another mode is chosen.
 */
export function WhatIfNote() {
  const mode = useApp(selectMode);
  const [dismissed, setDismissed] = useState<Mode | null>(null);
  const [shownFor, setShownFor] = useState(mode);
  // Another mode was chosen: a what-if chosen again explains itself again.
  if (shownFor !== mode) {
    setShownFor(mode);
    setDismissed(null);
  }
  const d = MODE_DESCRIPTORS[mode];
  if (!d.whatIf || dismissed === mode) return null;
  return (
    <aside
      className="what-if-note"
      role="note"
      aria-label={`What-if: ${d.label}`}
      data-testid="what-if-note"
      data-mode={mode}
      style={{ borderLeftColor: d.style.color }}
    >
      <p>
        <strong style={{ color: d.style.color }}>{d.label}</strong> {d.explanation}
      </p>
      <button type="button" onClick={() => setDismissed(mode)} aria-label="Dismiss the what-if note">
        ✕
      </button>
    </aside>
  );
}
