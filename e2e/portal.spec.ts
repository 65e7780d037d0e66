import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { apiSession, registerComplaint } from './support.js';

const SHOTS = 'docs/screenshots';
/** The budget for the public portal's JavaScript, gzipped. */
const PORTAL_JS_BUDGET = 300 * 1024;

/**
 * Console errors and page errors, except the browser's own line for the portal's designed 404 (a
 * wrong number or contact answers 404 by design; Chromium logs every 4xx fetch as an error).
 */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const expected404 = m.text().includes('status of 404') && m.location().url.endsWith('/api/public/track');
    if (!expected404) errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

/** An agent registers a complaint through the API (its own request context: the page stays signed out). */
async function registerFor(baseURL: string | undefined, phone: string, email: string): Promise<string> {
  const agent = await apiSession(baseURL, 'agent');
  const { number } = await registerComplaint(agent, {
    amount: '3500.00',
    receivedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    complainant: { name: '门户测试', phone, email },
  });
  await agent.close();
  return number;
}

async function track(page: Page, number: string, contact: string): Promise<void> {
  await page.getByTestId('track-number').fill(number);
  await page.getByTestId('track-contact').fill(contact);
  await page.getByTestId('track-submit').click();
}

test('a customer reads the channels and the process, then looks up the status of a complaint by number and phone (no code)', async ({
  page,
  baseURL,
}) => {
  const errors = collectErrors(page);
  const digits = String(Date.now()).slice(-8);
  const phone = `139${digits}`;
  const number = await registerFor(baseURL, phone, `portal.${digits}@example.com`);
  expect(number).toMatch(/^TS\d{12}$/);

  // the sign-in page links to the portal, a separate entry point with no sign-in
  await page.goto('/login');
  await page.getByTestId('portal-link').click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('您的意见，我们认真对待');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // channels and process (R-G3); the online form (e2e/portal-submit.spec.ts) is open
  const channels = page.getByTestId('portal-channels');
  for (const name of ['客服热线', '官方网站与手机 App', '营业网点', '书信与电子邮件'])
    await expect(channels.getByRole('heading', { name })).toBeVisible();
  const process = page.getByTestId('portal-process');
  for (const name of ['受理登记', '分级处理', '调查核实', '答复结果', '回访办结'])
    await expect(process.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('submit-section').getByRole('heading', { name: '在线提交投诉' })).toBeVisible();
  await expect(page.getByTestId('submit-send-code')).toBeEnabled();

  // a wrong contact: the generic answer, which says nothing about whether the number exists
  await track(page, number, '13900000000');
  await expect(page.getByTestId('track-error')).toHaveText('未找到与该投诉编号和联系方式相符的投诉，请核对后重试。');
  await expect(page.getByTestId('track-result')).toHaveCount(0);

  // the right one, written the way people write it
  await track(page, number, `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
  const result = page.getByTestId('track-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('track-error')).toHaveCount(0);
  await expect(result).toContainText(`投诉编号 ${number}`);
  await expect(page.getByTestId('track-status')).toHaveText('已受理');
  await expect(page.getByTestId('track-due')).toHaveText(/^20\d\d\/\d\d\/\d\d$/);
  await expect(page.getByTestId('track-stages')).toContainText('受理登记');
  await expect(page.getByTestId('track-stages')).toContainText('待进行');
  await expect(result).not.toContainText('门户测试');
  await expect(result).not.toContainText(phone);
  await page.getByTestId('track-form').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/portal.png` });
  await page.screenshot({ path: `${SHOTS}/portal-full.png`, fullPage: true });

  // English: the page and the answer switch, the choice is remembered
  await page.getByTestId('portal-language').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your concerns matter to us');
  await expect(page.getByTestId('track-status')).toHaveText('Received');
  await expect(page.getByTestId('track-stages')).toContainText('Received and registered');
  await expect(page.getByTestId('portal-channels')).toContainText('Customer service hotline');
  await page.screenshot({ path: `${SHOTS}/portal-en.png` });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your concerns matter to us');
  // back to Chinese for the next pages
  await page.getByTestId('portal-language').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // a tablet and a phone: nothing wider than the screen, tracking still works
  for (const [width, height, shot] of [
    [1024, 768, null],
    [390, 844, 'portal-phone'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`/portal?number=${number}`);
    await expect(page.getByTestId('track-number')).toHaveValue(number);
    await page.getByTestId('track-contact').fill(phone);
    await page.getByTestId('track-submit').click();
    await expect(page.getByTestId('track-status')).toHaveText('已受理');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${width}px`).toBeLessThanOrEqual(0);
    if (shot) {
      await page.getByTestId('track-result').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/${shot}.png` });
    }
  }

  expect(errors).toEqual([]);
});

test('the portal loads less than 300 KB of JavaScript, gzipped', async ({ page }) => {
  const scripts = new Map<string, Promise<Buffer>>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' || r.url().endsWith('.js')) scripts.set(r.url(), r.body());
  });
  await page.goto('/portal');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  let gzipped = 0;
  for (const body of scripts.values()) gzipped += gzipSync(await body, { level: 9 }).length;
  const kb = (gzipped / 1024).toFixed(1);
  test.info().annotations.push({ type: 'portal JavaScript (gzip)', description: `${kb} KB in ${scripts.size} files` });
  console.log(
    `portal JavaScript: ${kb} KB gzipped in ${scripts.size} files: ${[...scripts.keys()].map((u) => u.split('/').pop()).join(', ')}`,
  );
  expect(scripts.size).toBeGreaterThan(0);
  expect(gzipped).toBeLessThan(PORTAL_JS_BUDGET);
});
