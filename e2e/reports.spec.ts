import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { apiSession, collectErrors, registerComplaint, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

/**
 * 报告 (#13 items 4, 5; R-F4, R-F5): a leader builds last month's report, watches it build, reads
 * its charts, writes the commentary, downloads the PDF and the workbook, makes it final; then a
 * special report on one complaint with recommendations. An auditor reads without the buttons.
 */
test('a leader builds, comments, downloads and finalises the monthly report; a special report on a complaint', async ({
  page,
  baseURL,
}) => {
  const errors = collectErrors(page);
  const agent = await apiSession(baseURL, 'agent');
  const complaint = await registerComplaint(agent, { amount: '150000', description: '重大事故理赔被拒，损失15万元（报告测试）' });
  await agent.close();

  await page.goto('/');
  await signIn(page, 'leader');
  await page.getByRole('menuitem', { name: '报告' }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByTestId('reports-page')).toBeVisible();

  // the monthly report: last month by default
  await page.getByTestId('new-monthly').click();
  await page.locator('#create-monthly').click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('report-title')).toContainText('投诉管理月度报告');
  // the build runs on the job runner; the page follows its progress until it is a draft
  await expect(page.getByTestId('report-detail').getByTestId('report-status')).toHaveText('草稿', { timeout: 60_000 });
  await expect(page.getByTestId('report-building')).toHaveCount(0);
  await expect(page.getByTestId('report-highlights')).toContainText('受理量');
  await expect(page.getByTestId('report-trend-chart').locator('canvas')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/reports-monthly-draft.png`, fullPage: true });

  // the commentary, then the files
  await page.getByTestId('report-commentary').fill('本月理赔纠纷占比较高，请理赔部牵头专项整改，下月报告跟踪。');
  await page.getByTestId('save-commentary').click();
  await expect(page.getByText('已保存，报告文件已更新')).toBeVisible();
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('download-pdf').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/投诉管理月度报告-v\d+-草稿\.pdf$/);
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('download-xlsx').click();
  expect((await xlsxDownload).suggestedFilename()).toMatch(/\.xlsx$/);

  // final: no more changes
  await page.getByTestId('finalise').click();
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByTestId('report-detail').getByTestId('report-status')).toHaveText('定稿');
  await expect(page.getByTestId('report-commentary')).toBeDisabled();
  await expect(page.getByTestId('save-commentary')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/reports-monthly-final.png` });

  // a special report on the complaint, with a recommendation
  await page.getByText('返回报告列表').click();
  await page.getByTestId('new-special').click();
  await page.getByTestId('special-complaint').fill(complaint.number);
  await page.getByLabel('建议').fill('建议完善大额理赔复核机制，重大案件由领导小组督办。');
  await page.locator('#create-special').click();
  await expect(page.getByTestId('report-title')).toContainText(`投诉 ${complaint.number} 专项报告`);
  await expect(page.getByTestId('report-detail').getByTestId('report-status')).toHaveText('草稿', { timeout: 60_000 });
  await expect(page.getByTestId('report-highlights')).toContainText(complaint.number);
  await expect(page.getByTestId('report-recommendations')).toHaveValue('建议完善大额理赔复核机制，重大案件由领导小组督办。');
  await expect(page.getByTestId('download-xlsx')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/reports-special.png`, fullPage: true });

  // the list: both reports, their state
  await page.getByText('返回报告列表').click();
  await expect(page.getByTestId('reports-table')).toContainText(`投诉 ${complaint.number} 专项报告`);
  await page.screenshot({ path: `${SHOTS}/reports-list.png` });
  expect(errors).toEqual([]);
});

test('an auditor reads reports without the buttons to build or comment', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'auditor');
  await page.getByRole('menuitem', { name: '报告' }).click();
  await expect(page.getByTestId('reports-page')).toContainText('您可查看与下载报告');
  await expect(page.getByTestId('new-monthly')).toHaveCount(0);
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('reports-page')).toContainText('Reports');
  expect(errors).toEqual([]);
});
