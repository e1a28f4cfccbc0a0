/**
 * `./x.worker.ts?worker&inline&source`: the worker bundled as one classic script, as a string
 * (the single-file build's `inlineWorkerSource` plugin in scripts/contentSecurityPolicy.ts makes it
 * from vite's inline worker), so the page starts it from a blob: URL of its own.
 */
declare module '*?worker&inline&source' {
  const source: string;
  export default source;
}
