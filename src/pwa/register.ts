/// <reference types="vite-plugin-pwa/vanillajs" />
import { updateState } from './updateState.ts';
import { allowServiceWorkerRegistration } from '../worker/trustedTypes.ts';

/**
 * Registers the service worker of the served build (vite-plugin-pwa, `generateSW`), which precaches
 * the app so a reload works with no network. Not in `vite dev` (the files change under it) and not
 * in the single-file build (it runs from file://, where there are no service workers).
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || import.meta.env.MODE === 'single') return;
  if (!('serviceWorker' in navigator)) return;
  // The library passes the service worker's URL to the browser as a string: Trusted Types let it
  // through only by the page's `default` policy, which allows that one same-origin URL.
  allowServiceWorkerRegistration();
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const activate = registerSW({
      immediate: true,
      onNeedRefresh: () => updateState.offer(),
      // Given, so the library never reloads by itself: the page reloads only after the user's click.
      onNeedReload: () => updateState.tookOver(),
    });
    updateState.connect({
      activate: () => activate(),
      reload: () => window.location.reload(),
      setTimer: (run, ms) => void setTimeout(run, ms),
    });
  });
}
