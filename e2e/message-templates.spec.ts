import { expect, test } from '@playwright/test';
import { collectErrors, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

/**
 * #11 item 5: an administrator edits the complainant's acknowledgment, sees the preview follow the
 * draft (the variables inserted from their tags, an unknown one refused on the field), saves it
 * with a reason, finds the version in the history, and restores the built-in text.
 */
test('an administrator edits a message template, sees the preview change, saves it and finds the version in the history', async ({
  page,
}) => {
  // a few server round trips per step on a busy two-core machine
  test.slow();
  const errors = collectErrors(page);
  await page.goto('/login');
  await signIn(page, 'admin');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByTestId('admin-tab-templates').click();

  // templates by their names, Chinese first; the complainant's acknowledgment
  const item = page.getByTestId('template-item-complainant.acknowledgment');
  await expect(item).toContainText('受理回执（告知投诉人）');
  await expect(item).toContainText('中文 · 内置文本');
  await item.click();
  await expect(page.getByTestId('template-title')).toHaveText('受理回执（告知投诉人）');

  // the built-in text, previewed on the newest complaint (template managers preview on any complaint)
  const body = page.getByTestId('template-body');
  await expect(body).toHaveValue(/您的投诉已受理，编号 \{\{number\}\}/);
  const email = page.getByTestId('template-preview-email');
  // the administrator previews on the newest complaint, whatever their complaint scope
  await expect(page.getByTestId('template-preview-source')).toHaveText(/^按投诉 TS\d{12} 预览$/);
  await expect(email).toContainText(/您的投诉已受理，编号 TS\d{12}，我们将于 \d{4}-\d{2}-\d{2} 前答复您。/);
  await expect(page.getByTestId('template-preview-sms')).toContainText('【');

  // a new wording; the company's name inserted from its tag where the caret stands (the end)
  await body.fill('尊敬的客户：您的投诉（编号 {{number}}）已受理，我们将于 {{expectedBy}} 前答复。');
  await page.getByTestId('template-var-companyName').click();
  await expect(body).toHaveValue('尊敬的客户：您的投诉（编号 {{number}}）已受理，我们将于 {{expectedBy}} 前答复。{{companyName}}');
  await expect(email).toContainText(
    /^尊敬的客户：您的投诉（编号 TS\d{12}）已受理，我们将于 \d{4}-\d{2}-\d{2} 前答复。示例保险证券股份有限公司$/,
  );
  await expect(page.getByTestId('template-preview-sms')).toContainText('尊敬的客户');

  // a variable the template does not offer: refused on the field, by its name
  await body.fill('尊敬的客户：投诉 {{number}} 已受理，{{expectedBy}} 前答复。{{nmber}}');
  await expect(page.getByText('模板没有变量 {{nmber}}，请从可用变量中选择')).toBeVisible();
  await expect(page.getByTestId('template-preview')).toContainText('模板有错误，修正后显示预览');
  await body.fill('尊敬的客户：投诉 {{number}} 已受理，我们将于 {{expectedBy}} 前答复。查询进度：{{link}}');
  await expect(page.getByText('模板没有变量 {{nmber}}，请从可用变量中选择')).toHaveCount(0);
  await expect(email).toContainText(
    /^尊敬的客户：投诉 TS\d{12} 已受理，我们将于 \d{4}-\d{2}-\d{2} 前答复。查询进度：http:\/\/\S+\/portal\?number=TS\d{12}#track$/,
  );

  // saved with a reason: version 1 in the history, who and why
  await page.getByTestId('template-reason').fill('回执改用尊称');
  await page.getByTestId('template-save').click();
  await expect(page.getByText('已保存 v1')).toBeVisible();
  const history = page.getByTestId('template-history');
  const v1 = history.locator('tr[data-row-key="1"]');
  await expect(v1).toContainText('v1');
  await expect(v1).toContainText('现行');
  await expect(v1).toContainText('系统管理员');
  await expect(v1).toContainText('回执改用尊称');
  await expect(item).toContainText('中文 · 现行 v1');
  await expect(page.getByTestId('template-save')).toBeDisabled();
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/admin-message-templates.png`, fullPage: true });

  // the English text is its own: still built in
  await page.getByTestId('template-locale').getByText('English').click();
  await expect(body).toHaveValue(/^Your complaint has been received, number \{\{number\}\}/);
  await expect(history).toContainText('尚未修改，使用内置文本');
  await page.getByTestId('template-locale').getByText('中文').click();

  // restoring the built-in text is a new version; the history keeps the edit
  await page.getByTestId('template-restore').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByText('已恢复内置文本（v2）')).toBeVisible();
  await expect(history.locator('tr[data-row-key="2"]')).toContainText('恢复内置文本');
  await expect(history.locator('tr[data-row-key="1"]')).toContainText('回执改用尊称');
  await expect(body).toHaveValue(/^您的投诉已受理，编号 \{\{number\}\}/);
  await expect(page.getByTestId('template-restore')).toBeDisabled();

  // the one refused preview (the unknown variable) is the only console error
  const refusals = errors.filter((e) => /Failed to load resource: the server responded with a status of 400/.test(e));
  expect(refusals).toHaveLength(1);
  expect(errors.filter((e) => !refusals.includes(e))).toEqual([]);
});
