import { presenter, usePresenter, type PresenterState } from './index.ts';

const selectBlackout = (s: PresenterState) => s.blackout;
const selectMessage = (s: PresenterState) => s.message;

/** The blackout screen (B; any key or a click ends it) and the message when fullscreen is refused. */
export function PresenterOverlays() {
  const blackout = usePresenter(selectBlackout);
  const message = usePresenter(selectMessage);
  return (
    <>
      {message && (
        <div className="presenter-message" role="alert" data-testid="presenter-message">
          <span>{message}</span>
          <button type="button" onClick={presenter.dismissMessage}>
            OK
          </button>
        </div>
      )}
      {blackout && (
        <div
          className="blackout"
          data-testid="blackout"
          aria-label="Screen blacked out: press any key"
          onClick={() => presenter.blackout(false)}
        />
      )}
    </>
  );
}
