import { expect, test } from '@playwright/test';
import { apiSession, collectErrors, openAction, registerComplaint, signIn, type ApiSession } from './support.js';

const SHOTS = 'docs/screenshots';

async function step(s: ApiSession, id: string, action: string, data: Record<string, unknown>): Promise<void> {
  const res = await s.post(`/api/complaints/${id}/${action}`, data);
  expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
}

test('#14 item 3: round three goes to the department head; the handler cannot close it; the reviewer concludes', async ({
  page,
  browser,
  baseURL,
}) => {
  const agent = await apiSession(baseURL, 'agent');
  const supervisor = await apiSession(baseURL, 'supervisor');
  const leader = await apiSession(baseURL, 'leader');
  const c = await registerComplaint(agent);
  // handled as level 3 whatever was proposed: the complaints earlier browser tests registered can make the
  // mass-incident rule propose level 1, and a level-3 complaint is answered without the level-1 route
  await step(agent, c.id, 'grade', c.level === 3 ? { level: 3 } : { level: 3, reason: '小额争议，当场可答复，按三级处理' });
  for (const [round, by] of [
    [1, supervisor],
    [2, leader],
  ] as const) {
    await step(agent, c.id, 'send-feedback', { method: 'phone', content: `第 ${round} 轮答复` });
    await step(agent, c.id, 'record-survey', { satisfied: false, score: 1, method: 'phone' });
    await step(by, c.id, 'reopen', { reason: `第 ${round} 次不满意` });
  }
  await step(agent, c.id, 'send-feedback', { method: 'phone', content: '第 3 轮答复' });
  await step(agent, c.id, 'record-survey', { satisfied: false, score: 1, method: 'phone' });
  // the handler's close is refused with the reason
  const refused = await agent.post(`/api/complaints/${c.id}/close`, { outcome: 'partly_upheld', summary: 'x', reason: 'y' });
  expect(refused.status()).toBe(409);
  await Promise.all([agent.close(), supervisor.close(), leader.close()]);
  const errors = collectErrors(page);

  // the handler sees who reviews it and that they cannot close it
  await page.goto('/');
  await signIn(page, 'agent');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto(`/complaints/${c.id}`);
  await expect(page.getByTestId('formal-review-notice')).toContainText('部门负责人 supervisor');
  await expect(page.getByTestId('formal-review-notice')).toContainText('经办人不能办结');
  await expect(page.getByTestId('actions')).not.toHaveAttribute('data-offered', /(^|,)close(,|$)/);
  await page.screenshot({ path: `${SHOTS}/formal-review-handler.png` });
  // the reviewer, in a browser of their own, records the conclusion
  const reviewer = await browser.newPage({ baseURL });
  const reviewerErrors = collectErrors(reviewer);
  await reviewer.goto('/');
  await signIn(reviewer, 'supervisor');
  await expect(reviewer.getByTestId('current-user')).toBeVisible();
  await reviewer.goto(`/complaints/${c.id}`);
  await expect(reviewer.getByTestId('formal-review-notice')).toContainText('您是复核人');
  const drawer = await openAction(reviewer, 'conclude_review');
  await drawer.locator('.ant-radio-button-wrapper', { hasText: /^部分成立$/ }).click();
  await drawer.locator('textarea').first().fill('复核维持原处理结论：定损依据充分，补差方案合理。');
  await reviewer.screenshot({ path: `${SHOTS}/formal-review-conclusion.png` });
  await drawer.getByTestId('action-submit').click();
  await expect(drawer).toBeHidden();
  await expect(reviewer.getByTestId('formal-review-concluded')).toContainText('复核维持原处理结论');
  expect(reviewerErrors).toEqual([]);
  await reviewer.close();
  expect(errors).toEqual([]);
});

test('#14 item 2: a complaint about complaint handling is linked both ways and sits with the supervision department', async ({
  page,
  baseURL,
}) => {
  const agent = await apiSession(baseURL, 'agent');
  const original = await registerComplaint(agent);
  const about = await registerComplaint(agent, { description: '客服处理我的投诉时敷衍了事', aboutComplaint: original.number });
  await agent.close();
  const errors = collectErrors(page);

  await page.goto('/');
  await signIn(page, 'inspector');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto(`/complaints/${about.id}`);
  await expect(page.getByTestId('about-handling-notice')).toContainText(original.number);
  await page.screenshot({ path: `${SHOTS}/handling-complaint.png` });
  await page.goto(`/complaints/${original.id}`);
  await expect(page.getByTestId('handling-complaint-notice')).toContainText(about.number);
  await page.goto(`/complaints/${original.id}?tab=related`);
  await expect(page.getByTestId('related')).toContainText('对本投诉处理情况的投诉');
  expect(errors).toEqual([]);
});
