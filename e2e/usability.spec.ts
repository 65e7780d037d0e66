/**
 * What a new user met in the web app (issue #9 item 8): labels instead of codes, the password rules
 * and the server's reasons on the field, the layout at 1280 and 1024 px, the next step first with
 * the other actions grouped, the bell's list and the page of all notices, the leader's to-do and
 * the overdue list naming the deadline that was missed.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { answerOf, apiSession, collectErrors, registerByAgent as register, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

// each test signs in one or two people in contexts of their own: closed after it, so that their
// polling does not load the next test; several pages per test take their time on a busy machine
const contexts: BrowserContext[] = [];
test.beforeEach(() => test.slow());
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function as(
  browser: Browser,
  baseURL: string | undefined,
  username: string,
  width = 1280,
  height = 800,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width, height } });
  contexts.push(context);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto('/login');
  await signIn(page, username);
  // the first page of a fresh context loads the app's code: allow a busy machine its time
  await expect(page.getByTestId('workbench')).toBeVisible({ timeout: 30_000 });
  return { page, errors };
}

/** The element lies entirely inside the viewport horizontally (not cut by a scroll area). */
async function expectInView(page: Page, selector: ReturnType<Page['locator']>, what: string): Promise<void> {
  const box = await selector.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, what).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0), `${what} right edge`).toBeLessThanOrEqual(width);
  expect(box?.x ?? -1, `${what} left edge`).toBeGreaterThanOrEqual(0);
}

test('a refused choice names the options as the form shows them, never their codes', async ({ browser, baseURL }) => {
  const c = await register(baseURL, { amount: '1500', description: '理赔资料重复提交' }, [
    ['start-investigation', { plan: '核对资料清单' }],
  ]);
  const { page, errors } = await as(browser, baseURL, 'agent');
  await page.goto(`/complaints/${c.id}`);
  await expect(page.getByTestId('complaint-number')).toHaveText(c.number, { timeout: 30_000 });
  await page.getByTestId('actions').locator('button[data-action="record_findings"]').click();
  const drawer = page.locator('.ant-drawer-content').filter({ has: page.getByTestId('action-submit') });
  await drawer.locator('textarea').first().fill('资料清单前后不一致');
  await drawer.getByTestId('action-submit').click();
  const conclusion = drawer.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: /^结论$/ }) });
  await expect(conclusion.locator('.ant-form-item-explain')).toContainText('投诉成立');
  await expect(conclusion.locator('.ant-form-item-explain')).toContainText('部分成立');
  await expect(drawer).not.toContainText('partly_upheld');
  await expect(drawer).not.toContainText('upheld');
  expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
});

test("the password change states the rules before typing and shows the server's reasons on the field", async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  const admin = await apiSession(baseURL, 'admin');
  const username = `rules.${Date.now() % 100_000}`;
  const created = await admin.post('/api/users', { username, displayName: '规则测试', roles: ['agent'], orgUnitIds: [] });
  expect(created.status(), await created.text()).toBe(201);
  const { oneTimePassword } = await answerOf<'/api/users', 'post'>(created);
  await admin.close();

  await page.goto('/login');
  await signIn(page, username, oneTimePassword);
  const form = page.getByTestId('password-change');
  await expect(form.getByTestId('password-rules')).toContainText('至少 12 个字符');
  await expect(form.getByTestId('password-rules')).toContainText('至少三类');
  await expect(form.getByTestId('password-rules')).toContainText('不包含用户名');
  await expect(form.getByTestId('password-rules')).toContainText('常见密码');
  await page.getByLabel('当前密码').fill(oneTimePassword);
  await page.getByLabel('新密码', { exact: true }).fill('password');
  await page.getByLabel('确认新密码').fill('password');
  await page.getByRole('button', { name: '修改密码' }).click();
  const field = form.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: /^新密码$/ }) });
  const reasons = field.locator('.ant-form-item-explain');
  await expect(reasons).toContainText('密码至少 12 个字符');
  await expect(reasons).toContainText('至少三类');
  await expect(reasons).toContainText('密码过于常见');
  await expect(form).not.toContainText('newPassword');
  await expect(form.getByTestId('login-error')).toHaveText('请按各输入框下的提示修改');
  await page.screenshot({ path: test.info().outputPath('password-rules.png') });
  await page.getByLabel('新密码', { exact: true }).fill('Claims-Handler#2026');
  await page.getByLabel('确认新密码').fill('Claims-Handler#2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByTestId('workbench')).toBeVisible();
  expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
});

