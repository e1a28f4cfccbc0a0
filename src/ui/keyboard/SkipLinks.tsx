import { openShortcuts } from './shortcutsStore.ts';
import './keyboard.css';

/** Where each skip link goes: the regions App.tsx draws (found by their data-region / class). */
const TARGETS = [
  { id: 'diagram', label: 'Skip to the diagram', selector: '[data-region="diagram"]' },
  { id: 'charts', label: 'Skip to the charts', selector: '[data-region="charts"]' },
  { id: 'controls', label: 'Skip to the controls', selector: '.toolbar' },
] as const;

/** What Tab can reach: the first of these inside a region gets the focus. */
const TABBABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], summary, [tabindex]:not([tabindex="-1"])';

/**
 * Moves the focus into a region: to its first control Tab can reach (in the charts, the chosen tab),
 * or to the region itself. No hash in the link: the URL belongs to the settings.
 */
function skipTo(selector: string): void {
  const region = document.querySelector<HTMLElement>(selector);
  if (!region) return;
  const first = [...region.querySelectorAll<HTMLElement>(TABBABLE)].find(
    (el) => el.tabIndex >= 0 && el.checkVisibility(),
  );
  if (first) {
    first.focus();
    return;
  }
  if (!region.hasAttribute('tabindex')) region.tabIndex = -1;
  region.focus();
}

/** Links at the very top of the page, seen only when Tab reaches them, past the header's many stops. */
export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links" data-testid="skip-links">
      {TARGETS.map((t) => (
        <a
          key={t.id}
          href={`#${t.id}`}
          data-testid={`skip-${t.id}`}
          onClick={(e) => {
            e.preventDefault();
            skipTo(t.selector);
          }}
        >
          {t.label}
        </a>
      ))}
      <a
        href="#shortcuts"
        data-testid="skip-shortcuts"
        onClick={(e) => {
          e.preventDefault();
          openShortcuts();
        }}
      >
        Keyboard shortcuts (?)
      </a>
    </nav>
  );
}
