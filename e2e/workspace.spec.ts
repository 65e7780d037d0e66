import { expect, test } from '@playwright/test';
import { apiSession, collectErrors, registerComplaint, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

test('the workbench shows counts that open the matching ledger views (agent)', async ({ page }) => {
  // several pages and forms: a busy two-core machine needs more than the default minute
  test.slow();
  const errors = collectErrors(page);
  await page.goto('/login');
  await signIn(page, 'agent');
  await expect(page.getByTestId('workbench')).toBeVisible();
  for (const tile of ['tile-mine', 'tile-due-soon', 'tile-overdue', 'tile-exceptions', 'tile-unread'])
    await expect(page.getByTestId(tile)).toBeVisible();
  await expect(page.getByTestId('tile-overdue').locator('.ant-statistic-content-value')).toHaveText(/^\d+$/);
  const overdue = Number(await page.getByTestId('tile-overdue').locator('.ant-statistic-content-value').textContent());
  expect(overdue).toBeGreaterThan(0);
  await expect(page.getByTestId('section-overdue').locator('.ant-list-item').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/workbench.png` });

  await page.getByTestId('tile-overdue').click();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(page.getByTestId('ledger-count')).toContainText(`共 ${overdue} 条`);
  await expect(page.locator('tr.ledger-overdue').first()).toBeVisible();

  // the bell in the header carries the unread count on every page; reading them all empties it
  await expect(page.getByTestId('notification-bell').locator('.ant-badge-count')).toBeVisible();
  // the bell lists the newest notices (#9 item 8); reading them all there empties the badge and the tile
  await page.getByTestId('notification-bell').click();
  await expect(page.getByTestId('notice-popover').getByTestId('notice').first()).toBeVisible();
  await page.getByTestId('notices-mark-all').click();
  await expect(page.getByTestId('notification-bell').locator('.ant-badge-count')).toHaveCount(0);
  await page.getByTestId('notices-all').click();
  await expect(page).toHaveURL(/\/notifications$/);
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('tile-unread').locator('.ant-statistic-content-value')).toHaveText('0');
  expect(errors).toEqual([]);
});

test('a supervisor resolves an exception from the workbench with a note; the count goes down', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/login');
  await signIn(page, 'supervisor');
  const tile = page.getByTestId('tile-exceptions').locator('.ant-statistic-content-value');
  await expect(tile).toHaveText(/^\d+$/);
  const before = Number(await tile.textContent());
  expect(before).toBeGreaterThan(0);
  await page.getByTestId('section-exceptions').getByTestId('exception-resolve').first().click();
  await page.getByTestId('exception-resolution').fill('已电话联系客户并补发答复，超时原因已记录');
  await page
    .locator('.ant-modal-footer')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(tile).toHaveText(String(before - 1));
  expect(errors).toEqual([]);
});

test('an agent registers a hotline complaint from the keyboard: history, duplicate warning, level and rules, then the number and clocks', async ({
  page,
  baseURL,
}) => {
  const errors = collectErrors(page);
  await page.goto('/login');
  await signIn(page, 'agent');
  await expect(page.getByTestId('workbench')).toBeVisible();
  const phone = `139${String(Date.now()).slice(-8)}`;
  const agent = await apiSession(baseURL, 'agent');
  const earlier = await registerComplaint(agent, {
    description: '上次理赔款迟迟未到账',
    requestedRemedy: null,
    complainant: { name: '钱七', phone },
  });
  await agent.close();

  await page.getByRole('menuitem', { name: '登记投诉' }).click();
  await expect(page).toHaveURL(/\/complaints\/new$/);
  // the phone field has the focus on the hotline form; everything else from the keyboard
  await expect(page.getByTestId('intake-phone')).toBeFocused();
  await page.keyboard.type(`+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
  await expect(page.getByTestId('history')).toContainText(earlier.number);
  await page.keyboard.press('Tab');
  await page.keyboard.type('钱七');
  await page.getByTestId('intake-business-line').click();
  await page.keyboard.type('财产');
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-category').click();
  await page.keyboard.type('理赔');
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-description').fill('理赔款第二次延误，客户表示将向媒体曝光');
  await page.getByTestId('intake-amount').fill('8000');
  await expect(page.getByTestId('proposed-level')).toBeVisible();
  await expect(page.getByTestId('duplicate-warning')).toContainText(earlier.number);
  await expect(page.getByTestId('grading-rules')).toContainText('重复投诉');
  await page.getByTestId('intake-flags').getByText('媒体关注').click();
  await expect(page.getByTestId('grading-rules')).toContainText('媒体关注');
  await page.screenshot({ path: `${SHOTS}/intake.png`, fullPage: true });

  await page.getByTestId('intake-description').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('intake-result')).toBeVisible();
  const number = (await page.getByTestId('result-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^TS\d{12}$/);
  await expect(page.getByTestId('result-regulatory')).toContainText(/20\d\d/);
  await expect(page.getByTestId('result-clocks').locator('.ant-list-item').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/intake-result.png` });
  await page.getByTestId('result-open').click();
  await expect(page.getByTestId('complaint-number')).toHaveText(number);

  // the ledger finds both of the customer's complaints by the phone, however it is written
  await page.goto('/complaints');
  await page.getByTestId('filter-exact').fill(`${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`);
  await page.getByTestId('filter-exact').press('Enter');
  await expect(page).toHaveURL(/contact=/);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(2);
  await expect(page.getByTestId('ledger-table')).toContainText(number);
  await expect(page.getByTestId('ledger-table')).toContainText(earlier.number);
  expect(errors).toEqual([]);
});

test('a branch agent registers a complaint at the counter, choosing the branch; the ledger finds it by Chinese free text', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/login');
  await signIn(page, 'branch');
  await expect(page.getByTestId('workbench')).toBeVisible();
  await page.goto('/complaints/new');
  await page.getByTestId('intake-mode').getByText('柜面接待').click();
  await expect(page.getByTestId('intake-name')).toBeFocused();
  await page.keyboard.type('吴十');
  await page.getByTestId('intake-phone').fill('13700001234');
  await page.getByTestId('intake-business-line').click();
  await page.keyboard.type('证券经纪');
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-category').click();
  await page.keyboard.press('Enter');
  const marker = `柜面转账延迟${Date.now() % 100_000}`;
  await page.getByTestId('intake-description').fill(`${marker}，客户要求说明原因`);
  await page.getByTestId('intake-branch').click();
  await page.keyboard.type('浦东');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('proposed-level')).toBeVisible();
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-result')).toBeVisible();
  const number = ((await page.getByTestId('result-number').textContent()) ?? '').trim();

  await page.getByRole('menuitem', { name: '投诉台账' }).click();
  await page.getByTestId('filter-q').fill(marker.slice(0, 6));
  await page.getByTestId('filter-q').press('Enter');
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId('ledger-table')).toContainText(number);
  const channel = page.getByTestId('ledger-table').locator('tr.ant-table-row', { hasText: number });
  await expect(channel).toContainText('营业网点');
  expect(errors).toEqual([]);
});

test('a server field error lands on its field, and nothing is registered', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/login');
  await signIn(page, 'agent');
  await expect(page.getByTestId('workbench')).toBeVisible();
  await page.goto('/complaints/new');
  await page.getByTestId('intake-mode').getByText('信函').click();
  await page.getByTestId('intake-name').fill('孙八');
  await page.getByTestId('intake-address').fill('上海市浦东新区世纪大道 1 号');
  await page.getByTestId('intake-business-line').click();
  await page.keyboard.type('人寿');
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-category').click();
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-description').fill('来信反映保单退保金额计算错误');
  await page.getByTestId('intake-amount').fill('12.345');
  await page.getByTestId('intake-received-at').click();
  await page.locator('.ant-picker-now-btn').click();
  await page.getByTestId('intake-submit').click();
  const amountItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('intake-amount') });
  await expect(amountItem.locator('.ant-form-item-explain-error')).toBeVisible();
  await expect(page.getByTestId('intake-result')).toHaveCount(0);
  // console errors of the failed request (400) are the browser's network log, not the app's
  expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
});

test('ledger: sort by level, choose columns, save a view, export the filter to xlsx', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/login');
  await signIn(page, 'supervisor');
  await expect(page.getByTestId('workbench')).toBeVisible();
  // how fast the 50 rows show is measured by bench/web.bench.ts, not here
  await page.goto('/complaints');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(50);

  await page.getByRole('columnheader', { name: '等级' }).click();
  await expect(page).toHaveURL(/sort=level/);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toContainText('一级');

  await page.getByTestId('columns-button').click();
  await page.getByTestId('column-chooser').getByText('涉及金额').click();
  await expect(page.getByRole('columnheader', { name: '涉及金额' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByTestId('filter-overdue').click();
  await page.locator('.ant-select-item-option[title="仅逾期"]').click();
  await expect(page).toHaveURL(/overdue=true/);
  await page.getByTestId('save-view').click();
  await page.getByTestId('view-name').fill('逾期按等级');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已保存视图「逾期按等级」')).toBeVisible();

  await page.goto('/complaints');
  await page.getByTestId('saved-views').click();
  await page.locator('.ant-select-item-option[title="逾期按等级"]').click();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(page).toHaveURL(/sort=level/);
  await page.screenshot({ path: `${SHOTS}/ledger-views.png` });

  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByText('导出完成')).toBeVisible();
  expect(errors).toEqual([]);
});

test('tablet width (1024): workbench, intake and ledger stay usable', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/login');
  await signIn(page, 'agent');
  await expect(page.getByTestId('tile-mine')).toBeVisible();
  await page.goto('/complaints/new');
  await expect(page.getByTestId('intake-submit')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/intake-tablet.png` });
  // and in English
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('intake-submit')).toHaveText('Register (Ctrl+Enter)');
  await expect(page.getByTestId('assessment')).toContainText('Assessment');
  await page.getByRole('menuitem', { name: 'Home' }).click();
  await expect(page.getByTestId('tile-mine')).toContainText('My to-do');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('tile-mine')).toContainText('我的待办');
  await page.goto('/complaints');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/ledger-tablet.png` });
  expect(errors).toEqual([]);
});
