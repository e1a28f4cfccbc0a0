import { Component, Fragment, useSyncExternalStore, type ReactNode } from 'react';
import './errorBoundary.css';

interface Props {
  /** The panel's key (`diagram`, `controls`, a chart tab's key): test ids and the test hook's `failPanel`. */
  readonly name: string;
  /** The panel as the user knows it, for the fallback's sentence ("The diagram failed: …"). */
  readonly label: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  /** Bumped by Reset: the panel's children get a new key, so React mounts them afresh. */
  readonly generation: number;
}

/** The first line of a message, so a stack or a long dump never fills the panel. */
export function firstLine(message: string): string {
  const line = message.split('\n', 1)[0].trim() || 'unknown error';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * One panel's wall: a component that throws while rendering takes down its panel only. The panel
 * then says what failed, in one line, with a button that mounts it again; the rest of the page
 * goes on working.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  /** The state after Reset: no error, and a new generation of the panel. */
  static afterReset(s: State): State {
    return { error: null, generation: s.generation + 1 };
  }

  readonly reset = (): void => {
    clearPanelFault(this.props.name);
    this.setState(ErrorBoundary.afterReset);
  };

  render(): ReactNode {
    const { name, label, children } = this.props;
    const { error, generation } = this.state;
    if (error) {
      return (
        <div className="panel-failed" role="alert" data-testid={`panel-failed-${name}`}>
          <p>
            {label} failed: <span className="panel-failed-message">{firstLine(error.message)}</span>
          </p>
          <button type="button" onClick={this.reset} data-testid={`panel-reset-${name}`}>
            Reset this panel
          </button>
        </div>
      );
    }
    return (
      <Fragment key={generation}>
        <PanelFault name={name} />
        {children}
      </Fragment>
    );
  }
}

// A failure on demand, for the browser tests (window.__xenviz.failPanel): the panel's next render
// throws until Reset clears it.
const faults = new Set<string>();
const faultListeners = new Set<() => void>();

/** Makes the panel `name` throw on its next render (a test's way to see the wall hold). */
export function failPanel(name: string): void {
  faults.add(name);
  for (const fn of faultListeners) fn();
}

function clearPanelFault(name: string): void {
  faults.delete(name);
}

function subscribeFaults(fn: () => void): () => void {
  faultListeners.add(fn);
  return () => faultListeners.delete(fn);
}

function PanelFault({ name }: { name: string }): null {
  const failing = useSyncExternalStore(
    subscribeFaults,
    () => faults.has(name),
    () => false,
  );
  if (failing) throw new Error(`injected failure in the ${name} panel`);
  return null;
}
