import { advance, expect, openApp, test } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

/** The rectangles of two elements share no area. */
async function apart(a: Locator, b: Locator): Promise<boolean> {
  const [ra, rb] = [await a.boundingBox(), await b.boundingBox()];
  if (!ra || !rb) return false;
  return (
    ra.x + ra.width <= rb.x || rb.x + rb.width <= ra.x || ra.y + ra.height <= rb.y || rb.y + rb.height <= ra.y
  );
}

const netbackOf = (page: Page) => page.locator('[data-box="h0/dom0/netback"]');

test.describe('cards that explain the boxes', () => {
  test("netback's card: its text, its constants from the schema, the run's spending; Esc closes", async ({
    page,
  }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await advance(page, 500_000);
    const netback = netbackOf(page);
    await netback.click();
    const card = page.getByTestId('box-card');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-topic', 'netback');
    await expect(card.getByRole('heading', { level: 2 })).toHaveText('netback');
    await expect(card.getByTestId('card-text')).toContainText('xen-netback');
    const nbTx = card.getByTestId('card-param-nbTxUs');
    await expect(nbTx).toHaveAttribute('data-value', '1.8');
    await expect(nbTx).toContainText('1.8 µs');
    await expect(nbTx).toContainText('Source: assumption, calibrated to the 416 MiB/s vif cap');
    // The run has charged netback work to Dom0 by now, and none to the guest.
    const spent = card.getByTestId('card-spent');
    expect(Number(await spent.locator('[data-domain=dom0]').getAttribute('data-ns'))).toBeGreaterThan(0);
    await expect(spent.locator('[data-domain=vm]')).toHaveAttribute('data-ns', '0');
    expect(await apart(card, netback)).toBe(true);

    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
  });

  test('a changed constant shows its changed value on the card', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp');
    await page.getByTestId('settings-toggle').click();
    await page.getByTestId('model-constants').locator('summary').click();
    const field = page.locator('[data-param="nbTxUs"] input');
    await field.fill('3.4');
    await field.press('Tab');
    await expect(page).toHaveURL(/nbTxUs=3\.4/);
    await netbackOf(page).click();
    const nbTx = page.getByTestId('box-card').getByTestId('card-param-nbTxUs');
    await expect(nbTx).toHaveAttribute('data-value', '3.4');
    await expect(nbTx).toContainText('3.4 µs');
    await expect(nbTx).toContainText('default 1.8 µs');
  });

  test('a click outside closes the card; Enter on a focused box opens it; a vCPU gauge has one', async ({
    page,
  }) => {
    await openApp(page, '?mode=zero-copy&workload=pingpong&size=64');
    await advance(page, 200_000);
    const card = page.getByTestId('box-card');
    await page.locator('[data-box="h0/xen/iotlb"]').click();
    await expect(card).toHaveAttribute('data-topic', 'iotlb');
    await page.getByRole('heading', { name: 'Xen HPC I/O' }).click(); // outside the card
    await expect(card).toHaveCount(0);

    await page.locator('[data-box="h0/xen/evtchn"]').focus();
    await page.keyboard.press('Enter');
    await expect(card).toHaveAttribute('data-topic', 'evtchn');
    await expect(card.getByTestId('card-param-hcallUs')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await expect(page.locator('[data-box="h0/xen/evtchn"]')).toBeFocused();

    const gauge = page.locator('[data-gauge="h0/dom0/vcpu1"]');
    await gauge.click();
    await expect(card).toHaveAttribute('data-topic', 'vcpu');
    await expect(card.getByTestId('card-param-vcpuWakeUs')).toBeVisible();
    // The backend runs on Dom0's vCPU1: the run has charged it there.
    await expect(card.getByTestId('card-spent').locator('[data-category=backend]')).toBeVisible();
    expect(await apart(card, gauge)).toBe(true);
    // From the keyboard too: a vCPU gauge is a focusable button.
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    const guestGauge = page.locator('[data-gauge="h0/vm0/vcpu0"]');
    await expect(guestGauge).toHaveAttribute('role', 'button');
    await guestGauge.focus();
    await page.keyboard.press('Enter');
    await expect(card).toHaveAttribute('data-topic', 'vcpu');
  });

  test('the SR-IOV what-if explains itself on screen when chosen, until dismissed', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp');
    const note = page.getByTestId('what-if-note');
    await expect(note).toHaveCount(0);
    await page.locator('[data-testid=choice-mode] [data-value=sr-iov]').click();
    await expect(note).toBeVisible();
    await expect(note).toContainText('a smart NIC exports a queue pair');
    await expect(note).toHaveAttribute('data-mode', 'sr-iov');
    await note.getByRole('button').click();
    await expect(note).toHaveCount(0);
    await page.locator('[data-testid=choice-mode] [data-value=hw-offload]').click();
    await expect(note).toContainText("the backend's thin protocol runs on the NIC");
  });

  test('screenshot: a card open at 1366×768', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await advance(page, 500_000);
    await netbackOf(page).click();
    await expect(page.getByTestId('box-card')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('card-netback-1366.png') });
    await page.locator('[data-testid=choice-mode] [data-value=sr-iov]').click();
    await page.locator('[data-box="h0/nic/vf"]').click();
    await expect(page.getByTestId('box-card')).toHaveAttribute('data-topic', 'vf');
    await page.screenshot({ path: test.info().outputPath('card-vf-sriov-1366.png') });
  });
});
