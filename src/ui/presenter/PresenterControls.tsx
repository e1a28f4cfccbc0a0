import { presenter, usePresenter, type PresenterState, type PresenterView } from './index.ts';

const selectOn = (s: PresenterState) => s.on;
const selectView = (s: PresenterState) => s.view;

const VIEWS: readonly { view: PresenterView; label: string }[] = [
  { view: 'diagram', label: 'Diagram' },
  { view: 'charts', label: 'Charts' },
];

/** The header's presenter button (P) and, in presenter mode, fullscreen (F) and which view fills the screen. */
export function PresenterControls() {
  const on = usePresenter(selectOn);
  const view = usePresenter(selectView);
  return (
    <div className="presenter-controls">
      {on && (
        <div className="presenter-views" role="group" aria-label="Show">
          {VIEWS.map((v) => (
            <button
              key={v.view}
              type="button"
              aria-pressed={view === v.view}
              className={view === v.view ? 'selected' : undefined}
              onClick={() => presenter.setView(v.view)}
              data-testid={`presenter-view-${v.view}`}
            >
              {v.label}
            </button>
          ))}
        </div>
      )}
      {on && (
        <button
          type="button"
          onClick={() => void presenter.toggleFullscreen()}
          title="Fullscreen (F)"
          data-testid="fullscreen-toggle"
        >
          Fullscreen
        </button>
      )}
      <button
        type="button"
        className="presenter-toggle"
        aria-pressed={on}
        onClick={presenter.toggle}
        title={
          on
            ? 'Leave presenter mode (P)'
            : 'Presenter mode: large text for a projector (P); B blacks the screen out'
        }
        data-testid="presenter-toggle"
      >
        {on ? 'Exit' : 'Present'}
      </button>
    </div>
  );
}
