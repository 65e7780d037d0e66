import { expect, test } from '@playwright/test';
import { collectErrors, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

test('an agent signs in, filters the ledger by level 1, opens a complaint and switches to English', async ({ page }) => {
  const errors = collectErrors(page);

  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('保险证券投诉管理系统')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/login.png` });

  await signIn(page, 'agent');
  await expect(page.getByTestId('workbench')).toBeVisible();
  await page.getByRole('menuitem', { name: '投诉台账' }).click();
  await expect(page).toHaveURL(/\/complaints$/);
  await expect(page.getByTestId('current-user')).toHaveText('客服 李娜');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(10);
  await expect(page.getByTestId('ledger-count')).toContainText('已显示');

  // level 1 only
  await page.getByTestId('filter-level').click();
  await page.locator('.ant-select-item-option[title="一级"]').click();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown')).toBeHidden();
  await expect(page).toHaveURL(/level=1/);
  await expect(page.locator('.ant-table-tbody .ant-tag', { hasText: /^[二三]级$/ })).toHaveCount(0);
  await expect(rows.first()).toContainText('一级');
  await page.screenshot({ path: `${SHOTS}/ledger.png` });

  // open the first one
  const number = (await rows.first().locator('a').first().textContent()) ?? '';
  expect(number).toMatch(/^TS\d{12}$/);
  await rows.first().locator('a').first().click();
  await expect(page.getByTestId('complaint-number')).toHaveText(number);
  await expect(page.getByTestId('deadline-policy')).toContainText('制度期限');
  await expect(page.getByTestId('deadline-regulatory')).toContainText('监管期限');
  await expect(page.getByTestId('deadline-regulatory')).toContainText(/20\d\d\/\d\d\/\d\d/);
  await expect(page.getByTestId('timeline')).toContainText('受理登记');
  await expect(page.getByTestId('masked')).toBeVisible();
  await expect(page.getByTestId('actions').locator('button').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/complaint.png` });

  // English
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('deadline-policy')).toContainText('Policy deadline');
  await expect(page.getByTestId('deadline-regulatory')).toContainText('Regulatory deadline');
  await expect(page.getByTestId('timeline')).toContainText('Received');
  await expect(page.getByRole('menuitem', { name: 'Complaint ledger' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');

  // the choice survives a reload, and the ledger speaks English too
  await page.getByText('Back to the ledger').click();
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Number' })).toBeVisible();
  await expect(page.getByTestId('ledger-count')).toContainText('shown');

  expect(errors).toEqual([]);
});
