import { expect, test } from '@playwright/test';
import { answerOf, apiSession, collectErrors, signIn } from './support.js';

const SHOTS = 'docs/screenshots';
const ONBOARDING_PLAN = '00000000-0000-4000-8000-00000000f001';

test('#15 item 1 (R-G1): a trainer schedules a session, marks attendance and records scores', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const suffix = `${Date.now()}-${test.info().retry}`;
  const trainer = await apiSession(baseURL, 'trainer');
  const plan = await trainer.post('/api/training/plans', {
    kind: 'periodic',
    title: `季度投诉处理培训 ${suffix}`,
    contentAreas: ['law_regulation', 'complaint_process'],
    periodFrom: '2026-01-01',
    periodTo: '2027-12-31',
  });
  expect(plan.status(), await plan.text()).toBe(201);
  const { id: planId } = await answerOf<'/api/training/plans', 'post'>(plan);
  const enrol = await trainer.post(`/api/training/plans/${planId}/attendees`, { usernames: ['agent', 'handler', 'branch'] });
  expect(enrol.status(), await enrol.text()).toBe(200);
  const start = new Date(Date.now() + 2 * 86_400_000);
  const session = await trainer.post(`/api/training/plans/${planId}/sessions`, {
    title: `投诉处理流程与案例 ${suffix}`,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    trainer: 'trainer',
    place: '总部三楼培训室',
    maxScore: 100,
    passMark: 60,
  });
  expect(session.status(), await session.text()).toBe(201);
  await trainer.close();

  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'trainer');
  await page.getByRole('menuitem', { name: '培训' }).click();
  await expect(page).toHaveURL(/\/training\/plans$/);
  await page.getByRole('link', { name: `季度投诉处理培训 ${suffix}` }).click();
  await expect(page.getByTestId('training-attendees')).toContainText('agent');
  await page.getByRole('link', { name: `投诉处理流程与案例 ${suffix}` }).click();

  // attendance and scores
  const pick = async (username: string, label: string) => {
    await page.getByTestId(`status-${username}`).click();
    await page.locator('.ant-select-dropdown:visible').getByText(label, { exact: true }).click();
  };
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

test('#15 item 1 (R-G1): a new account is enrolled in the onboarding plan', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const username = `newhire-${Date.now()}-${test.info().retry}`;
  const admin = await apiSession(baseURL, 'admin');
  const created = await admin.post('/api/users', { username, displayName: `新员工 ${username}`, roles: ['agent'], orgUnitIds: [] });
  expect(created.status(), await created.text()).toBe(201);
  await admin.close();

  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'trainer');
  await page.goto(`/training/plans/${ONBOARDING_PLAN}`);
  await expect(page.getByTestId('training-attendees')).toContainText(username);
  await page.getByRole('link', { name: `新员工 ${username}（${username}）` }).click();
  await expect(page.getByTestId(`record-plan-${ONBOARDING_PLAN}`)).toContainText('新员工自动报名');
  expect(errors).toEqual([]);
});
