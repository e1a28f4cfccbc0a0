import type { Page } from '@playwright/test';
import { PARAM_BY_NAME } from '../src/model/params.ts';
import {
  SEED_FIELD,
  SIZE_FIELD,
  VMS_FIELD,
  WINDOW_FIELD,
  paramField,
  parseField,
  type FieldSpec,
} from '../src/store/link/fields.ts';
import { paramChangeProblem } from '../src/store/settingsCheck.ts';
import { advance, expect, test } from './fixtures.ts';

/** Opens the app on a link, ready to type into (the charts' sweep is not waited for: no field needs it). */
async function openApp(page: Page, query: string) {
  await page.goto(`/${query}`);
  await page.locator('[data-box]').first().waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForFunction(() => window.__xenviz !== undefined);
}

/**
 * Typed fields commit whole values: on Enter or on leaving the field, never per keystroke. A bad
 * text shows its message beside the field (not over it) and applies nothing; Escape puts the last
 * good value back. Checked with real keys on the fields a lecturer types into most, then over every
 * typed field of the page (the size and every field of the settings panel, each model constant).
 */

/** Records every link the page writes, so a value applied for a moment cannot hide. */
async function recordLinks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __links: string[] };
    w.__links = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (data, unused, url) => {
      if (url) w.__links.push(String(url));
      replace(data, unused, url);
    };
  });
}
const linksWritten = (page: Page) =>
  page.evaluate(() => (window as unknown as { __links: string[] }).__links);

/** Whether the field's message sits clear of its input, whole on the page, and a click on the input reaches it. */
async function messageBesideInput(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((input) => {
    const error = input.closest('.field')?.querySelector('.field-error');
    if (!error) return 'no message';
    const a = input.getBoundingClientRect();
    const b = error.getBoundingClientRect();
    const overlap = !(b.bottom <= a.top || b.top >= a.bottom || b.right <= a.left || b.left >= a.right);
    const hit = document.elementFromPoint(a.left + a.width / 2, a.top + a.height / 2);
    const cut = b.left < 0 || b.top < 0 || b.right > innerWidth || b.bottom > innerHeight;
    if (overlap) return 'over the input';
    if (hit !== input) return 'input not clickable';
    return cut ? 'cut by the edge of the page' : 'beside';
  });
}

test.describe('typed fields commit whole values', () => {
  test.describe.configure({ timeout: 180_000 }); // a page load takes seconds on a loaded machine
  test('typing MTU 100000 key by key applies nothing on the way (not 1000), and Enter refuses it', async ({
    page,
  }) => {
    await recordLinks(page);
    await openApp(page, '?mode=pv-tcp&panel=settings');
    const mtu = page.getByTestId('mtu-input');
    await mtu.selectText();
    await mtu.pressSequentially('100000');
    await page.waitForTimeout(400); // past the link's throttle
    expect((await linksWritten(page)).filter((l) => l.includes('mtuBytes'))).toEqual([]);
    await expect(page.locator('#settings .field-error')).toHaveCount(0); // no message while typing
    await mtu.press('Enter');
    await expect(mtu).toHaveValue('100000');
    await expect(page.locator('#settings .field-error').first()).toContainText(
      'mtuBytes = 100000 B is outside',
    );
    expect(await messageBesideInput(page, 'mtu-input')).toBe('beside');
    await mtu.press('Escape');
    await expect(mtu).toHaveValue('1500');
    await expect(page.locator('#settings .field-error')).toHaveCount(0);
    await mtu.selectText();
    await mtu.pressSequentially('9000');
    await mtu.press('Enter');
    await expect(page).toHaveURL(/p\.mtuBytes=9000/);
    expect((await linksWritten(page)).filter((l) => /mtuBytes=(?!9000)/.test(l))).toEqual([]);
  });

  test('64K in pktgen: nothing applied while typing or on Enter, the run not reset, the message below the field', async ({
    page,
  }) => {
    await openApp(page, '?mode=pv-tcp&workload=pktgen&size=1514');
    await advance(page, 50_000);
    const size = page.getByTestId('size-input');
    await size.selectText();
    await size.pressSequentially('64K');
    await size.press('Enter');
    await expect(page.getByTestId('size-readout')).toHaveText('1.48 KiB');
    expect(await page.evaluate(() => window.__xenviz.state().nowNs)).toBeGreaterThanOrEqual(50_000);
    await expect(page.locator('.size-control .field-error')).toContainText('outside');
    expect(await messageBesideInput(page, 'size-input')).toBe('beside');
    // The user clicks back into the field and fixes it.
    await size.click();
    await size.selectText();
    await size.pressSequentially('9000');
    await size.press('Enter');
    await expect(page).toHaveURL(/size=9000/);
    await expect(page.getByTestId('size-readout')).not.toHaveText('1.48 KiB');
  });

  test('leaving a field with a bad text keeps the text and its message, and applies nothing', async ({
    page,
  }) => {
    await openApp(page, '?mode=pv-tcp&size=4096');
    const size = page.getByTestId('size-input');
    await size.fill('abc');
    await size.press('Tab');
    await expect(size).toHaveValue('abc');
    await expect(page.locator('.size-control .field-error')).toContainText('"abc" is not a size');
    await expect(page.getByTestId('size-readout')).toHaveText('4 KiB');
    // A value from elsewhere (the slider) replaces the abandoned draft.
    await page.getByTestId('size-slider').fill('10');
    await expect(size).toHaveValue('1K');
    await expect(page.locator('.size-control .field-error')).toHaveCount(0);
  });
});

