/**
 * Online submission and tracking on the public portal at phone width (#12 item 1; R-B1, R-B2, R-B4):
 * a code to the customer's e-mail (read from the development mailbox), the complaint with a photo,
 * the receipt and its acknowledgment; later tracking with a new code, adding a PDF, and the
 * satisfaction survey once staff have answered. Refusals: a wrong code and a missing field named
 * on their field, a file of the wrong type refused before upload, a 429 as the wait in words.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Answer, ItemOf } from '../web/src/api/types.js';
import { answerOf, apiSession, type ApiSession } from './support.js';

const SHOTS = 'docs/screenshots';
const PHONE = { width: 375, height: 812 };
/** Screenshots of a part taller than the screen: the sticky header stays at the top instead of across the middle. */
const TALL = { style: '.p-header { position: static !important; }' };

/** A 1×1 PNG and a one-page PDF: real signatures, since the server checks each file's type by its content. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

type Letter = ItemOf<Answer<'/api/messages/development-mailbox', 'get'>>;

/**
 * Console errors and page errors, except the browser's own line for a 4xx the test provokes (a
 * wrong code answers 400, the mocked limit 429; Chromium logs every such fetch as an error).
 */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const provoked = /status of (400|429)/.test(m.text()) && /\/api\/public\/(sessions|codes)$/.test(m.location().url);
    if (!provoked) errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

/**
 * The e-mails to an address in the development mailbox, as the administrator reads it (newest
 * first). The mailbox shows recipients masked (k***@domain): each run's address has a domain of its own.
 */
