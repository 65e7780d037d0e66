import { expect, test } from '@playwright/test';
import { collectErrors, registerByAgent, signIn } from './support.js';

test('#15 item 2 (R-G2): a closed complaint becomes an anonymised teaching case, a second person publishes it, it is found by tag and by word', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const run = `${Date.now() % 1_000_000}${test.info().retry}`;
  const phone = `137${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const word = `定损复核${run}`;
  const tag = `标签${run}`;
  const complaint = await registerByAgent(
    baseURL,
    {
      description: `赵六先生反映车险定损偏低，联系电话${phone}，地址北京市朝阳区建国路88号。`,
      complainant: { name: '赵六', phone },
    },
    [
      ['assign', { assignee: 'agent' }],
      ['start-investigation', {}],
      ['record-findings', { findings: `核实定损过程，定损员未按标准核价，已联系${phone}。`, conclusion: 'upheld' }],
      ['send-feedback', { method: 'phone', content: '已告知客户补足赔款' }],
      ['record-survey', { satisfied: true, score: 5, method: 'phone' }],
      ['grade', { level: 3, reason: '金额较小，按三级处理' }],
      ['close', { outcome: 'upheld', summary: '补足赔款，客户满意' }],
    ],
  );

  // the agent proposes it from the complaint page
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'agent');
  await expect(page.getByRole('menuitem', { name: '案例库' })).toBeVisible();
  await page.goto(`/complaints/${complaint.id}`);
  await page.getByTestId('propose-case').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = page.url();

  // the draft has no personal data; the placeholders are highlighted
  const background = page.getByTestId('case-background');
  await expect(background).toContainText('某先生反映车险定损偏低，联系电话[电话]，地址[地址]。');
  await expect(page.getByTestId('case-page')).not.toContainText(phone);
  await expect(page.getByTestId('case-page')).not.toContainText('赵六');
  await expect(background.getByTestId('redaction')).toHaveCount(3);
  await expect(background.locator('[data-testid="redaction"][data-kind="phone"]')).toHaveText('[电话]');

  // the proposer's edit is anonymised again: the phone typed into the lessons does not survive
  await page.getByTestId('case-edit').click();
  await page.getByTestId('case-input-title').fill(`${word}：定损偏低的理赔投诉`);
  await page.getByTestId('case-input-lessons').fill(`定损须二次复核；回访客户${phone}`);
  await page.getByTestId('case-input-tags').locator('input').fill(tag);
  await page.getByTestId('case-input-tags').locator('input').press('Enter');
  await page.getByTestId('case-save').click();
  await expect(page.getByTestId('case-lessons')).toHaveText('定损须二次复核；回访客户[电话]');
  await expect(page.getByTestId('case-lessons').getByTestId('redaction')).toHaveCount(1);
  await page.getByTestId('case-submit').click();
  await expect(page.getByTestId('case-status').first()).toHaveAttribute('data-status', 'in_review');
  expect(errors).toEqual([]);

  // a supervisor reviews it, with the redactions highlighted, and publishes it
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  const reviewerErrors = collectErrors(reviewer);
  await reviewer.goto('/');
  await signIn(reviewer, 'supervisor');
  await expect(reviewer.getByRole('menuitem', { name: '案例库' })).toBeVisible();
  await reviewer.goto(caseUrl);
  await expect(reviewer.getByTestId('case-background').getByTestId('redaction')).toHaveCount(3);
  await reviewer.getByTestId('case-approve').click();
  await reviewer.getByTestId('case-dialog-text').fill('可用于新员工培训');
  await reviewer.getByTestId('case-dialog-ok').click();
  await expect(reviewer.getByTestId('case-status').first()).toHaveAttribute('data-status', 'published');

  // anyone finds it in the library: by its lesson tag, and by a word
  await reviewer.getByRole('menuitem', { name: '案例库' }).click();
  await expect(reviewer).toHaveURL(/\/cases$/);
  const rows = reviewer.getByTestId('case-row');
  await reviewer.getByTestId('case-filter-tag').click();
  await reviewer.keyboard.type(tag);
  await reviewer.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: tag }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(word);
  await reviewer.getByTestId('case-filter-tag').locator('.ant-select-clear').click();
  await reviewer.getByTestId('case-search').fill(word);
  await reviewer.getByTestId('case-search').press('Enter');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('link').click();
  await expect(reviewer).toHaveURL(caseUrl);
  expect(reviewerErrors).toEqual([]);
  await context.close();
});
