import { focusNth, rovingIndex } from '../keyboard/roving.ts';

interface Option<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly title?: string;
}

interface Props<T extends string> {
  legend: string;
  name: string;
  value: T;
  options: readonly Option<T>[];
  onChange: (value: T) => void;
}

/**
 * A group of large toggle buttons (radio semantics): readable and clickable from a lectern. One Tab
 * stop (roving tabindex: the chosen option); ← → ↑ ↓ move the choice within the group.
 */
export function Choice<T extends string>({ legend, name, value, options, onChange }: Props<T>) {
  const current = options.findIndex((o) => o.value === value);
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const focused = [...e.currentTarget.querySelectorAll('[role=radio]')].indexOf(e.target as Element);
    const next = rovingIndex(e.key, focused < 0 ? current : focused, options.length);
    if (next === null || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    onChange(options[next].value);
    focusNth(e.currentTarget, '[role=radio]', next);
  };
  return (
    <fieldset className="choice" data-testid={`choice-${name}`}>
      <legend>{legend}</legend>
      <div className="choice-options" role="radiogroup" aria-label={legend} onKeyDown={onKeyDown}>
        {options.map((o, i) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={o.value === value}
            tabIndex={i === Math.max(0, current) ? 0 : -1}
            className={o.value === value ? 'selected' : ''}
            title={o.title}
            data-value={o.value}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
