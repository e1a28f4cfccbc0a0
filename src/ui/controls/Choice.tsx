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

/** A group of large toggle buttons (radio semantics): readable and clickable from a lectern. */
export function Choice<T extends string>({ legend, name, value, options, onChange }: Props<T>) {
  return (
    <fieldset className="choice" data-testid={`choice-${name}`}>
      <legend>{legend}</legend>
      <div className="choice-options" role="radiogroup" aria-label={legend}>
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={o.value === value}
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
