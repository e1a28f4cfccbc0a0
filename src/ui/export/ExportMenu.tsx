/**
 * A small "Export" button that opens a panel of exports for one figure: PNG at 2× with its caption,
 * SVG, CSV (charts), and Copy figure. Where a tab holds several views (the CPU tab), a row of
 * choices above the actions picks which one. Keyboard: Enter/Space open it, the focus moves to its
 * first control, ↑/↓ move between controls, Esc closes it and gives the focus back to the button.
 *
 * Test ids: the button `export-menu`, the panel `export-panel`, the views `export-figure`, the
 * actions `export-png`, `export-svg`, `export-csv`, `export-copy` and the message `export-status`;
 * each carries `data-export-scope` (the tab's key, or `diagram`) and the actions `data-figure`.
 */
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { runExport, type ExportAction, type Exporter } from './exporter.ts';
import './export.css';

const ACTIONS: readonly { action: ExportAction; label: string; title: string }[] = [
  { action: 'png', label: 'PNG 2×', title: 'a picture at twice the size on screen, with its caption' },
  { action: 'svg', label: 'SVG', title: 'a drawing that scales, with its caption' },
  { action: 'csv', label: 'CSV', title: 'the numbers shown, with the parameters that produced them' },
  { action: 'copy', label: 'Copy figure', title: 'the PNG on the clipboard' },
];

export interface ExportMenuProps {
  readonly exporter: Exporter;
  /** `data-export-scope` on every control: the chart tab's key, or `diagram`. */
  readonly scope: string;
  /** Only the icon on the button (where room is short, e.g. over the diagram). */
  readonly compact?: boolean;
  /** Which side the panel opens towards. */
  readonly align?: 'right' | 'center';
  readonly className?: string;
  readonly style?: CSSProperties;
}

export function ExportMenu({
  exporter,
  scope,
  compact = false,
  align = 'right',
  className,
  style,
}: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [figureId, setFigureId] = useState(exporter.figures[0].id);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const figure = exporter.figures.find((f) => f.id === figureId) ?? exporter.figures[0];

  // A click anywhere else closes the panel.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  // Opening moves the focus into the panel.
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onPanelKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const items = [...(panel.current?.querySelectorAll<HTMLElement>('button:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? items.length - 1
          : (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  };

  const act = (action: ExportAction) => {
    setBusy(true);
    setStatus(action === 'copy' ? 'Copying…' : 'Saving…');
    void runExport(exporter, figure.id, action).then((text) => {
      setStatus(text);
      setBusy(false);
    });
  };

  const label = `Export ${exporter.name}`;
  return (
    <div className={`export-menu${className ? ` ${className}` : ''}`} style={style} data-export-scope={scope}>
      <button
        ref={button}
        type="button"
        className="export-toggle"
        aria-label={label}
        title={label}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="export-menu"
        data-export-scope={scope}
        onClick={() => setOpen(!open)}
      >
        <ExportIcon />
        {!compact && <span>Export</span>}
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="group"
          aria-label={label}
          className={`export-panel export-panel-${align}`}
          data-testid="export-panel"
          data-export-scope={scope}
          onKeyDown={onPanelKey}
        >
          {exporter.figures.length > 1 && (
            <div className="export-figures" role="group" aria-label="Which view">
              {exporter.figures.map((f) => (
                <button
                  key={f.id}
                  type="button"
                  aria-pressed={f.id === figure.id}
                  data-testid="export-figure"
                  data-export-scope={scope}
                  data-figure={f.id}
                  onClick={() => setFigureId(f.id)}
                >
                  {f.label}
                </button>
              ))}
            </div>
          )}
          <div className="export-actions">
            {ACTIONS.filter((a) => a.action !== 'csv' || exporter.figures.some((f) => f.hasCsv)).map((a) => (
              <button
                key={a.action}
                type="button"
                title={a.title}
                aria-label={`${a.label}: ${a.title}`}
                disabled={busy || (a.action === 'csv' && !figure.hasCsv)}
                data-testid={`export-${a.action}`}
                data-export-scope={scope}
                data-figure={figure.id}
                onClick={() => act(a.action)}
              >
                {a.label}
              </button>
            ))}
          </div>
          <p className="export-status" role="status" data-testid="export-status" data-export-scope={scope}>
            {status}
          </p>
        </div>
      )}
    </div>
  );
}

/** An arrow into a tray, drawn as SVG (no icon font: offline). */
function ExportIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path
        d="M12 3v11m-5-5 5 5 5-5M4 15v5h16v-5"
        fill="none"
        stroke="currentColor"
        strokeWidth={2.6}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
