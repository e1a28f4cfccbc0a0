import { actions, useApp } from '../store/index.ts';

const selectNotices = (s: { notices: string[] }) => s.notices;

/** Problems with the link that opened the page: named, dismissible, never a blank page. */
export function Notices() {
  const notices = useApp(selectNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      {notices.map((n, i) => (
        <p key={i}>
          <span>{n}</span>
          <button type="button" onClick={() => actions.dismissNotice(i)} aria-label="Dismiss">
            ✕
          </button>
        </p>
      ))}
    </div>
  );
}
