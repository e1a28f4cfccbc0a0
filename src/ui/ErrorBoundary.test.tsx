import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorBoundary, firstLine } from './ErrorBoundary.tsx';

// Server rendering has no error boundaries, so the boundary is driven through its own state
// transitions (what React calls on a throw and on Reset); the browser test (e2e/contained.spec.ts)
// throws for real.
function boundary() {
  return new ErrorBoundary({ name: 'diagram', label: 'The diagram', children: <p>the panel</p> });
}

describe('ErrorBoundary', () => {
  it('renders its panel while nothing failed', () => {
    const html = renderToStaticMarkup(
      <ErrorBoundary name="diagram" label="The diagram">
        <p>the panel</p>
      </ErrorBoundary>,
    );
    expect(html).toBe('<p>the panel</p>');
  });

  it('shows what failed, in one line, and a Reset button in place of the panel', () => {
    const b = boundary();
    b.state = {
      ...b.state,
      ...ErrorBoundary.getDerivedStateFromError(new Error('x is undefined\n  at Panel')),
    };
    const html = renderToStaticMarkup(b.render() as ReactElement);
    expect(html).toContain('data-testid="panel-failed-diagram"');
    expect(html).toContain('The diagram failed: <span class="panel-failed-message">x is undefined</span>');
    expect(html).not.toContain('at Panel');
    expect(html).toContain('Reset this panel');
    expect(html).not.toContain('the panel</p>');
    // Something thrown that is not an Error still gets words.
    expect(ErrorBoundary.getDerivedStateFromError('plain').error?.message).toBe('plain');
  });

  it('Reset mounts the panel afresh (a new key) with no error', () => {
    const b = boundary();
    const before = b.render() as ReactElement;
    b.state = { ...b.state, ...ErrorBoundary.getDerivedStateFromError(new Error('boom')) };
    b.state = ErrorBoundary.afterReset(b.state);
    const after = b.render() as ReactElement;
    expect(b.state.error).toBeNull();
    expect(after.key).not.toBe(before.key);
    expect(renderToStaticMarkup(after)).toBe('<p>the panel</p>');
  });

  it('keeps a message to its first line, and short', () => {
    expect(firstLine('')).toBe('unknown error');
    expect(firstLine('a'.repeat(500))).toHaveLength(200);
  });
});
