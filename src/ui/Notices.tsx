import { actions, useApp } from '../store/index.ts';
import './notices.css';

const selectNotices = (s: { notices: string[] }) => s.notices;

/**
 * Problems reading the link that opened the page, or a scenario file: one notice that lists them
 * all (scrolling past a few lines, so it never pushes the diagram off), cleared at once by Dismiss.
 */
export function Notices() {
  const notices = useApp(selectNotices);
  if (notices.length === 0) return null;
  return (
    <section className="notices" role="status" aria-label="Problems" data-testid="notices">
      <div className="notices-head">
        <strong>
          {notices.length === 1 ? 'One problem' : `${notices.length} problems`} reading what was opened
        </strong>
        <button type="button" onClick={actions.dismissNotices} data-testid="notices-dismiss">
          Dismiss
        </button>
      </div>
      <ul
        className="notices-list"
        data-testid="notices-list"
        tabIndex={0}
        aria-label="Problems, one per line"
      >
        {notices.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
