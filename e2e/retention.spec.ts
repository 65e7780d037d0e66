import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { collectErrors, registerByAgent, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

/** A phone number of this run and attempt: a retry registers a person of its own. */
const phoneOf = (n: number) => `137${String((Date.now() + test.info().retry * 7_919 + n) % 100_000_000).padStart(8, '0')}`;

test('#15 item 4 (R-H6): a leader places a legal hold on a complaint and sees its retention status', async ({ page, baseURL }) => {
  const c = await registerByAgent(baseURL, { complainant: { name: '保留测试', phone: phoneOf(1) } });
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'leader');
  await expect(page.getByRole('menuitem', { name: '系统管理' })).toBeVisible();
  await page.goto(`/complaints/${c.id}?tab=legalHold`);
  const panel = page.getByTestId('legal-hold');
  await expect(panel.getByTestId('retention-state')).toHaveAttribute('data-state', 'open');

  await panel.getByTestId('legal-hold-place').click();
  const form = page.getByTestId('legal-hold-place-form');
  const reason = `诉讼保全（（2026）沪0115民初${test.info().retry}号）`;
  await form.getByTestId('legal-hold-reason').fill(reason);
  await page.getByTestId('legal-hold-place-form-ok').click();

  await expect(panel.getByTestId('retention-state')).toHaveAttribute('data-state', 'held');
  await expect(panel.getByTestId('legal-hold-current')).toContainText(reason);
  await expect(panel.getByTestId('legal-hold-current')).toContainText('leader');
  await expect(panel.getByTestId('legal-hold-release')).toBeVisible();
  // on the complaint's history too
  await expect(page.locator('[data-event="legal_hold_placed"]')).toContainText('设置法律保留');
  expect(errors).toEqual([]);
});

test("#15 item 4 (PIPL art. 45): an administrator finds a data subject's complaints and exports them", async ({ page, baseURL }) => {
  const phone = phoneOf(2);
  const first = await registerByAgent(baseURL, { complainant: { name: '查询测试', phone } });
  const second = await registerByAgent(baseURL, { complainant: { name: '查询测试', phone: `+86 ${phone}` } });
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'admin');
  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByTestId('admin-tab-personal-data').click();

  await page.getByTestId('subject-phone').fill(phone);
  await page.getByTestId('subject-search').click();
  await expect(page.getByTestId('subject-count')).toHaveText('找到 2 件投诉');
  await expect(page.getByTestId('subject-number')).toHaveText([first.number, second.number].sort());

  await page.getByTestId('subject-export').click();
  await page.getByTestId('subject-export-reason').fill(`客户查阅申请 DS-${test.info().retry}`);
  const download = page.waitForEvent('download');
  await page.getByTestId('subject-export-ok').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^personal-data-\d{8}\.zip$/);
  const bytes = await readFile(await file.path());
  // a zip names its entries in clear: one folder per complaint, named by its number
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.includes(`${first.number}/complaint.json`)).toBe(true);
  expect(bytes.includes(`${second.number}/timeline.txt`)).toBe(true);
  await expect(page.locator('.ant-message')).toContainText('已导出 2 件投诉');

  // the retention page: periods, counts, holds, runs
  await page.getByTestId('admin-tab-retention').click();
  await expect(page.getByTestId('retention-periods')).toContainText('结案后 10 年');
  await expect(page.getByTestId('retention-count-chart').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('retention-run-now')).toBeVisible();
  await page.getByTestId('retention-preview').click();
  await expect(page.getByTestId('retention-preview-result')).toContainText('将被匿名化');
  await page
    .locator('.ant-modal')
    .filter({ has: page.getByTestId('retention-preview-result') })
    .locator('.ant-modal-close')
    .click();
  await expect(page.getByTestId('retention-preview-result')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/retention-admin.png`, fullPage: true });
  expect(errors).toEqual([]);
});
