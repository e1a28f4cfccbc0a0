import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Whether the list of shortcuts (`?`) is open, and where the focus goes back to when it closes. */
interface ShortcutsState {
  readonly open: boolean;
  readonly returnTo: HTMLElement | null;
}

export const shortcutsStore = createStore<ShortcutsState>()(() => ({ open: false, returnTo: null }));

export function openShortcuts(): void {
  if (shortcutsStore.getState().open) return;
  const focused = document.activeElement;
  shortcutsStore.setState({ open: true, returnTo: focused instanceof HTMLElement ? focused : null });
}

/** Closes the list; the dialog gives the focus back to `returnTo` once it has left the top layer. */
export function closeShortcuts(): void {
  if (shortcutsStore.getState().open) shortcutsStore.setState({ open: false });
}

export function useShortcutsOpen(): boolean {
  return useStore(shortcutsStore, (s) => s.open);
}
