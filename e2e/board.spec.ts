import { expect, test, type Page } from '@playwright/test';
import { answerOf, apiSession, collectErrors, registerComplaint, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

/** A level-1 complaint registered by the supervisor, planned by the leadership group with two milestones. */
async function plannedLevel1(baseURL: string): Promise<{ number: string }> {
  const supervisor = await apiSession(baseURL, 'supervisor');
  const complaint = await registerComplaint(supervisor, {
    description: '重大交通事故理赔被拒，涉及金额20万元，客户要求领导小组复核。',
    requestedRemedy: '全额赔付',
    amount: '200000',
    receivedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    complainant: { name: '看板测试', phone: '13912340001' },
  });
  expect(complaint.level).toBe(1);

  const leader = await apiSession(baseURL, 'leader');
  const units = await answerOf<'/api/org-units', 'get'>(await leader.api.get('/api/org-units?kind=department'));
  const claims = units.items.find((u) => u.code === 'CLAIMS');
  expect(claims).toBeTruthy();
  const day = 24 * 60 * 60_000;
  const meeting = await leader.api.post(`/api/complaints/${complaint.id}/record-meeting`, {
    headers: { 'x-csrf-token': leader.csrf },
    data: {
      heldAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      attendees: ['leader', 'supervisor'],
      decisions: '理赔部牵头复核定损，三日内向客户说明',
      owners: ['handler'],
      departmentIds: [claims!.id],
      milestones: [
        { title: '调取理赔档案', owner: 'handler', dueAt: new Date(Date.now() + day).toISOString() },
        { title: '复核定损结论', owner: 'handler', dueAt: new Date(Date.now() + 3 * day).toISOString() },
      ],
    },
  });
  expect(meeting.status(), await meeting.text()).toBe(200);
  await supervisor.api.dispose();
  await leader.api.dispose();
  return { number: complaint.number };
}

async function expectChartsDrawn(page: Page) {
  for (const id of ['chart-open-by-level', 'chart-on-time', 'chart-received-per-day']) {
    const chart = page.getByTestId(id);
    await expect(chart.locator('canvas')).toHaveCount(1);
    // the canvas follows its card: never wider than the chart's box. It follows on the next frame
    // after the card's size settles (ResizeObserver), so wait for it as the user does (a busy CI
    // machine once measured between the card's resize and the chart's)
    await expect
      .poll(
        async () => {
          const box = await chart.boundingBox();
          const canvas = await chart.locator('canvas').boundingBox();
          return Boolean(box && canvas && canvas.width <= box.width + 1 && canvas.width > 100 && Math.abs(canvas.x - box.x) <= 1);
        },
        { message: `${id}: the canvas fits its box` },
      )
      .toBe(true);
  }
}

test('a leader opens the board: counts, charts, level-1 complaints with plan and milestones, exceptions', async ({ page, baseURL }) => {
  const { number } = await plannedLevel1(baseURL!);
  const errors = collectErrors(page);

  await page.goto('/');
  await signIn(page, 'leader');
  await page.getByRole('menuitem', { name: '领导看板' }).click();
  await expect(page).toHaveURL(/\/board$/);
  await expect(page.getByRole('heading', { name: '领导看板' })).toBeVisible();
  await expect(page.getByTestId('board-updated')).toContainText('每分钟自动刷新');

  for (const tile of ['openComplaints', 'openLevel1', 'overdueComplaints', 'openExceptions', 'breaches', 'onTimeRate']) {
    await expect(page.getByTestId(`board-tile-${tile}`).locator('.ant-statistic-content')).toBeVisible();
  }
  await expect(page.getByTestId('board-tile-openLevel1')).toContainText('一级未办结');
  await expectChartsDrawn(page);

  const row = page.getByTestId('board-level1').locator('tr.ant-table-row', { hasText: number });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('board-plan')).toContainText('理赔部');
  await expect(row.getByTestId('board-plan')).toContainText('责任人');
  await expect(row.getByTestId('board-milestone')).toHaveCount(2);
  await expect(row.getByTestId('board-milestone').first()).toContainText('调取理赔档案');
  await expect(row.getByTestId('board-milestone').first()).toContainText('进行中');
  await expect(page.getByTestId('board-exceptions')).toBeVisible();
  await expect(page.getByTestId('board-breaches')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/board-overview.png` });
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/board-plans.png` });
  await page.getByTestId('board-exceptions').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/board-exceptions.png` });

  // tablet: the charts follow the narrower cards
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectChartsDrawn(page);
  await expect(row).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/board-tablet.png` });

  // English
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: 'Leadership board' })).toBeVisible();
  await expect(page.getByTestId('board-level1')).toContainText('Level-1 complaints and plans');
  await expectChartsDrawn(page);

  // the link opens the complaint
  await row.getByRole('link', { name: number }).click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);

  expect(errors).toEqual([]);
});

test('an agent has no board: no menu entry, and /board says so', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'agent');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '投诉台账' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '领导看板' })).toHaveCount(0);

  await page.goto('/board');
  await expect(page.getByTestId('board-no-permission')).toBeVisible();
  await expect(page.getByText('没有权限访问领导看板')).toBeVisible();
  await expect(page.locator('canvas')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/board-no-permission.png` });
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page).not.toHaveURL(/\/board$/);
  expect(errors).toEqual([]);
});
