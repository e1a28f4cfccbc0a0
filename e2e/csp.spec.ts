import { readFile } from 'node:fs/promises';
import { test as plain, type Locator, type Page } from '@playwright/test';
import { advance, expect, simState, test } from './fixtures.ts';
import { XSS_PAYLOADS } from './xssPayloads.ts';

/**
 * The built app under its Content-Security-Policy and Trusted Types (scripts/contentSecurityPolicy.ts,
 * docs/architecture.md "Security"): the whole app works with nothing refused (the sweep worker, the
 * service worker, settings, a journey, exports), the policy is really in force, and script-looking
 * text typed into every field, put into every key of a link or into a scenario file stays text.
 */

/** Recorded in the page from its first script on: policy violations and suspicious new elements. */
interface Watched {
  __csp: string[];
  __injected: string[];
}

/** Runs in the page before its own scripts (page.addInitScript). */
function watchPage(): void {
  const w = window as unknown as Watched;
  w.__csp = [];
  w.__injected = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim()),
  );
  // Elements a payload would create if it were parsed as markup rather than shown as text.
  const suspicious = (el: Element) =>
    el.matches('script, iframe, object, embed, base, img[src="x"], svg[onload], a[href^="javascript:" i]') ||
    [...el.attributes].some((a) => /^on/i.test(a.name));
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n instanceof Element)
          for (const el of [n, ...n.querySelectorAll('*')])
            if (suspicious(el)) w.__injected.push(el.outerHTML.slice(0, 120));
  }).observe(document, { childList: true, subtree: true });
}

/** What the page recorded, plus a scan of the document as it is now. */
async function findings(page: Page): Promise<{ csp: string[]; injected: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as Watched;
    const own = (s: HTMLScriptElement) => s.src.startsWith(`${location.origin}/assets/`);
    const now = [...document.querySelectorAll('*')]
      .filter(
        (el) =>
          (el instanceof HTMLScriptElement && !own(el)) ||
          el.matches('iframe, object, embed, base, img[src="x"], svg[onload], a[href^="javascript:" i]') ||
          [...el.attributes].some((a) => /^on/i.test(a.name)),
      )
      .map((el) => el.outerHTML.slice(0, 120));
    // The entry script (and the preloads vite adds) are the app's own; anything else is not.
    const added = w.__injected.filter(
      (h) => !/^<script type="module" crossorigin="" src="\.\/assets\//.test(h),
    );
    return { csp: [...w.__csp], injected: [...added, ...now] };
  });
}

async function expectClean(page: Page, where: string): Promise<void> {
  const f = await findings(page);
  expect(f.csp, `policy violations ${where}`).toEqual([]);
  expect(f.injected, `injected elements ${where}`).toEqual([]);
}

/** Opens the app, not waiting for the charts' sweep (these tests do not need it). */
async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__xenviz?.state(), null, { timeout: 60_000 });
}

/** Fill and Enter, each payload refused (the field marks itself invalid); Escape restores the field. */
async function typeLikeAPerson(field: Locator, payloads: readonly string[]): Promise<void> {
  for (const payload of payloads) {
    await field.fill(payload);
    await field.press('Enter');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  }
  await field.press('Escape');
}

/**
 * The corpus into every input matching `selector` (all of it, or `perField` payloads each, the
 * n-th input starting at the n × perField-th): the input and keydown (Enter) events React reads
 * from typing, dispatched in the page. Counts the entries refused (marked invalid).
 */
function typeInPage(
  page: Page,
  selector: string,
  perField?: number,
): Promise<{ inputs: number; refused: number }> {
  return page.evaluate(
    async ({ selector, corpus, perField }) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      // React renders a typed change in a microtask; a timer if it has not yet (a loaded machine).
      const settled = async (input: HTMLInputElement) => {
        await Promise.resolve();
        if (input.getAttribute('aria-invalid') !== 'true') await new Promise((r) => setTimeout(r, 0));
        return input.getAttribute('aria-invalid') === 'true';
      };
      const inputs = [...document.querySelectorAll<HTMLInputElement>(selector)];
      let refused = 0;
      for (const [n, input] of inputs.entries()) {
        const payloads = perField
          ? Array.from({ length: perField }, (_, k) => corpus[(n * perField + k) % corpus.length])
          : corpus;
        input.focus();
        for (const p of payloads) {
          setValue.call(input, p);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await Promise.resolve();
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          if (await settled(input)) refused++;
        }
        // Escape puts the last good value back; it must render before the blur commits.
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        input.blur();
        await new Promise((r) => setTimeout(r, 0));
      }
      return { inputs: inputs.length, refused };
    },
    { selector, corpus: XSS_PAYLOADS, perField },
  );
}

/** Fails the test on any dialog (alert, confirm, prompt): a payload that ran would open one. */
function failOnDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return dialogs;
}

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

