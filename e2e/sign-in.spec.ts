import { expect, test } from '@playwright/test';
import { answerOf, apiSession, collectErrors, signIn } from './support.js';

test('a new user signs in with the one-time password, must change it first, then sees only the menu their role allows', async ({
  page,
  baseURL,
}) => {
  const errors = collectErrors(page);
  const admin = await apiSession(baseURL, 'admin');
  const units = await answerOf<'/api/org-units', 'get'>(await admin.api.get('/api/org-units?kind=department'));
  const handlerUnit = units.items.find((u) => u.code === 'CLAIMS');
  const username = `new.handler.${Date.now() % 100_000}`;
  const created = await admin.post('/api/users', {
    username,
    displayName: '新理赔专员',
    roles: ['department_handler'],
    orgUnitIds: handlerUnit ? [handlerUnit.id] : [],
  });
  expect(created.status(), await created.text()).toBe(201);
  const { oneTimePassword } = await answerOf<'/api/users', 'post'>(created);
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

test('the auditor reads the audit log (an export and a complaint read are in it, by name) and the policy without edit buttons', async ({
  page,
  baseURL,
}) => {
  // two filters and a screenshot: more than the default minute on a busy two-core machine
  test.slow();
  const errors = collectErrors(page);
  const agent = await apiSession(baseURL, 'agent');
  expect((await agent.api.get('/api/complaints/export?level=1')).status()).toBe(200);
  const listed = await answerOf<'/api/complaints', 'get'>(await agent.api.get('/api/complaints?limit=1'));
  const number = listed.items[0]!.number;
  expect((await agent.api.get(`/api/complaints/${number}`)).status()).toBe(200);
  await agent.close();

  await page.goto('/login');
  await signIn(page, 'auditor');
  await expect(page.getByTestId('workbench')).toBeVisible();
  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByTestId('admin-tab-audit').click();
  await expect(page.getByTestId('audit-page')).toBeVisible();
  const table = page.getByTestId('audit-table');

  // actions and objects by name, in the filter too: never a code or a UUID
  await page.getByTestId('audit-action').click();
  await page.locator('.ant-select-item-option[title="导出台账"]').click();
  const first = table.locator('tr.ant-table-row').first();
  await expect(first).toContainText('导出台账');
  await expect(first).toContainText('(agent)');
  await expect(first).toContainText('投诉台账');
  await expect(first).toContainText('"rows"');
  await expect(table).not.toContainText('complaint.export');

  // the filter's names can be typed: the one option left is chosen
  await page.getByTestId('audit-action').click();
  await page.keyboard.type('查阅投诉');
  await expect(page.locator('.ant-select-item-option:visible')).toHaveCount(1);
  await page.locator('.ant-select-item-option[title="查阅投诉（详情、历史、记录、证据）"]').click();
  const read = table.locator('tr.ant-table-row', { hasText: `投诉 ${number}` }).first();
  await expect(read).toContainText('查阅投诉详情');
  await expect(read).toContainText('(agent)');
  await expect(read).toContainText('已脱敏');
  await expect(table).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/admin-audit.png' });

  await page.getByTestId('admin-tab-policy').click();
  await expect(page.getByRole('button', { name: /发布/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});
