import { expect, test } from '@playwright/test';
import { answerOf, apiSession, collectErrors, signIn } from './support.js';

const SHOTS = 'docs/screenshots';
const DAY = 86_400_000;
const localDate = (daysAgo: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - daysAgo * DAY));

test('#14 item 1 (R-E4): an inspector draws a sample, scores a checklist and issues a rectification request; the inspected answers', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // a checklist and a plan over the demo's 90 days, set up through the API
  const inspector = await apiSession(baseURL, 'inspector');
  const checklist = await inspector.post('/api/inspections/checklists', {
    name: `办结质量检查 ${Date.now()}`,
    items: [
      { code: 'A1', text: '在规定时限内受理并答复', weight: 3 },
      { code: 'A2', text: '调查过程有据可查', weight: 2 },
      { code: 'A3', text: '回访记录完整', weight: 1 },
    ],
  });
  expect(checklist.status(), await checklist.text()).toBe(201);
  const { id: checklistId } = await answerOf<'/api/inspections/checklists', 'post'>(checklist);
  const title = `近90天办结投诉检查 ${Date.now()}`;
  const plan = await inspector.post('/api/inspections/plans', {
    title,
    periodFrom: localDate(89),
    periodTo: localDate(0),
    rules: [
      { kind: 'share', percent: 5 },
      { kind: 'all', population: 'level1' },
    ],
    checklistId,
  });
  expect(plan.status(), await plan.text()).toBe(201);
  await inspector.close();

  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'inspector');
  await page.getByRole('menuitem', { name: '监督检查' }).click();
  await expect(page).toHaveURL(/\/supervision\/plans$/);
  await page.getByRole('link', { name: title }).click();

  // draw: the seed is shown with the run
  await page.getByTestId('draw-sample').click();
  await expect(page.getByTestId('run-seed')).toHaveText(/^\d+$/);
  const scoreButtons = page.locator('[data-testid^="score-item-"]');
  await expect(scoreButtons.first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/supervision-plan-sample.png`, fullPage: true });

  // score the first sampled complaint against the checklist
  await scoreButtons.first().click();
  const modal = page.locator('.ant-modal').filter({ hasText: '按检查清单评分' });
  await modal.getByTestId('score-A1').getByText('符合', { exact: true }).click();
  await modal.getByTestId('score-A2').getByText('部分符合').click();
  await modal.getByTestId('score-A3').getByText('不符合', { exact: true }).click();
  await page.screenshot({ path: `${SHOTS}/supervision-score.png` });
  await modal.getByTestId('score-save').click();
  await expect(page.getByText('评分已保存：66.7')).toBeVisible(); // (3 + 1 + 0) / 6
  await expect(page.getByTestId('average-score')).toHaveText('66.7');

  // issue a rectification request to the claims handler
  await page.getByTestId('new-request').click();
  const request = page.locator('.ant-modal').filter({ hasText: '下发整改要求' });
  await request.getByTestId('request-text').fill('回访记录不完整：请补全回访记录并完善回访流程');
  await request.getByTestId('request-person').fill('handler');
  await request.getByTestId('request-save').click();
  await expect(page.getByText(/整改要求已下发，期限/)).toBeVisible();
  const row = page.locator('tr').filter({ hasText: '回访记录不完整' });
  await expect(row).toContainText('待整改');
  await expect(row.getByTestId('request-due')).toHaveText(/\d/);
  await page.screenshot({ path: `${SHOTS}/supervision-plan-request.png`, fullPage: true });

  // the inspected handler sees it in "my findings" and answers
  const context = await browser.newContext();
  const handler = await context.newPage();
  const handlerErrors = collectErrors(handler);
  await handler.goto('/');
  await signIn(handler, 'handler');
  await handler.getByRole('menuitem', { name: '监督检查' }).click();
  await expect(handler).toHaveURL(/\/supervision\/my$/);
  const mine = handler.locator('tr').filter({ hasText: '回访记录不完整' });
  await mine.getByTestId('answer-request').click();
  await handler.getByTestId('answer-text').fill('已补录回访记录，并修订回访流程');
  await handler
    .locator('.ant-modal')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(mine).toContainText('已答复待验证');
  await handler.screenshot({ path: `${SHOTS}/supervision-my.png`, fullPage: true });
  await context.close();

  expect(errors).toEqual([]);
  expect(handlerErrors).toEqual([]);
});
