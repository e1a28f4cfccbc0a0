import { useId, useState } from 'react';
import { parseQuantity } from '../../store/link/quantity.ts';

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
 * A typed number with its unit. A bad entry shows a message next to the field and is not applied:
 * the last good value stays in effect until the text is fixed.
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
  const [draft, setDraft] = useState<{ text: string; error: string | null; base: number } | null>(null);
  // A new value from elsewhere (a slider, a link) replaces an unedited draft.
  const editing = draft !== null && draft.base === value;
  const text = editing ? draft.text : format(value);
  const error = editing ? draft.error : null;
  const change = (next: string) => {
    const parsed = parse(next);
    const problem = parsed.ok ? validate(parsed.value) : parsed.error;
    setDraft({ text: next, error: problem, base: value });
    if (parsed.ok && !problem && parsed.value !== value) {
      onCommit(parsed.value);
      setDraft({ text: next, error: null, base: parsed.value });
    }
  };
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-input">
        <input
          id={id}
          data-testid={testId}
          inputMode="decimal"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => change(e.target.value)}
          onBlur={() => !error && setDraft(null)}
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
