import { expect, test } from '@playwright/test';
import { apiSession, collectErrors } from './support.js';

test('a new user signs in with the one-time password, must change it first, then sees only the menu their role allows', async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  const admin = await apiSession(baseURL, 'admin');
  const units = (await (await admin.api.get('/api/org-units?kind=department')).json()) as { items: Array<{ id: string; code: string }> };
  const handlerUnit = units.items.find((u) => u.code === 'CLAIMS');
  const username = `new.handler.${Date.now() % 100_000}`;
  const created = await admin.post('/api/users', { username, displayName: '新理赔专员', roles: ['department_handler'], orgUnitIds: handlerUnit ? [handlerUnit.id] : [] });
  expect(created.status(), await created.text()).toBe(201);
  const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
  await admin.close();

  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(oneTimePassword);
  await page.locator('button[type=submit]').click();
  await expect(page.getByText('首次登录，请修改密码')).toBeVisible();
  await page.getByLabel('当前密码').fill(oneTimePassword);
  await page.getByLabel('新密码', { exact: true }).fill('Claims-Handler#2026');
  await page.getByLabel('确认新密码').fill('Claims-Handler#2026');
  await page.getByRole('button', { name: '修改密码' }).click();

  await expect(page.getByTestId('workbench')).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText('新理赔专员');
  // a department handler reads complaints but registers none, and has no board or administration
  await expect(page.getByRole('menuitem', { name: '投诉台账' })).toBeVisible();
  for (const hidden of ['登记投诉', '领导看板', '系统管理']) await expect(page.getByRole('menuitem', { name: hidden })).toHaveCount(0);
  await expect(page.getByTestId('workbench-new')).toHaveCount(0);
  expect(errors).toEqual([]);
});
