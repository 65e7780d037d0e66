import { expect, test } from '@playwright/test';
import { chooseOption, collectErrors, expectDrawn, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

test("a leader opens a department's KPIs and signs its monthly assessment, each figure traced to its complaints (R-E6)", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'leader');
  await page.getByRole('menuitem', { name: '绩效考核' }).click();
  await expect(page).toHaveURL(/\/assessment$/);
  await expect(page.getByRole('heading', { name: '绩效考核' })).toBeVisible();
  await expect(page.getByText('可查看全部部门与人员')).toBeVisible();

  // last month, customer service: the department's KPIs against the policy's targets, and its people compared
  await page.getByTestId('period-previous').click();
  await chooseOption(page, page.getByTestId('kpi-department'), '客户服务部');
  await expect(page).toHaveURL(/department=/);
  await expect(page.getByTestId('kpi-subject-name')).toContainText('客户服务部');
  // nine complaint and inspection figures, and training completion (#15 item 1)
  await expect(page.getByTestId('kpi-table').locator('tbody tr')).toHaveCount(10);
  await expect(page.getByTestId('kpi-table')).toContainText('满意率');
  await expect(page.getByTestId('kpi-table')).toContainText('培训完成率');
  await expect(page.getByTestId('kpi-table')).toContainText('办结时效达标率（制度时限）');
  await expectDrawn(page.getByTestId('kpi-bars'));
  await expectDrawn(page.getByTestId('kpi-radar'));
  await expectDrawn(page.getByTestId('kpi-compare'));
  await expect(page.getByTestId('kpi-rows')).toContainText('客服 李娜');
  await page.screenshot({ path: `${SHOTS}/assessment-kpis.png`, fullPage: true });

  // a monthly assessment of customer service (another month on a retry: one per period and department)
  await page.getByTestId('kpi-tab-assessments').click();
  await page.getByTestId('assessment-new').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('assessment-period').click();
  const months = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await months.nth(test.info().retry).click();
  const period = (await dialog.getByTestId('assessment-period').locator('.ant-select-selection-item').textContent())!.trim();
  expect(period).toMatch(/^\d{4}-\d{2}$/);
  await chooseOption(page, dialog.getByTestId('assessment-scope'), '客户服务部');
  await dialog.getByTestId('assessment-create').click();
  await expect(page).toHaveURL(/\/assessment\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('assessment-title')).toHaveText(`${period} 绩效考核 · 客户服务部`);
  await expect(page.getByTestId('assessment-status')).toHaveText('待签署');
  await expectDrawn(page.getByTestId('assessment-scores'));
  await expectDrawn(page.getByTestId('assessment-bars'));

  // a figure opens exactly the complaints behind it
  const volume = page.getByTestId('line-volume');
  await expect(volume).toBeVisible();
  const count = Number(/\d+/.exec((await volume.textContent()) ?? '')?.[0]);
  expect(count).toBeGreaterThan(0);
  await volume.click();
  const drawer = page.getByTestId('line-complaints');
  await expect(drawer.getByText('客户服务部 · 受理量：对应投诉')).toBeVisible();
  const rows = drawer.getByTestId('line-complaints-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows).toHaveCount(Math.min(count, 50));
  await expect(rows.first()).toContainText(/TS\d{12}/);
  await page.screenshot({ path: `${SHOTS}/assessment-figure-complaints.png` });
  await page.keyboard.press('Escape');
  await expect(drawer.getByTestId('line-complaints-table')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/assessment-frozen.png`, fullPage: true });

  // signed off with a comment: then immutable
  await page.getByTestId('assessment-sign').click();
  await page.getByTestId('assessment-sign-comment').fill('同意本期考核结果，请客服部关注满意率。');
  await page.getByTestId('assessment-sign-confirm').click();
  await expect(page.getByTestId('assessment-status')).toHaveText('已签署');
  await expect(page.getByTestId('assessment-signed')).toContainText('领导小组 陈军');
  await expect(page.getByTestId('assessment-signed')).toContainText('同意本期考核结果');
  await expect(page.getByTestId('assessment-sign')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/assessment-signed.png`, fullPage: true });

  // the workbook downloads
  const download = page.waitForEvent('download');
  await page.getByTestId('assessment-export').click();
  expect((await download).suggestedFilename()).toMatch(/^assessment-\d{4}-\d{2}-Customer-Service\.xlsx$/);

  // the list shows it signed
  await page.getByText('返回考核列表').click();
  const row = page.getByTestId('assessment-list').locator('tr', { hasText: period });
  await expect(row).toContainText('已签署');
  await expect(row).toContainText('领导小组 陈军');
  expect(errors).toEqual([]);
});
