/**
 * Trusted Types. The built page's Content-Security-Policy (scripts/contentSecurityPolicy.ts) says
 * `require-trusted-types-for 'script'`: the browser then refuses a plain string where a script URL
 * goes (`new Worker(url)`, `navigator.serviceWorker.register(url)`) or where markup is parsed
 * (`innerHTML`). The app hands the browser a script URL in two places, each through a policy here
 * that lets only the app's own scripts through:
 *
 * - `xenviz-worker` (named): the sweep worker, a file of this origin, or (the single-file build)
 *   a blob: URL this module made itself from the worker's inlined source.
 * - `default`: the service worker's registration, whose URL vite-plugin-pwa's helper passes to
 *   the browser as a string. It answers that one sink, for a URL of this origin, and refuses
 *   everything else (markup, scripts, any other script URL), so a string reaching any other sink
 *   still fails.
 *
 * No policy creates markup (`createHTML`): the app renders through React and never parses HTML.
 * Where the browser has no Trusted Types (Firefox, Node in the unit tests) the URL is returned as
 * the checked string, so the same-origin rule holds everywhere.
 */

/** The names the policy's `trusted-types` directive lists (scripts/contentSecurityPolicy.ts). */
export const WORKER_POLICY = 'xenviz-worker';
export const DEFAULT_POLICY = 'default';
/** The sink name Chromium passes to a default policy for `navigator.serviceWorker.register`. */
export const SERVICE_WORKER_SINK = 'ServiceWorkerContainer register';

/** What this module uses of the Trusted Types API (TypeScript's DOM library does not declare it). */
interface PolicyOptions {
  createScriptURL?: (input: string, type?: string, sink?: string) => string | null;
}
interface Policy {
  createScriptURL(input: string): unknown;
}
interface PolicyFactory {
  createPolicy(name: string, options: PolicyOptions): Policy;
}

const factory = (): PolicyFactory | undefined =>
  (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;

/** blob: URLs made by `ownBlobUrl`: the only blob: URLs a policy here lets through. */
const minted = new Set<string>();

/**
 * The absolute URL of `url` if it is one of the app's own scripts: http(s) on the page's origin,
 * or a blob: URL this module made. Null for anything else (another origin, data:, javascript:, a
 * blob: URL made elsewhere, a page with an opaque origin such as file://).
 */
export function ownScriptUrl(
  url: string,
  pageUrl: string,
  ownBlobs: ReadonlySet<string> = minted,
): string | null {
  let u: URL;
  try {
    u = new URL(url, pageUrl);
  } catch {
    return null;
  }
  if (u.protocol === 'blob:') return ownBlobs.has(u.href) ? u.href : null;
  const page = new URL(pageUrl);
  const web = u.protocol === 'http:' || u.protocol === 'https:';
  return web && u.origin === page.origin && u.origin !== 'null' ? u.href : null;
}

function refuse(url: string): never {
  throw new TypeError(`not one of this app's scripts: ${url}`);
}

let workerPolicy: Policy | undefined;

/**
 * `url` as a TrustedScriptURL for `new Worker`, if it is one of the app's own scripts; throws
 * otherwise. Typed as a string because TypeScript's Worker constructor does not know the type; the
 * browser reads the trusted value.
 */
export function trustedWorkerUrl(url: string): string {
  const page = globalThis.document?.baseURI ?? globalThis.location?.href ?? '';
  const tt = factory();
  if (!tt) return ownScriptUrl(url, page) ?? refuse(url);
  workerPolicy ??= tt.createPolicy(WORKER_POLICY, {
    createScriptURL: (input) => ownScriptUrl(input, page) ?? refuse(input),
  });
  return workerPolicy.createScriptURL(url) as string;
}

const blobs = new Map<string, string>();

/**
 * A blob: URL holding `source` (a classic worker's code), made once per source and kept for the
 * page's life: the pool starts several workers from it. Only URLs made here pass the policy.
 */
export function ownBlobUrl(source: string): string {
  let url = blobs.get(source);
  if (!url) {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript;charset=utf-8' }));
    blobs.set(source, url);
    minted.add(url);
  }
  return url;
}

let defaultInstalled = false;

/**
 * The `default` policy, for the service worker's registration (a library passes its URL as a
 * string). Installed once, before the registration; a no-op without Trusted Types.
 */
export function allowServiceWorkerRegistration(): void {
  const tt = factory();
  if (!tt || defaultInstalled) return;
  defaultInstalled = true;
  tt.createPolicy(DEFAULT_POLICY, {
    createScriptURL: (input, _type, sink) =>
      sink === SERVICE_WORKER_SINK ? ownScriptUrl(input, document.baseURI) : null,
  });
}