/** The texts each field is given: those its own reader refuses (checked here, not assumed). */
const CANDIDATES = [
  '100000',
  '2.5',
  '1e9',
  '1e309',
  '4294967296',
  '64K',
  '',
  'abc',
  '<script>alert(1)</script>',
  '-1',
  '0x10',
];

function specOf(key: string): FieldSpec {
  const fixed: Record<string, FieldSpec> = {
    size: SIZE_FIELD,
    vms: VMS_FIELD,
    window: WINDOW_FIELD,
    seed: SEED_FIELD,
  };
  return fixed[key] ?? paramField(key.slice(2))!;
}

/** A value the field accepts that differs from `current`, consistent with the constants changed so far. */
function validFor(key: string, current: number, params: Record<string, number>): number {
  const spec = specOf(key);
  const name = key.startsWith('p.') ? key.slice(2) : null;
  const dflt = name ? PARAM_BY_NAME.get(name)!.default : current;
  const mid = spec.integer
    ? Math.round((spec.min + spec.max) / 2)
    : Number(((spec.min + spec.max) / 2).toFixed(3));
  const tries = [dflt + 1, dflt - 1, mid, spec.max, spec.min, Math.round(dflt * 1.5)];
  const v = tries.find(
    (t) =>
      t !== current &&
      t !== dflt &&
      parseField(spec, String(t)).ok &&
      (name === null || paramChangeProblem(params, name, t) === null),
  );
  if (v === undefined) throw new Error(`no valid value found for ${key}`);
  return v;
}

