import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { DEFAULT_POLICY, WORKER_POLICY } from '../src/worker/trustedTypes.ts';

/**
 * The built app's Content-Security-Policy, one source for both builds (docs/architecture.md,
 * "Security", says why each source is allowed). The build writes it into index.html as a
 * `<meta http-equiv>` where the `<!-- content-security-policy -->` marker sits, so it holds on any
 * static host, from the service worker's cache and from file://; `vite preview` also sends it as a
 * header (vite.config.ts). `vite dev` gets none: its client and React's refresh run inline scripts.
 */

export type Directives = Readonly<Record<string, readonly string[]>>;

/** Shared by both builds: nothing by default, no plugins, no <base>, no form posts, Trusted Types. */
const COMMON: Directives = {
  'default-src': ["'none'"],
  // The exports draw an SVG through an <img> from a blob: URL; the diagram's tokens go in as data:.
  'img-src': ["'self'", 'data:', 'blob:'],
  // The tours (public/tours/*.json) and a course's own tour file, from this origin only.
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'require-trusted-types-for': ["'script'"],
};

/**
 * The served build (dist/): scripts, styles, the sweep worker, the service worker and the manifest
 * are files of this origin. React's `style` props are set through the CSSOM, which style-src does
 * not govern, so no 'unsafe-inline'.
 */
export function servedPolicy(): Directives {
  return {
    ...COMMON,
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'trusted-types': [WORKER_POLICY, DEFAULT_POLICY],
  };
}

/**
 * The single file (dist-single/index.html): its one script and one style sheet are inline, allowed
 * by their hashes (never 'unsafe-inline'); the sweep worker starts from a blob: URL the page makes
 * itself; no service worker, so no `default` Trusted Types policy.
 */
export function singleFilePolicy(
  scriptHashes: readonly string[],
  styleHashes: readonly string[],
): Directives {
  return {
    ...COMMON,
    'script-src': scriptHashes,
    'style-src': styleHashes,
    'worker-src': ['blob:'],
    'trusted-types': [WORKER_POLICY],
  };
}

export function serialize(policy: Directives): string {
  return Object.entries(policy)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** CSP's hash source for an inline element's text, as the browser computes it (UTF-8, SHA-256). */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Hash sources of every inline <script> and <style> in `html` (elements with a src are skipped). */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const of = (re: RegExp) =>
    [...html.matchAll(re)].filter((m) => !/\bsrc\s*=/.test(m[1])).map((m) => hashSource(m[2]));
  return {
    scripts: of(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi),
    styles: of(/<style\b([^>]*)>([\s\S]*?)<\/style>/gi),
  };
}

const MARKER = '<!-- content-security-policy -->';

/** `html` with the marker replaced by the policy's meta tag; a build without the marker fails. */
export function withPolicyMeta(html: string, policy: Directives): string {
  if (!html.includes(MARKER)) throw new Error(`index.html has no ${MARKER} marker for the policy's meta tag`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${serialize(policy)}" />`;
  return html.replace(MARKER, meta);
}

/** The served build: the meta tag goes into index.html as it is written out. */
export function servedPolicyMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => withPolicyMeta(html, servedPolicy()) },
  };
}

/**
 * The single file: once vite-plugin-singlefile has inlined the script and the style sheet (its
 * generateBundle, also 'post': this plugin must come after it), hash them into the policy.
 */
export function singleFilePolicyMeta(): Plugin {
  return {
    name: 'csp-meta-single',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          const html = String(file.source);
          const { scripts, styles } = inlineHashes(html);
          file.source = withPolicyMeta(html, singleFilePolicy(scripts, styles));
        }
      },
    },
  };
}

/**
 * `x.worker.ts?worker&inline&source` (src/worker/workerSource.d.ts): vite's inline worker module,
 * cut down to the worker's code as a string. vite's own wrapper would hand the browser its blob:
 * URL as a plain string, which Trusted Types refuse; src/worker/spawn.ts makes the URL itself.
 */
export function inlineWorkerSource(): Plugin {
  const JS_CONTENT = /const jsContent = ("(?:[^"\\]|\\.)*");/;
  return {
    name: 'inline-worker-source',
    enforce: 'post',
    transform(code, id) {
      if (!/\?worker&inline&source$/.test(id)) return null;
      const m = JS_CONTENT.exec(code);
      if (!m) this.error(`vite's inline worker module for ${id} no longer has a jsContent string`);
      return { code: `export default ${m[1]};`, map: null };
    },
  };
}