test.describe('script-looking text stays text', () => {
  test.setTimeout(180_000);

  test('typed into every field of the controls, the settings and the journey', async ({ page }) => {
    const dialogs = failOnDialogs(page);
    await page.addInitScript(watchPage);
    await open(page, '?mode=pv-tcp&workload=stream&size=64&panel=settings');
    await advance(page, 100_000);
    await expect(page).toHaveURL(/[?&]t=100000/); // the link has caught up with the clock
    const url = page.url();

    // Typed as a person would (fill, then Enter: a field applies on Enter or blur), two payloads into
    // three fields; then the corpus through the same events React reads from typing, dispatched in
    // the page, to stay within the time budget.
    const named = [
      page.getByTestId('size-input'),
      page.getByTestId('coal-input'),
      page.getByLabel('Seed', { exact: true }),
    ];
    for (const field of named) await typeLikeAPerson(field, XSS_PAYLOADS.slice(0, 2));
    // A payload is shown as text in the field's message, not parsed.
    await page.getByTestId('coal-input').fill(XSS_PAYLOADS[0]);
    await page.getByTestId('coal-input').press('Enter');
    await expect(page.locator('.field-error').first()).toContainText('<img src=x');
    await page.getByTestId('coal-input').press('Escape');

    // The whole corpus into every text field but the model constants; four payloads into each of
    // the 75 constants, rotating, so the whole corpus goes through the constants' fields too.
    const fields = await typeInPage(page, 'input:not([type]):not([data-testid="model-constants"] input)');
    expect(fields.inputs).toBeGreaterThanOrEqual(named.length);
    expect(fields.refused).toBe(fields.inputs * XSS_PAYLOADS.length);
    const constants = await typeInPage(page, '[data-testid="model-constants"] input', 4);
    expect(constants.inputs).toBeGreaterThanOrEqual(75);
    expect(constants.refused).toBe(constants.inputs * 4);

    expect(page.url(), 'no setting was applied').toBe(url);
    await expect(page.locator('[aria-invalid="true"]'), 'Escape restored every field').toHaveCount(0);

    // The journey's message number (the settings panel covers the chart tabs: closed first).
    await page.getByTestId('settings-toggle').click();
    await page.getByTestId('tab-journey').click();
    await typeLikeAPerson(page.getByTestId('journey-id'), XSS_PAYLOADS.slice(0, 2));
    const journey = await typeInPage(page, '[data-testid="journey-id"]');
    expect(journey).toEqual({ inputs: 1, refused: XSS_PAYLOADS.length });

    expect(page.url(), 'no message chosen').not.toMatch(/[?&]msg=/);
    expect(dialogs).toEqual([]);
    await expectClean(page, 'after typing the corpus');
  });

  test('in every key of a link, and as a key', async ({ page }) => {
    const dialogs = failOnDialogs(page);
    await page.addInitScript(watchPage);
    const keys = [
      'mode',
      'op',
      'workload',
      'size',
      'vms',
      'window',
      'seed',
      'speed',
      'tab',
      'panel',
      't',
      'msg',
      'tour',
      'tourfile',
      'presenter',
      'p.coalUs',
    ];
    // Eight links, each key holding a different payload in each (the corpus rotates over the keys),
    // and four payloads per link as keys the link does not know: every payload is read as a key
    // and in several values, every key reads eight payloads, at one page load per link.
    const at = (n: number) => XSS_PAYLOADS[n % XSS_PAYLOADS.length];
    for (let i = 0; i < 8; i++) {
      const q = new URLSearchParams();
      q.set('v', i % 4 === 0 ? at(i) : '2'); // twice the version itself
      keys.forEach((key, k) => q.set(key, at(i * keys.length + k)));
      for (let j = 0; j < 4; j++) q.set(at(i + 8 * j), '1');
      q.set(`p.${at(i + 3)}`, '1'); // as a constant's name
      // Embedding, every other link: a view it does not know is named on the page.
      if (i % 2 === 0) {
        q.set('embed', at(i + 5));
      } else {
        q.set('embed', '1');
        q.set('view', at(i + 5));
      }
      await open(page, `?${q}`);
      // A payload is named on the page, as text (a notice, or the embed's message).
      const shown = i % 2 === 0 ? at(i).slice(0, 20) : at(i + 5).slice(0, 20);
      await expect
        .poll(() => page.evaluate((s) => document.body.textContent?.includes(s) ?? false, shown), {
          message: `"${shown}" shown as text for ?${q}`,
        })
        .toBe(true);
      await expectClean(page, `for the link ?${q}`);
    }
    expect(dialogs).toEqual([]);
  });

  test('in a scenario file', async ({ page }) => {
    const dialogs = failOnDialogs(page);
    await page.addInitScript(watchPage);
    await open(page, '?mode=dom0&size=256');
    for (const payload of XSS_PAYLOADS.slice(0, 8)) {
      const file = {
        format: 'xen-hpc-io-scenario',
        v: 2,
        settings: {
          mode: payload,
          op: payload,
          workload: payload,
          sizeBytes: payload,
          vms: payload,
          window: payload,
          seed: payload,
          speedNsPerSec: payload,
          params: { coalUs: payload, [payload]: 1 },
        },
        view: { tab: payload, settingsOpen: payload, timeNs: payload, message: payload, [payload]: 1 },
        tour: { step: payload, file: payload },
        [payload]: payload,
      };
      await page.getByTestId('scenario-file-input').setInputFiles({
        name: `${payload.replace(/[\\/]/g, '_')}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      await expect(page.getByTestId('notices-list')).toContainText('Nothing of');
      await expect(page.locator('svg[data-mode]')).toHaveAttribute('data-mode', 'dom0');
      await expectClean(page, `for a file holding ${payload}`);
      await page.getByTestId('notices-dismiss').click();
    }
    expect(dialogs).toEqual([]);
  });
});