test('a supervisor sees the next expected steps first and the other actions grouped', async ({ browser, baseURL }) => {
  const c = await register(baseURL, { amount: '6000', description: '理赔少付维修费' }, [
    ['start-investigation', { plan: '调取定损单' }],
    ['record-findings', { findings: '定损漏项两处', conclusion: 'partly_upheld' }],
    ['propose-compensation', { amount: '3000', basis: '补足漏项维修费' }],
  ]);
  const { page, errors } = await as(browser, baseURL, 'supervisor');
  await page.goto(`/complaints/${c.id}`);
  const actions = page.getByTestId('actions');
  await expect(actions.locator('button.ant-btn-primary[data-action="decide_compensation"]')).toBeVisible();
  const offered = ((await actions.getAttribute('data-offered')) ?? '').split(',');
  expect(offered.length).toBeGreaterThan(10);
  // a handful of buttons, not a wrapping wall of them
  expect(await actions.locator('button[data-action]').count()).toBeLessThanOrEqual(4);
  expect(await actions.locator('button.ant-btn-primary').count()).toBeLessThanOrEqual(3);
  await actions.getByTestId('more-actions').click();
  const menu = page.locator('.ant-dropdown:visible');
  for (const group of ['处理', '措施', '时限', '结束'])
    await expect(menu.locator('.ant-dropdown-menu-item-group-title', { hasText: group })).toBeVisible();
  await expect(menu.locator('[data-action="merge"]')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/complaint-actions-grouped.png` });
  // an action in the menu opens its form as a button would
  await menu.locator('[data-action="record_settlement"]').click();
  await expect(page.locator('.action-record_settlement')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the bell lists the latest notices; the page of all pages through them, filters unread and marks them read', async ({
  browser,
  baseURL,
}) => {
  // a level-1 complaint tells the supervisors: the supervisor has a fresh notice about it
  const c = await register(baseURL, { amount: '250000', description: '重大车损理赔被拒，客户称将起诉' });
  const { page, errors } = await as(browser, baseURL, 'supervisor');
  await page.getByTestId('notification-bell').click();
  const popover = page.getByTestId('notice-popover');
  const latest = popover.getByTestId('notice');
  await expect(latest.first()).toBeVisible();
  expect(await latest.count()).toBeLessThanOrEqual(10);
  const about = latest.filter({ hasText: c.number }).first();
  await expect(about).toHaveAttribute('data-unread', 'true');
  await page.screenshot({ path: `${SHOTS}/notifications-bell.png` });
  await about.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/complaints/${c.id}$`));
  await expect(page.getByTestId('complaint-number')).toHaveText(c.number, { timeout: 30_000 });

  await page.getByTestId('notification-bell').click();
  await page.getByTestId('notices-all').click();
  await expect(page).toHaveURL(/\/notifications$/);
  const list = page.getByTestId('notifications-page').getByTestId('notice');
  await expect(list.first()).toBeVisible();
  // opening the complaint marked that notice read
  await expect(list.filter({ hasText: c.number }).first()).toHaveAttribute('data-unread', 'false');
  const firstPage = await list.count();
  if (await page.getByTestId('notices-more').isVisible()) {
    await page.getByTestId('notices-more').click();
    await expect.poll(() => list.count()).toBeGreaterThan(firstPage);
  }
  await page.getByTestId('notices-filter').getByText('只看未读').click();
  await expect(page).toHaveURL(/unread=true/);
  await expect(list.filter({ hasText: c.number })).toHaveCount(0);
  await page.getByTestId('notices-page-mark-all').click();
  await expect(page.getByTestId('notices-unread-count')).toHaveText('0 条未读');
  await expect(list).toHaveCount(0);
  await expect(page.getByTestId('notification-bell').locator('.ant-badge-count')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the leader's to-do lists level-1 complaints awaiting the leadership meeting; the overdue list names the missed deadline", async ({
  browser,
  baseURL,
}) => {
  const c = await register(baseURL, { amount: '300000', description: '重大理赔纠纷，客户已联系律师' });
  expect(c.level).toBe(1);
  const { page, errors } = await as(browser, baseURL, 'leader');
  const mine = page.getByTestId('tile-mine').locator('.ant-statistic-content-value');
  await expect(mine).toHaveText(/^[1-9]\d*$/);
  await page.getByTestId('tile-mine').click();
  await expect(page).toHaveURL(/mine=true/);
  await expect(page.getByTestId('ledger-table')).toContainText(c.number);

  const supervisor = await as(browser, baseURL, 'supervisor');
  const overdue = supervisor.page.getByTestId('section-overdue').locator('.ant-list-item');
  await expect(overdue.first()).toBeVisible();
  const now = Date.now();
  for (const item of await overdue.all()) {
    const since = item.getByTestId('overdue-since');
    await expect(since).toContainText('应于');
    const m = /(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})/.exec((await since.textContent()) ?? '');
    expect(m, 'a due time').not.toBeNull();
    const due = Date.parse(`${m?.[1]}-${m?.[2]}-${m?.[3]}T${m?.[4] === '24' ? '23' : m?.[4]}:${m?.[5]}:00+08:00`);
    expect(due, 'the deadline that was missed lies in the past').toBeLessThan(now);
  }
  await supervisor.page.screenshot({ path: test.info().outputPath('workbench-overdue.png') });
  expect(errors).toEqual([]);
  expect(supervisor.errors).toEqual([]);
});

