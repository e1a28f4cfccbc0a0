import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashSource,
  inlineHashes,
  serialize,
  servedPolicy,
  singleFilePolicy,
  withPolicyMeta,
} from './contentSecurityPolicy.ts';
import { DEFAULT_POLICY, WORKER_POLICY } from '../src/worker/trustedTypes.ts';

describe('the Content-Security-Policy', () => {
  const served = serialize(servedPolicy());

  it('allows no eval, no inline code, no plugins, no <base>, and requires Trusted Types', () => {
    expect(served).not.toMatch(/unsafe-|\*/);
    expect(served).toContain("default-src 'none'");
    expect(served).toContain("script-src 'self'");
    expect(served).toContain("style-src 'self'");
    expect(served).toContain("object-src 'none'");
    expect(served).toContain("base-uri 'none'");
    expect(served).toContain("require-trusted-types-for 'script'");
    expect(served).toContain(`trusted-types ${WORKER_POLICY} ${DEFAULT_POLICY}`);
  });

  it('gives the single file hashes of its inline code, a blob: worker and no default policy', () => {
    const single = serialize(singleFilePolicy(["'sha256-a'"], ["'sha256-b'"]));
    expect(single).toContain("script-src 'sha256-a'");
    expect(single).toContain("style-src 'sha256-b'");
    expect(single).toContain('worker-src blob:');
    expect(single).toContain(`trusted-types ${WORKER_POLICY}`);
    expect(single).not.toMatch(/unsafe-/);
    expect(single.endsWith(`trusted-types ${WORKER_POLICY}`)).toBe(true);
  });

  it('hashes inline code as the browser does (UTF-8 text between the tags), skipping scripts with a src', () => {
    const code = 'console.log("µs")';
    const html = `<script type="module" crossorigin>${code}</script><script src="./a.js"></script><style rel="stylesheet">b{}</style>`;
    const want = `'sha256-${createHash('sha256').update(Buffer.from(code, 'utf8')).digest('base64')}'`;
    expect(inlineHashes(html)).toEqual({ scripts: [want], styles: [hashSource('b{}')] });
  });

  it('goes where index.html marks it, and a page without the marker fails the build', () => {
    const html = '<head><meta charset="UTF-8" />\n<!-- content-security-policy -->\n</head>';
    expect(withPolicyMeta(html, servedPolicy())).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${served}" />`,
    );
    expect(() => withPolicyMeta('<head></head>', servedPolicy())).toThrow(/marker/);
  });
});
