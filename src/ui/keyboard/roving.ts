/**
 * Arrow keys inside a radio group or a tab list (the WAI-ARIA patterns): with a roving tabindex the
 * group is one Tab stop, and the arrows move the choice within it, wrapping at the ends.
 * `homeEnd` adds Home/End (first/last), which tab lists have and radio groups do not.
 * Returns the index to move to, or null when the key is not the group's.
 */
export function rovingIndex(key: string, index: number, count: number, homeEnd = false): number | null {
  if (count <= 0) return null;
  const from = index < 0 ? 0 : index;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (from + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (from - 1 + count) % count;
    case 'Home':
      return homeEnd ? 0 : null;
    case 'End':
      return homeEnd ? count - 1 : null;
    default:
      return null;
  }
}

/** Focuses the `index`-th element matching `selector` inside `container` (after React re-renders). */
export function focusNth(container: Element, selector: string, index: number): void {
  const el = container.querySelectorAll<HTMLElement>(selector)[index];
  el?.focus();
}
