import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import {
  inlineWorkerSource,
  serialize,
  servedPolicy,
  servedPolicyMeta,
  singleFilePolicyMeta,
} from './scripts/contentSecurityPolicy.ts';

/**
 * Two builds from one config. `vite build` makes dist/: files served from an origin, with a
 * service worker that precaches them so a reload works with no network. `vite build --mode single`
 * (`npm run build:single`) makes dist-single/index.html: one file with every script and style
 * inlined, which runs from file:// with no server. The two plugins never share a build.
 */
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    base: './',
    plugins: [
      react(),
      ...(single
        ? [
            viteSingleFile(),
            dropMustServe(),
            onlyWorkerLoader('inline'),
            inlineWorkerSource(),
            singleFilePolicyMeta(),
          ]
        : [offline(), onlyWorkerLoader('file'), servedPolicyMeta()]),
    ],
    // 127.0.0.1 rather than localhost: localhost can resolve to ::1 and miss the server.
    server: { host: '127.0.0.1', port: 5173, strictPort: false },
    // The served build's policy as a header too (the meta tag in dist/index.html holds without it).
    preview: {
      host: '127.0.0.1',
      port: 4173,
      strictPort: true,
      headers: { 'Content-Security-Policy': serialize(servedPolicy()) },
    },
    // From file:// a module worker cannot start from a blob: URL; a classic (iife) one can.
    worker: { format: single ? 'iife' : 'es' },
    build: { target: 'es2022', sourcemap: false, outDir: single ? 'dist-single' : 'dist' },
  };
});

/**
 * The service worker. 'prompt': a new version waits until the user asks for it (src/pwa), so a
 * deploy never reloads a lecture in progress. Everything it caches is the app's own files.
 */
function offline() {
  return VitePWA({
    registerType: 'prompt',
    // The icon is precached with the other files (globPatterns); listing it twice is noise.
    includeManifestIcons: false,
    injectRegister: false,
    manifest: {
      name: 'Xen HPC I/O — split-driver simulator',
      short_name: 'Xen HPC I/O',
      description: 'Simulator and visualizer of high-performance I/O for clusters of Xen virtual machines',
      start_url: './',
      display: 'standalone',
      background_color: '#0b1420',
      theme_color: '#0b1420',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
    },
    workbox: {
      // The app, the sweep worker's chunk, the tours (public/tours/*.json) and the icon.
      globPatterns: ['**/*.{js,css,html,svg,json}'],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      // One sw.js with no importScripts: served with the app's Content-Security-Policy as a header
      // (vite preview does), Trusted Types would refuse the string URL of a separate runtime file.
      inlineWorkboxRuntime: true,
    },
  });
}

/** The single file runs from file://, so it needs no "this page must be served" message. */
function dropMustServe(): Plugin {
  return {
    name: 'drop-must-serve',
    transformIndexHtml: (html) =>
      html
        .replace(/<!-- must-serve:start -->[\s\S]*?<!-- must-serve:end -->/g, '')
        .replace(/<link[^>]*must-serve\.css[^>]*>\s*/g, ''),
  };
}

/**
 * spawn.ts imports the sweep worker twice: as a file's URL (`?worker&url`, the served build) and as
 * its code inlined in the page (`?worker&inline&source`, the single file). Each build uses only its
 * own; the other import becomes a stub here, so no build carries a second copy of the worker.
 */
function onlyWorkerLoader(kept: 'file' | 'inline'): Plugin {
  const stub = '\0unused-worker-loader';
  const unused = kept === 'file' ? /\?worker&inline&source$/ : /\?worker&url$/;
  return {
    name: 'only-worker-loader',
    enforce: 'pre',
    resolveId: (source) => (unused.test(source) ? stub : null),
    load: (id) =>
      id === stub
        ? 'export default function UnusedWorker() { throw new Error("this build loads its worker the other way"); }'
        : null,
  };
}
