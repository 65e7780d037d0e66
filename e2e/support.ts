import type { Page } from '@playwright/test';

/** Every demo account's password in the browser tests (DEMO_PASSWORD of the test server). */
export const DEMO_PASSWORD = 'Demo-Passw0rd!';

/** Collects console errors and uncaught exceptions of a page; the tests assert there are none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.locator('button[type=submit]').click();
}