test('every typed field refuses bad texts beside itself, applies nothing, and Escape restores it', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await openApp(page, '?mode=pv-tcp&workload=stream&size=4096&panel=settings');
  await page.getByTestId('model-constants').locator('summary').click();
  // Every typed field, named by the link key it sets.
  const keys = await page.evaluate(() => {
    const byLabel: Record<string, string> = {
      'In flight per pair': 'window',
      'Dom0 vCPUs': 'p.dom0Vcpus',
      'MTU (TCP)': 'p.mtuBytes',
      'IRQ coalescing': 'p.coalUs',
      Seed: 'seed',
    };
    const inputs = [
      document.querySelector<HTMLInputElement>('[data-testid=size-input]')!,
      ...document.querySelectorAll<HTMLInputElement>('#settings .field input'),
    ];
    return inputs.map((input, i) => {
      input.dataset.fuzz = String(i);
      const param = input.closest<HTMLElement>('[data-param]')?.dataset.param;
      const label = input.closest('.field')?.querySelector('label')?.textContent ?? '';
      if (input.dataset.testid === 'size-input') return 'size';
      if (input.dataset.testid === 'vms-input') return 'vms';
      return param ? `p.${param}` : (byLabel[label] ?? `unknown:${label}`);
    });
  });
  expect(keys.filter((k) => k.startsWith('unknown'))).toEqual([]);
  expect(keys.length).toBeGreaterThan(40);
  const plan = keys.map((key) => ({
    key,
    texts: CANDIDATES.filter((t) => !parseField(specOf(key), t).ok),
  }));
  const linkBefore = page.url();

  const results = await page.evaluate(async (plan) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const settle = () => new Promise((r) => setTimeout(r, 0));
    const out = [];
    for (const [i, { key, texts }] of plan.entries()) {
      const input = document.querySelector<HTMLInputElement>(`[data-fuzz="${i}"]`)!;
      const field = input.closest('.field')!;
      const key_ = (k: string) =>
        input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      input.focus();
      const original = input.value;
      for (const text of texts) {
        setValue.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        key_('Enter');
        await settle();
        const error = field.querySelector('.field-error');
        const a = input.getBoundingClientRect();
        const b = error?.getBoundingClientRect();
        const over = b
          ? !(b.bottom <= a.top || b.top >= a.bottom || b.right <= a.left || b.left >= a.right)
          : false;
        const kept = input.value;
        key_('Escape');
        await settle();
        out.push({
          key,
          text: text.slice(0, 30),
          kept: kept === text,
          message: error?.textContent ?? null,
          over,
          restored: input.value === original,
          cleared: field.querySelector('.field-error') === null,
        });
      }
      input.blur();
    }
    return out;
  }, plan);
  const wrong = results.filter((r) => !r.kept || !r.message || r.over || !r.restored || !r.cleared);
  console.log(
    `typed-field fuzz: ${keys.length} fields, ${results.length} bad texts tried, ${results.length - wrong.length} handled, ${wrong.length} wrong`,
  );
  expect(wrong).toEqual([]);
  await page.waitForTimeout(400); // past the link's throttle: nothing was applied
  expect(page.url()).toBe(linkBefore);

  // A valid text and Enter applies: in every field but the constants, and one constant of each
  // group (each change rebuilds the live run and restarts the sweep, seconds on a loaded machine).
  const groups = new Set<string>();
  const sample = keys.map((key) => {
    if (!key.startsWith('p.')) return true;
    const group = PARAM_BY_NAME.get(key.slice(2))!.group;
    if (groups.has(group)) return false;
    groups.add(group);
    return true;
  });
  const params: Record<string, number> = {};
  const applied: { i: number; key: string; value: number }[] = [];
  const currents = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('[data-fuzz]')].map((x) => x.value),
  );
  keys.forEach((key, i) => {
    if (!sample[i]) return;
    const parsed = parseField(specOf(key), currents[i]);
    const current =
      key.startsWith('p.') && key.slice(2) in params ? params[key.slice(2)] : parsed.ok ? parsed.value : NaN;
    const value = validFor(key, current, params);
    if (key.startsWith('p.')) params[key.slice(2)] = value;
    applied.push({ i, key, value });
  });
  const refused = await page.evaluate(async (applied) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const bad = [];
    for (const { i, key, value } of applied) {
      const input = document.querySelector<HTMLInputElement>(`[data-fuzz="${i}"]`)!;
      input.focus();
      setValue.call(input, String(value));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      const error = input.closest('.constant, .field')?.parentElement?.querySelector('.field-error');
      if (error) bad.push(`${key}=${value}: ${error.textContent}`);
      input.blur();
    }
    return bad;
  }, applied);
  expect(refused).toEqual([]);
  await page.waitForTimeout(400);
  const link = new URL(page.url()).searchParams;
  const last = new Map(applied.map((a) => [a.key, a.value]));
  const inLink = [...last].filter(([key, value]) => Number(link.get(key)) !== value);
  expect(inLink).toEqual([]);
});
