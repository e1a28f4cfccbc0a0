import { useApp, type AppState } from '../../store/index.ts';
import { fillText } from '../../tour/placeholders.ts';

const selectSweep = (s: AppState) => s.sweep;

/** A step's text with its `{…}` placeholders filled from the sweep ('…' while it is being computed). */
export function TourText({ text }: { text: string }) {
  const sweep = useApp(selectSweep);
  const parts = fillText(text, { points: sweep.stale || sweep.error ? null : sweep.points });
  return (
    <p className="tour-text" data-testid="tour-text">
      {parts.map((part, i) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <strong
            key={i}
            className={`tour-value ${part.state}`}
            data-value-of={part.source}
            data-state={part.state}
          >
            {part.text}
          </strong>
        ),
      )}
    </p>
  );
}
