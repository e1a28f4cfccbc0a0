import { readFile } from 'node:fs/promises';
import { test as plain, type Page } from '@playwright/test';
import { advance, expect, simState, test } from './fixtures.ts';
import { expectClean, findings, watchPage } from './pageWatch.ts';

/**
 * The built app under its Content-Security-Policy and Trusted Types (scripts/contentSecurityPolicy.ts,
 * docs/architecture.md "Security"): the whole app works with nothing refused (the sweep worker, the
 * service worker, settings, a journey, exports) and the policy is really in force. Script-looking
 * text in fields, links and scenario files: xss.spec.ts.
 */

test.describe('under the Content-Security-Policy', () => {
  test.setTimeout(180_000);

  test('the app runs with nothing refused: sweep worker, service worker, settings, journey, exports', async ({
    page,
  }) => {
    await page.addInitScript(watchPage);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    // Seed 2: not the default settings, whose runs ship with the app, so the workers do run.
    const response = await page.goto('/?mode=pv-tcp&workload=pingpong&size=64&seed=2');
    // The policy is in the page (any static host) and, from vite preview, in the header too.
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("require-trusted-types-for 'script'");
    expect(meta).not.toContain('unsafe-');
    expect(response?.headers()['content-security-policy']).toBe(meta);

    // The original failure: the sweep worker refused (a string where a TrustedScriptURL must go),
    // so the charts never arrived. The sweep runs on workers, not the page's fallback.
    await page.waitForFunction(() => window.__xenviz?.state().sweepReady, null, { timeout: 90_000 });
    expect((await simState(page)).sweepWorkers).toBeGreaterThan(0);
    expect(
      workers.some((u) => /\/assets\/sweep\.worker-[\w-]+\.js$/.test(u)),
      workers.join(', '),
    ).toBe(true);
    await page.getByTestId('tab-throughput').click();
    await expect.poll(() => page.locator('[data-testid=series] path[d]').count()).toBeGreaterThan(0);

    // The service worker registers (its URL passes the `default` policy) and takes control.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

    // Play for a moment, then pause.
    const before = (await simState(page)).nowNs;
    await page.getByTestId('play').click();
    await expect.poll(async () => (await simState(page)).nowNs).toBeGreaterThan(before);
    await page.getByTestId('play').click();

    // Settings open and close (the panel covers the chart tabs at 1366×768).
    await page.getByTestId('settings-toggle').click();
    await expect(page.getByTestId('coal-input')).toBeVisible();
    await page.getByTestId('settings-toggle').click();

    // A journey.
    await advance(page, 200_000);
    await page.getByTestId('tab-journey').click();
    await page.getByTestId('journey-id').fill('1');
    await page.getByTestId('journey-id').press('Enter');
    await expect(page.getByTestId('journey')).toHaveAttribute('data-message', '1');

    // Exports: a chart's SVG and PNG, and the diagram's PNG (its tokens go in as a data: image).
    await page.getByTestId('tab-throughput').click();
    const chartSvg = await exported(page, 'throughput', 'svg');
    expect(chartSvg.toString('utf8')).toMatch(/<svg[^>]*data-figure-width/);
    expect(chartSvg.toString('utf8')).toMatch(/style="[^"]*fill:/); // computed styles written in
    expect((await exported(page, 'throughput', 'png')).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await exported(page, 'diagram', 'png')).subarray(1, 4).toString('latin1')).toBe('PNG');

    await expectClean(page, 'while using the app');
  });
});

/** Clicks the export panel's `action` for `scope` and returns the saved file's bytes. */
async function exported(page: Page, scope: string, action: 'png' | 'svg'): Promise<Buffer> {
  const panel = page.locator(`[data-testid="export-panel"][data-export-scope="${scope}"]`);
  if (!(await panel.isVisible()))
    await page.locator(`[data-testid="export-menu"][data-export-scope="${scope}"]`).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId(`export-${action}`).click(),
  ]);
  await expect(panel.getByTestId('export-status')).toContainText('Saved');
  return readFile(await download.path());
}

// Provokes refusals on purpose, so it watches the console itself rather than through the fixture.
plain(
  'the policy is in force: no eval, no inline script, no markup or script URL from a string',
  async ({ page }) => {
    plain.setTimeout(120_000);
    await page.addInitScript(watchPage);
    await page.goto('/');
    await page.waitForFunction(() => window.__xenviz?.state().sweepReady, null, { timeout: 90_000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // Each runs in a task of the page's own (a page.evaluate itself may compile strings).
    const outcome = await page.evaluate(async () => {
      const attempt = (f: () => unknown) =>
        new Promise<string>((resolve) =>
          setTimeout(() => {
            try {
              f();
              resolve('ran');
            } catch (e) {
              resolve(e instanceof Error ? e.name : String(e));
            }
          }),
        );
      const blob = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
      const tt = (window as unknown as { trustedTypes: { createPolicy(n: string, o: object): unknown } })
        .trustedTypes;
      return {
        eval: await attempt(() => eval('1')),
        newFunction: await attempt(() => new Function('return 1')),
        innerHTML: await attempt(() => (document.createElement('div').innerHTML = '<b>x</b>')),
        scriptText: await attempt(() => (document.createElement('script').text = 'alert(1)')),
        scriptSrc: await attempt(() => (document.createElement('script').src = 'https://example.com/x.js')),
        workerElsewhere: await attempt(() => new Worker('https://example.com/w.js')),
        workerFromBlob: await attempt(() => new Worker(blob)),
        workerFromData: await attempt(() => new Worker('data:text/javascript,postMessage(1)')),
        workerSameOrigin: await attempt(() => new Worker('./assets/nothing.js')),
        // Policy names: only the app's, each created once (already, by the app).
        otherPolicy: await attempt(() => tt.createPolicy('mine', {})),
        workerPolicyAgain: await attempt(() => tt.createPolicy('xenviz-worker', {})),
        defaultPolicyAgain: await attempt(() => tt.createPolicy('default', {})),
      };
    });
    expect(outcome).toEqual({
      eval: 'EvalError',
      newFunction: 'EvalError',
      innerHTML: 'TypeError',
      scriptText: 'TypeError',
      scriptSrc: 'TypeError',
      workerElsewhere: 'TypeError',
      workerFromBlob: 'TypeError',
      workerFromData: 'TypeError',
      // The `default` policy answers the service worker's registration only, not other sinks.
      workerSameOrigin: 'TypeError',
      otherPolicy: 'TypeError',
      workerPolicyAgain: 'TypeError',
      defaultPolicyAgain: 'TypeError',
    });
    // An inline script element, a style attribute from markup: refused by the policy itself.
    await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'body { outline: 3px solid red }';
      document.head.append(s);
      document.body.setAttribute('style', 'outline: 3px solid red');
    });
    expect(await page.evaluate(() => getComputedStyle(document.body).outlineStyle)).toBe('none');
    // The violations were reported where the other tests look for them.
    const { csp } = await findings(page);
    for (const directive of [
      'require-trusted-types-for',
      'trusted-types',
      'style-src-elem',
      'style-src-attr',
    ])
      expect(
        csp.some((v) => v.startsWith(`${directive} `)),
        `${directive} in ${csp.join('\n')}`,
      ).toBe(true);
  },
);
