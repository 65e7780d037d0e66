import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseOption, collectErrors, signIn } from './support.js';

const SHOTS = 'docs/screenshots';
const ONBOARDING_PLAN = '00000000-0000-4000-8000-00000000f001';

/** Types both ends of an antd range picker (dates, or dates with times) and confirms each. */
async function fillRange(scope: Locator, from: string, to: string): Promise<void> {
  const inputs = scope.locator('.ant-picker-range input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(from);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
  await expect(inputs.nth(1)).toHaveValue(to);
}

/** Picks an option of an antd select by typing part of its label. */
async function choose(page: Page, select: Locator, typed: string, label: string): Promise<void> {
  await select.click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible').getByText(label, { exact: false }).first().click();
}

test('#15 item 1 (R-G1): a trainer plans a session, marks attendance and records scores', async ({ page }) => {
  // three forms and a table on a busy two-core machine
  test.slow();
  const suffix = `${Date.now()}-${test.info().retry}`;
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'trainer');
  await page.getByRole('menuitem', { name: '培训' }).click();
  await expect(page).toHaveURL(/\/training\/plans$/);

  // the plan: periodic, the complaint process (the form's default area)
  await page.getByTestId('training-new-plan').click();
  const planDialog = page.getByRole('dialog');
  await planDialog.getByTestId('training-plan-title').fill(`季度投诉处理培训 ${suffix}`);
  await fillRange(planDialog, '2026-01-01', '2027-12-31');
  await planDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page).toHaveURL(/\/training\/plans\/[0-9a-f-]{36}$/);

  // three persons enrolled by name
  const persons = page.getByTestId('enrol-persons');
  for (const username of ['agent', 'handler', 'branch']) await choose(page, persons, username, `（${username}）`);
  await page.keyboard.press('Escape');
  await page.getByTestId('enrol-submit').click();
  const attendees = page.getByTestId('training-attendees');
  for (const username of ['agent', 'handler', 'branch']) await expect(attendees).toContainText(username);

  // the session: the day after tomorrow, 09:30 to 11:30, scored out of 100, passed from 60
  const day = new Date(Date.now() + 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  await page.getByTestId('training-new-session').click();
  const sessionDialog = page.getByRole('dialog');
  await sessionDialog.getByTestId('session-title').fill(`投诉处理流程与案例 ${suffix}`);
  await fillRange(sessionDialog, `${day} 09:30`, `${day} 11:30`);
  await choose(page, sessionDialog.getByTestId('session-trainer'), 'trainer', '（trainer）');
  await sessionDialog.getByTestId('session-place').fill('总部三楼培训室');
  await sessionDialog.getByTestId('session-max').fill('100');
  await sessionDialog.getByTestId('session-pass').fill('60');
  await sessionDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(sessionDialog).toBeHidden();
  const sessions = page.getByTestId('training-sessions');
  await expect(sessions).toContainText(`${day.replaceAll('-', '/')} 09:30 ~ ${day.replaceAll('-', '/')} 11:30`);
  await expect(sessions).toContainText('总部三楼培训室');
  await sessions.getByRole('link', { name: `投诉处理流程与案例 ${suffix}` }).click();

  // attendance and scores
  const pick = (username: string, label: string) => chooseOption(page, page.getByTestId(`status-${username}`), label);
  await pick('agent', '出席');
  await page.getByTestId('score-agent').fill('88');
  await pick('handler', '出席');
  await page.getByTestId('score-handler').fill('52');
  await pick('branch', '请假');
  await page.getByTestId('attendance-save').click();
  await expect(page.getByTestId('result-agent')).toHaveText('合格');
  await expect(page.getByTestId('result-handler')).toHaveText('不合格');
  await expect(page.getByTestId('result-branch')).toHaveText('请假');
  await page.screenshot({ path: `${SHOTS}/training-session.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('#15 item 1 (R-G1): a new account is enrolled in the onboarding plan', async ({ page, browser }) => {
  test.slow();
  const username = `newhire${Date.now()}r${test.info().retry}`;
  const errors = collectErrors(page);

  // an administrator creates the account in 系统管理 → 用户
  await page.goto('/login');
  await signIn(page, 'admin');
  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByTestId('admin-tab-users').click();
  await page.getByTestId('user-new').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('user-username').fill(username);
  await dialog.getByTestId('user-display-name').fill(`新员工 ${username}`);
  await dialog.getByTestId('user-roles').click();
  await page.locator('.ant-select-item-option[title="客服人员"]').click();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('one-time-password')).toBeVisible();
  await page.getByRole('button', { name: '已记下' }).click();
  expect(errors).toEqual([]);

  // the trainer, in a browser of their own, finds the new account among the onboarding plan's
  // attendees, enrolled automatically
  const trainer = await (await browser.newContext()).newPage();
  const trainerErrors = collectErrors(trainer);
  await trainer.goto('/');
  await signIn(trainer, 'trainer');
  await expect(trainer.getByTestId('current-user')).toBeVisible();
  await trainer.goto(`/training/plans/${ONBOARDING_PLAN}`);
  await expect(trainer.getByTestId('training-attendees')).toContainText(username);
  await trainer.getByRole('link', { name: `新员工 ${username}（${username}）` }).click();
  await expect(trainer.getByTestId(`record-plan-${ONBOARDING_PLAN}`)).toContainText('新员工自动报名');
  expect(trainerErrors).toEqual([]);
});
