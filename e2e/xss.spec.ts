import type { Locator, Page } from '@playwright/test';
import { advance, expect, test } from './fixtures.ts';
import { expectClean, failOnDialogs, open, watchPage } from './pageWatch.ts';
import { XSS_PAYLOADS } from './xssPayloads.ts';

/**
 * Script-looking text typed into every field, put into every key of a link or into a scenario file
 * stays text: no dialog, no injected element, no policy violation (the app runs under its policy:
 * csp.spec.ts).
 */

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
    // The constants' rows are built when their list is first opened.
    await page.locator('[data-testid="model-constants"] > summary').click();
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
