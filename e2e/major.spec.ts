import { expect, test } from '@playwright/test';
import { collectErrors, registerByAgent, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

/** A datetime-local value `hours` from now, in the browser's (and this process's) time zone. */
function localInput(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test('#14 item 4: a leader marks a complaint major, draws up the emergency plan, records the report; the board shows it', async ({
  page,
  baseURL,
}) => {
  const c = await registerByAgent(baseURL, {
    description: '台风导致多名客户车辆受损，理赔进度缓慢，客户要求加快处理。',
    complainant: { name: '重大投诉测试', phone: `137${String(Date.now() % 100_000_000).padStart(8, '0')}` },
  });
  expect(c.major).toBe(false);
  const errors = collectErrors(page);

  await page.goto('/');
  await signIn(page, 'leader');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto(`/complaints/${c.id}?tab=major`);
  const tab = page.getByTestId('major-tab');
  await expect(tab, errors.join('\n')).toBeVisible();
  await expect(tab.getByTestId('major-marking')).toContainText('未认定为重大投诉');

  // mark, with a reason
  await tab.getByTestId('major-mark').click();
  await page.getByTestId('major-reason').fill('台风灾害引起，涉及客户众多');
  await page.getByTestId('major-reason-form-ok').click();
  await expect(tab.getByTestId('major-badge')).toBeVisible();
  await expect(tab.getByTestId('major-marking')).toContainText('领导认定');
  await expect(tab.getByTestId('major-report')).toContainText('尚未向监管报告');

  // the plan, then a milestone on a clock
  await tab.getByTestId('major-plan-edit').click();
  await page.getByTestId('major-plan-summary').fill('成立专班，统一对外口径，逐一回访受灾客户');
  await page.getByTestId('major-plan-form-ok').click();
  await expect(tab.getByTestId('major-plan')).toContainText('成立专班');

  await tab.getByTestId('major-item-add').click();
  await page.getByTestId('major-item-title').fill('完成首轮客户回访');
  await page.getByTestId('major-item-owner').fill('handler');
  await page.getByTestId('major-item-due').fill(localInput(24));
  await page.getByTestId('major-item-form-ok').click();
  await expect(tab.getByTestId('major-items')).toContainText('完成首轮客户回访');
  await expect(tab.getByTestId('major-items')).toContainText('进行中');

  // the report to the regulator
  await tab.getByTestId('major-report-record').click();
  await page.getByTestId('major-report-recipient').fill('国家金融监督管理总局某监管局');
  await page.getByTestId('major-report-reference').fill('报告〔2026〕1号');
  await page.getByTestId('major-report-text').fill('关于台风灾害引起客户集体投诉的情况报告。');
  await page.getByTestId('major-report-form-ok').click();
  await expect(tab.getByTestId('major-report')).toContainText('已按时报告');
  await page.screenshot({ path: `${SHOTS}/major-complaint.png`, fullPage: true });

  // the header carries the badge; the board lists it with its next milestone
  await page.goto('/board');
  const card = page.getByTestId('board-major');
  const row = card.locator('tr.ant-table-row', { hasText: c.number });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('board-major-next')).toContainText('完成首轮客户回访');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/major-board.png` });

  // the ledger's filter
  await page.goto('/complaints?major=true');
  await expect(page.getByTestId('filter-major')).toBeChecked();
  await expect(page.locator('tr.ant-table-row', { hasText: c.number }).getByTestId('ledger-major')).toBeVisible();
  expect(errors).toEqual([]);
});
