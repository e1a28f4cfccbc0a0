import { describe, expect, it } from 'vitest';
import { ownScriptUrl } from './trustedTypes.ts';

const PAGE = 'http://127.0.0.1:4173/app/index.html?mode=pv-tcp';

describe('the Trusted Types rule: only the app’s own scripts', () => {
  it('lets through a script of the page’s origin, as an absolute URL', () => {
    expect(ownScriptUrl('assets/sweep.worker-x.js', PAGE)).toBe(
      'http://127.0.0.1:4173/app/assets/sweep.worker-x.js',
    );
    expect(ownScriptUrl('/sw.js', PAGE)).toBe('http://127.0.0.1:4173/sw.js');
    expect(
      ownScriptUrl('http://127.0.0.1:4173/src/worker/sweep.worker.ts?worker_file&type=module', PAGE),
    ).toBe('http://127.0.0.1:4173/src/worker/sweep.worker.ts?worker_file&type=module');
  });

  it('refuses another origin, scheme or port, and any URL it cannot read', () => {
    for (const url of [
      'https://127.0.0.1:4173/sw.js',
      'http://127.0.0.1:4174/sw.js',
      'http://localhost:4173/sw.js',
      '//example.com/x.js',
      'https://example.com/x.js',
      'javascript:alert(1)',
      'data:text/javascript,alert(1)',
      'http://[bad',
    ])
      expect(ownScriptUrl(url, PAGE), url).toBeNull();
  });

  it('takes a blob: URL only if this module made it', () => {
    const made = 'blob:http://127.0.0.1:4173/0b1c9a4e-5c1e-4b7e-9a43-1f0d9f5d2a11';
    expect(ownScriptUrl(made, PAGE, new Set([made]))).toBe(made);
    expect(ownScriptUrl(made, PAGE, new Set())).toBeNull();
  });

  it('refuses everything but its own blobs on a page with an opaque origin (file://)', () => {
    const file = 'file:///media/usb/dist-single/index.html';
    expect(ownScriptUrl('sweep.worker.js', file)).toBeNull();
    const made = 'blob:null/0b1c9a4e-5c1e-4b7e-9a43-1f0d9f5d2a11';
    expect(ownScriptUrl(made, file, new Set([made]))).toBe(made);
  });
});