test('layout at 1280 and 1024 px: the ledger keeps its deadline column, the menu collapses, the assessment stays beside the form', async ({
  browser,
  baseURL,
}) => {
  const { page, errors } = await as(browser, baseURL, 'agent');
  await page.goto('/complaints');
  const table = page.getByTestId('ledger-table');
  await expect(table.locator('tr.ant-table-row').first()).toBeVisible({ timeout: 30_000 });
  await expectInView(page, table.getByRole('columnheader', { name: '下一期限' }), 'next deadline at 1280');
  await expectInView(page, table.locator('tr.ant-table-row').first().locator('td').last(), 'a next deadline cell at 1280');
  await page.screenshot({ path: test.info().outputPath('ledger-1280.png') });

  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.locator('.ant-layout-sider-collapsed')).toBeVisible();
  for (const column of ['投诉编号', '等级', '状态', '投诉类别', '下一期限'])
    await expectInView(page, table.getByRole('columnheader', { name: column }), `${column} at 1024`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('ledger-1024.png') });

  await page.goto('/complaints/new');
  await page.getByTestId('intake-description').fill('理赔款延误，客户表示将向媒体曝光');
  const form = page.getByTestId('intake-form');
  const panel = page.getByTestId('assessment');
  await expect(panel).toBeVisible();
  const [f, p] = [await form.boundingBox(), await panel.boundingBox()];
  expect(p?.x ?? 0, 'the assessment beside the form').toBeGreaterThan((f?.x ?? 0) + (f?.width ?? 0) - 1);
  expect(p?.y ?? 9999, 'the assessment in sight').toBeLessThan(768);
  // scrolled down to the buttons, the assessment is still in sight (sticky)
  await page.getByTestId('intake-submit').scrollIntoViewIfNeeded();
  const after = await panel.boundingBox();
  expect(after?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect(after?.y ?? 9999).toBeLessThan(768);
  await page.screenshot({ path: test.info().outputPath('intake-1024.png') });
  expect(errors).toEqual([]);
});
