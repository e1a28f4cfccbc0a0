import { useId, useState } from 'react';
import { parseQuantity } from '../../store/link/quantity.ts';
import { commit, edit, escape, shown, type Check, type Draft } from './fieldDraft.ts';

interface Props {
  label: string;
  unit: string;
  value: number;
  /** Returns an error message, or null when the number is acceptable. */
  validate: (value: number) => string | null;
  onCommit: (value: number) => void;
  /** Parses the text (default: a number in `unit`, units accepted as in a link: store/link/quantity.ts). */
  parse?: (text: string) => { ok: true; value: number } | { ok: false; error: string };
  format?: (value: number) => string;
  hint?: string;
  testId?: string;
}

/**
 * A typed number with its unit. Its value applies only when the whole text is valid and committed:
 * Enter, or leaving the field (fieldDraft.ts). A bad entry shows a message below the field and is
 * not applied: the last good value stays in effect, and in the link, until the text is fixed;
 * Escape puts the last good value's text back.
 */
export function NumberField({
  label,
  unit,
  value,
  validate,
  onCommit,
  parse = (t: string) => parseQuantity(t, unit),
  format = String,
  hint,
  testId,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [focused, setFocused] = useState(false);
  const { text, error } = shown(draft, value, format, focused);
  const check: Check = (t) => {
    const parsed = parse(t);
    if (!parsed.ok) return parsed;
    const problem = validate(parsed.value);
    return problem === null ? parsed : { ok: false, error: problem };
  };
  const commitNow = () => {
    const r = commit(draft, value, check);
    setDraft(r.draft);
    if (r.apply !== null) onCommit(r.apply);
  };
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-input">
        <input
          id={id}
          data-testid={testId}
          inputMode="decimal"
          enterKeyHint="done"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setDraft(edit(draft, e.target.value, value, check))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitNow();
            else if (e.key === 'Escape' && draft !== null) setDraft(escape());
          }}
          onFocus={() => {
            setFocused(true);
            // A draft left behind by a value that changed since (a slider, a link) is dropped.
            if (draft !== null && draft.base !== value) setDraft(null);
          }}
          onBlur={() => {
            setFocused(false);
            commitNow();
          }}
        />
        <span className="unit">{unit}</span>
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint">{hint}</p>
      ) : null}
    </div>
  );
}
