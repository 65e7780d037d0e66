import { expect, test, type Page } from '@playwright/test';
import { collectErrors, signIn } from './support.js';

/**
 * #9 item 5: the app, the portal and the API documentation run under the strict CSP the server
 * sends (scripts from this origin only). Every violation is recorded by a listener installed before
 * any page script runs; the tests walk the pages that use the most (antd, ECharts, swagger-ui).
 */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

test('the signed-in app works under the strict CSP: workbench, ledger, board with charts', async ({ page }) => {
  const errors = collectErrors(page);
  await recordViolations(page);
  const first = await page.goto('/');
  expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
  await signIn(page, 'leader');
  await expect(page.getByTestId('workbench')).toBeVisible();
  await page.getByRole('menuitem', { name: '投诉台账' }).click();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await page.getByRole('menuitem', { name: '领导看板' }).click();
  await expect(page.getByTestId('chart-open-by-level').locator('canvas')).toHaveCount(1);
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the portal and the API documentation work under the strict CSP', async ({ page }) => {
  const errors = collectErrors(page);
  await recordViolations(page);
  const portal = await page.goto('/portal');
  expect(portal?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('#portal h1, #portal h2').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.goto('/api/docs');
  await expect(page.getByText('保险证券投诉管理系统 API').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('API answers are never stored by a cache', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'agent');
  await expect(page.getByTestId('workbench')).toBeVisible();
  const res = await page.request.get('/api/complaints?limit=1');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toBe('no-store');
});