async function lettersTo(admin: ApiSession, masked: string): Promise<Letter[]> {
  const res = await admin.api.get('/api/messages/development-mailbox?channel=email&limit=200');
  expect(res.status(), await res.text()).toBe(200);
  const { items } = await answerOf<'/api/messages/development-mailbox', 'get'>(res);
  return items.filter((m) => m.recipient.toLowerCase() === masked.toLowerCase()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The newest e-mail to `address` not among `seen` whose text matches (the job runner sends within seconds). */
async function nextLetter(admin: ApiSession, address: string, seen: Set<string>, match: RegExp): Promise<Letter> {
  let found: Letter | undefined;
  await expect
    .poll(
      async () => {
        found = (await lettersTo(admin, address)).find((m) => !seen.has(m.id) && match.test(`${m.subject ?? ''}\n${m.body}`));
        return found !== undefined;
      },
      { timeout: 60_000, message: `an e-mail to ${address} matching ${match}` },
    )
    .toBe(true);
  if (!found) throw new Error('unreachable');
  seen.add(found.id);
  return found;
}

/** The one-time code of a code e-mail (its length from the intake options). */
function codeIn(letter: Letter, length: number): string {
  const code = new RegExp(`(?<![\\d-])(\\d{${length}})(?![\\d-])`).exec(letter.body)?.[1];
  expect(code, letter.body).toBeDefined();
  return code ?? '';
}

async function noOverflow(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, where).toBeLessThanOrEqual(0);
}

/** Staff answer the complaint (assigned by a supervisor, the result sent by e-mail), so that its survey opens. */
async function answerByStaff(baseURL: string | undefined, number: string): Promise<void> {
  const supervisor = await apiSession(baseURL, 'supervisor');
  const agent = await apiSession(baseURL, 'agent');
  try {
    const list = await supervisor.api.get(`/api/complaints?q=${encodeURIComponent(number)}`);
    expect(list.status(), await list.text()).toBe(200);
    const found = (await answerOf<'/api/complaints', 'get'>(list)).items.find((c) => c.number === number);
    expect(found, `${number} in the supervisor's ledger`).toBeDefined();
    const id = found?.id ?? '';
    const assigned = await supervisor.post(`/api/complaints/${id}/assign`, { assignee: 'agent' });
    expect(assigned.status(), await assigned.text()).toBe(200);
    const answered = await agent.post(`/api/complaints/${id}/send-feedback`, {
      method: 'email',
      content: '经核实，定损金额有误，我们已按维修发票重新核定并补足赔款。',
    });
    expect(answered.status(), await answered.text()).toBe(200);
  } finally {
    await supervisor.close();
    await agent.close();
  }
}

test('a customer complains online at phone width: code, form with a photo, receipt; then tracks it with a new code, adds a PDF and answers the survey', async ({
  page,
  baseURL,
}) => {
  test.slow();
  await page.setViewportSize(PHONE);
  const errors = collectErrors(page);
  const stamp = String(Date.now() % 100_000_000).padStart(8, '0');
  const domain = `portal-${stamp}.example.com`;
  const email = `kehu@${domain}`;
  const masked = `k***@${domain}`;
  // one administrator's session reads the development mailbox (signing in for every look would be throttled)
  const admin = await apiSession(baseURL, 'admin');
  const seen = new Set((await lettersTo(admin, masked)).map((m) => m.id));
  const options = await (await page.request.get('/api/public/intake-options')).json();
  const codeLength = (options as { codeLength: number }).codeLength;

  // the portal's online form, from the hero's button
  await page.goto('/portal');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('您的意见，我们认真对待');
  await expect(page.getByText('即将开放')).toHaveCount(0);
  await page.getByTestId('hero-submit').click();
  const section = page.getByTestId('submit-section');
  await expect(section.getByRole('heading', { name: '在线提交投诉' })).toBeVisible();
  await expect(section.locator('[aria-current="step"]')).toContainText('联系方式');

  // step 1: the contact, required, then a code to it (masked on screen)
  await page.getByTestId('submit-send-code').click();
  await expect(page.getByTestId('submit-contact-error')).toHaveText('请填写手机号码或电子邮箱');
  await expect(page.getByTestId('submit-contact')).toBeFocused();
  await expect(page.getByTestId('submit-contact')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('submit-contact').fill(email);
  await page.getByTestId('submit-send-code').click();
  await expect(page.getByRole('heading', { name: '输入验证码' })).toBeFocused();
  await expect(section.locator('[aria-current="step"]')).toContainText('验证码');
  await expect(page.getByTestId('submit-sent-to')).toContainText(`验证码已发送至 ${masked}`);
  await expect(page.getByTestId('submit-resend')).toBeDisabled();
  await expect(page.getByTestId('submit-resend')).toContainText(/\d+ 秒后可重新发送/);
  const code = codeIn(await nextLetter(admin, masked, seen, /验证码/), codeLength);

  // step 2: a wrong code is named on its field; the right one opens the form
  const wrong = code === '0'.repeat(codeLength) ? '1'.repeat(codeLength) : '0'.repeat(codeLength);
  await page.getByTestId('submit-code').fill(wrong);
  await page.getByTestId('submit-verify').click();
  await expect(page.getByTestId('submit-code-error')).not.toBeEmpty();
  await expect(page.getByTestId('submit-code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('submit-code')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/portal-submit-code.png` });
  await page.getByTestId('submit-code').fill(code);
  await page.getByTestId('submit-verify').click();
  await expect(page.getByRole('heading', { name: '填写投诉内容' })).toBeFocused();
  await expect(page.getByTestId('complaint-verified')).toContainText(email);

  // step 3: what is missing is named on its field, and the first one gets the focus
  await page.getByTestId('complaint-submit').click();
  await expect(page.getByTestId('complaint-name-error')).toHaveText('请填写您的姓名');
  await expect(page.getByTestId('complaint-description-error')).toHaveText('请填写事情经过');
  await expect(page.getByTestId('complaint-name')).toBeFocused();

  // business line and category in words; the categories are those of the chosen line
  await page.getByTestId('complaint-name').fill('门户网上投诉');
  await expect(page.getByTestId('complaint-category')).toBeDisabled();
  await page.getByTestId('complaint-businessLine').selectOption({ label: '财产保险' });
  const categories = await page.getByTestId('complaint-category').locator('option').allTextContents();
  expect(categories).toContain('理赔纠纷');
  expect(categories).not.toContain('证券交易与执行');
  await page.getByTestId('complaint-category').selectOption({ label: '理赔纠纷' });
  await page.getByTestId('complaint-description').fill('车辆追尾后定损 8000 元，理赔只赔付了 3500 元，差额没有任何说明。');
  await page.getByTestId('complaint-requestedRemedy').fill('按维修发票补足赔款');
  await page.getByTestId('complaint-amount').fill('4500');

  // the limits are stated before any upload; a file that breaks them is refused in the browser, never sent
  await expect(page.getByTestId('complaint-files-limits')).toContainText(/可上传：.*PDF.*每个文件不超过 \d+(\.\d)? MB，最多 \d+ 个/);
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/public/complaints')) uploads.push(r.url());
  });
  await page
    .getByTestId('complaint-files')
    .setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
  await expect(page.getByTestId('complaint-files-error')).toHaveText('“setup.exe”的文件类型不在可上传的范围内。');
  expect(uploads).toEqual([]);
  await page.getByTestId('complaint-files').setInputFiles({ name: '定损照片.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('chosen-file')).toHaveCount(1);
  await expect(page.getByTestId('chosen-file')).toContainText('定损照片.png');
  await expect(page.getByTestId('complaint-files-error')).toBeEmpty();
  await noOverflow(page, 'the form at 375 px');
  await section.screenshot({ path: `${SHOTS}/portal-submit-form.png`, ...TALL });

  // step 4: sent (the progress shows while it goes), then the receipt
  await page.getByTestId('complaint-submit').click();
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible({ timeout: 30_000 });
  expect(uploads).toHaveLength(1);
  await expect(page.getByRole('heading', { name: '投诉已提交' })).toBeFocused();
  await expect(section.locator('[aria-current="step"]')).toContainText('提交成功');
  const number = ((await page.getByTestId('receipt-number').textContent()) ?? '').trim();
  expect(number).toMatch(/^TS\d{12}$/);
  await expect(page.getByTestId('receipt-expected')).toHaveText(/^20\d\d\/\d\d\/\d\d 前$/);
  await expect(page.getByTestId('receipt-expected-days')).toHaveText(/^按监管规定，我们最迟在受理后 \d+ 天内答复您。$/);
  await expect(page.getByTestId('receipt-acknowledged')).toContainText(`确认消息已发送至 ${masked}`);
  await page.getByTestId('receipt-copy').click();
  await expect(page.getByTestId('receipt-copied')).not.toBeEmpty();
  await noOverflow(page, 'the receipt at 375 px');
  await page.screenshot({ path: `${SHOTS}/portal-submit-receipt.png` });
  // the acknowledgment (R-B2) reaches the verified address with the number
  await nextLetter(admin, masked, seen, new RegExp(number));

  // the receipt's button opens the complaint (the submission's own session)
  await page.getByTestId('receipt-track').click();
  await expect(page.getByRole('heading', { name: '我的投诉' })).toBeFocused();
  await expect(page.getByTestId('track-status')).toHaveText('已受理');
  await expect(page.getByTestId('mine-subject')).toHaveText('财产保险 · 理赔纠纷');

  // later: tracking with the number and a new code to the same address
  await page.goto('/portal');
  await page.getByTestId('track-number').fill(number.toLowerCase());
  await page.getByTestId('track-contact').fill(email.toUpperCase());
  await page.getByTestId('track-send-code').click();
  await expect(page.getByRole('heading', { name: '输入验证码' })).toBeFocused();
  const trackCode = codeIn(await nextLetter(admin, masked, seen, /验证码/), codeLength);
  await page.getByTestId('track-code').fill(trackCode);
  await page.getByTestId('track-verify').click();
  const mine = page.getByTestId('my-complaint');
  await expect(page.getByRole('heading', { name: '我的投诉' })).toBeFocused();
  await expect(mine.getByTestId('track-result')).toContainText(`投诉编号 ${number}`);
  await expect(page.getByTestId('track-stages')).toContainText('受理登记');
  await expect(page.getByTestId('survey')).toHaveCount(0);
  await expect(mine).not.toContainText(email);

  // more information with a PDF: it joins the thread
  await page.getByTestId('add-submit').click();
  await expect(page.getByTestId('add-text-error')).toHaveText('请填写补充说明');
  await page.getByTestId('add-text').fill('补充维修发票一张，金额 8000 元。');
  await page.getByTestId('add-files').setInputFiles({ name: '维修发票.pdf', mimeType: 'application/pdf', buffer: PDF });
  // the send is held until its progress has been seen, so the check does not race the upload
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/public/complaints/*/messages', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId('add-submit').click();
  const adding = page.getByTestId('add-information');
  await expect(adding.locator('progress')).toBeVisible();
  await expect(adding.getByTestId('send-progress')).toContainText(/正在/);
  await expect(page.getByTestId('add-submit')).toHaveAttribute('aria-disabled', 'true');
  release();
  await expect(page.getByTestId('add-done')).toHaveText('已收到您补充的信息。');
  await page.unroute('**/api/public/complaints/*/messages');
  const added = page.getByTestId('thread-item').filter({ hasText: '补充维修发票一张' });
  await expect(added).toHaveAttribute('data-direction', 'inbound');
  await expect(added).toContainText('维修发票.pdf');
  await noOverflow(page, 'the complaint at 375 px');
  await mine.screenshot({ path: `${SHOTS}/portal-track-thread.png`, ...TALL });

  // staff answer it; the survey opens for the customer
  await answerByStaff(baseURL, number);
  await page.getByTestId('mine-refresh').click();
  await expect(page.getByTestId('track-status')).toHaveText('已答复，待回访');
  const survey = page.getByTestId('survey');
  await expect(survey).toBeVisible();
  // the result e-mail joins the thread once the outbox has turned it into a message (within seconds)
  const result = page.getByTestId('thread-item').filter({ hasText: '已按维修发票重新核定' });
  await expect(async () => {
    await page.getByTestId('mine-refresh').click();
    await expect(result).toHaveAttribute('data-direction', 'outbound', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId('survey-submit').click();
  await expect(survey).toContainText('请选择是否满意');
  await expect(survey).toContainText('请选择分数');
  await survey.getByLabel('满意', { exact: true }).check();
  await expect(survey).not.toContainText('请选择是否满意');
  await survey.getByLabel('5 分 · 非常满意').check();
  await page.getByTestId('survey-comment').fill('处理及时，谢谢');
  await survey.screenshot({ path: `${SHOTS}/portal-survey.png` });
  await page.getByTestId('survey-submit').click();
  await expect(page.getByTestId('survey-thanks')).toBeFocused();
  await expect(page.getByTestId('survey')).toHaveCount(0);

  await admin.close();
  expect(errors).toEqual([]);
});

test('a 429 is shown as the wait in words, and the language switch covers the online form', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const errors = collectErrors(page);
  await page.route('**/api/public/codes', (route) =>
    route.fulfill({
      status: 429,
      headers: { 'retry-after': '185' },
      contentType: 'application/json',
      body: JSON.stringify({ code: 'too_many_requests', message: '请求过于频繁', fields: [], retryAfterSeconds: 185 }),
    }),
  );
  await page.goto('/portal');
  await page.getByTestId('submit-contact').fill('13912345678');
  await page.getByTestId('submit-send-code').click();
  await expect(page.getByTestId('submit-contact-problem')).toHaveText('操作过于频繁，请在 4 分钟后重试。');
  await expect(page.getByTestId('submit-contact-problem')).toHaveAttribute('role', 'alert');

  await page.getByTestId('portal-language').click();
  await expect(page.getByTestId('submit-section').getByRole('heading', { level: 2 })).toHaveText('Complain online');
  await page.getByTestId('submit-send-code').click();
  await expect(page.getByTestId('submit-contact-problem')).toHaveText('Too many attempts. Please try again in 4 minutes.');
  await page.getByTestId('portal-language').click();
  expect(errors).toEqual([]);
});
