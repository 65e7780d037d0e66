/**
 * Attachments at intake and the correspondence thread in the browser (#12 items 4 and 5, R-B4): an
 * agent registers a counter complaint with the customer's scanned letter and a photo (the limits
 * stated before choosing, the upload's progress shown after registering, a failed upload tried
 * again), finds them on the complaint page, records a second letter with its scan, replies by
 * e-mail, and sees the reply in the thread with its delivery status.
 */
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, signIn } from './support.js';

const SHOTS = 'docs/screenshots';
const MIB = 1024 * 1024;

/** `size` bytes of a PDF-looking file (the server checks the %PDF- signature). */
function pdfBytes(size: number): Buffer {
  const b = Buffer.alloc(size, 0x20);
  Buffer.from('%PDF-1.7\n').copy(b);
  for (let i = 4096; i + 4 <= size; i += 4096) b.writeUInt32LE((i * 2654435761) >>> 0, i);
  return b;
}
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Holds the answers of an upload route until `release`, so the progress can be seen; the first
 * `fail` uploads are answered 503 (the database briefly away), the later ones reach the server.
 */
async function holdUploads(page: Page, glob: string, fail = 0): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let seen = 0;
  await page.route(glob, async (route) => {
    expect(route.request().headers()['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    await held;
    seen += 1;
    if (seen <= fail)
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'database_unavailable', message: '数据库暂时不可用，请稍后重试', fields: [] }),
      });
    else await route.continue();
  });
  return release;
}

test('a counter complaint with a scanned letter: uploaded with progress, shown on the page; a letter recorded and an e-mail reply in the thread with its status', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/login');
  await signIn(page, 'agent');
  await expect(page.getByRole('button', { name: /退出登录/ })).toBeVisible();

  // the counter form, with the customer's letter and a photo of the damage
  await page.goto('/complaints/new');
  await page.getByTestId('intake-mode').getByText('柜面接待').click();
  await expect(page.getByTestId('intake-name')).toBeFocused();
  await page.keyboard.type('郑十一');
  const phone = `137${String(Date.now()).slice(-8)}`;
  await page.getByTestId('intake-phone').fill(phone);
  await page.getByLabel('电子邮箱').fill('zheng.shiyi@example.com');
  await page.getByTestId('intake-business-line').click();
  await page.keyboard.type('财产');
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-category').click();
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-description').fill('客户到柜面递交书面投诉信，对车险定损金额有异议。');

  const attachments = page.getByTestId('intake-attachments');
  // the limits before anything is chosen
  await expect(attachments.getByTestId('intake-files-limits')).toContainText('每次最多 20 个文件，单个不超过 50 MB');
  await expect(attachments.getByTestId('intake-files-limits')).toContainText('PDF');
  const letter = pdfBytes(4 * MIB);
  await attachments.getByTestId('intake-files-input').setInputFiles([
    { name: '客户投诉信 扫描件.pdf', mimeType: 'application/pdf', buffer: letter },
    { name: '车损照片.png', mimeType: 'image/png', buffer: PNG },
  ]);
  await expect(attachments.getByTestId('intake-files-chosen')).toHaveText(['客户投诉信 扫描件.pdf (4 MB)', '车损照片.png (20 B)']);
  // an empty file is refused the moment it is chosen, by its name
  await attachments
    .getByTestId('intake-files-input')
    .setInputFiles({ name: '空白.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
  await expect(attachments.getByTestId('intake-files-problem')).toContainText('空白.pdf');
  await expect(attachments.getByTestId('intake-files-chosen')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/intake-attachments.png`, fullPage: true });

  // registered first; then the files go up with their progress (the first attempt fails, the retry goes through)
  const release = await holdUploads(page, '**/attachments', 1);
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-result')).toBeVisible();
  const number = ((await page.getByTestId('result-number').textContent()) ?? '').trim();
  const upload = page.getByTestId('intake-upload');
  await expect(upload.getByTestId('intake-upload-progress')).toBeVisible();
  await expect(upload.getByTestId('intake-upload-progress').locator('.ant-progress')).toBeVisible();
  release();
  await expect(upload.getByTestId('intake-upload-error')).toContainText('投诉已登记，但材料上传失败');
  await expect(upload.getByTestId('intake-upload-error')).toContainText('往来沟通');
  await upload.getByTestId('intake-upload-retry').click();
  await expect(upload.getByTestId('intake-upload-done')).toHaveText(/2 个文件已上传/);
  await page.unroute('**/attachments');
  await page.screenshot({ path: `${SHOTS}/intake-attachments-uploaded.png`, fullPage: true });

  // on the complaint page: the materials, downloadable as they were scanned
  await page.getByTestId('result-open').click();
  await expect(page.getByTestId('complaint-number')).toHaveText(number);
  await page.getByTestId('tab-correspondence').click();
  const materials = page.getByTestId('materials');
  await expect(materials.getByTestId('material')).toHaveCount(1);
  await expect(materials).toContainText('客户投诉信 扫描件.pdf (4 MB)');
  await expect(materials).toContainText('车损照片.png');
  await expect(materials).toContainText('工作人员上传');
  const href = await materials.getByTestId('stored-file').filter({ hasText: '客户投诉信' }).getAttribute('href');
  const file = await page.request.get(href ?? '');
  expect(file.status()).toBe(200);
  expect(sha256(await file.body())).toBe(sha256(letter));
  await expect(page.getByTestId('timeline').locator('[data-event="attachments_received"]')).toBeVisible();

  // a second letter arrives by post: recorded with its scan
  await page.getByTestId('letter-open').click();
  const letterDrawer = page.getByTestId('letter-drawer');
  await expect(letterDrawer.getByTestId('letter-files-limits')).toBeVisible();
  await letterDrawer.getByTestId('letter-subject').fill('补充材料');
  await letterDrawer.getByTestId('letter-text').fill('客户来信补充维修厂报价单，要求按报价单赔付。');
  await letterDrawer
    .getByTestId('letter-files-input')
    .setInputFiles({ name: '维修报价单.pdf', mimeType: 'application/pdf', buffer: pdfBytes(64 * 1024) });
  await letterDrawer.getByTestId('letter-save').click();
  await expect(letterDrawer).toBeHidden();
  const thread = page.getByTestId('thread');
  const inbound = thread.locator('[data-testid="thread-item"][data-direction="inbound"]');
  await expect(inbound).toHaveCount(1);
  await expect(inbound).toContainText('书信');
  await expect(inbound).toContainText('补充材料');
  await expect(inbound).toContainText('维修报价单.pdf');

  // the reply by e-mail, to the address on file (shown masked)
  await page.getByTestId('reply-open').click();
  const replyDrawer = page.getByTestId('reply-drawer');
  await expect(replyDrawer.getByTestId('reply-channel-email')).toContainText('z***@example.com');
  await expect(replyDrawer.locator('input[value=email]')).toBeChecked();
  await replyDrawer.getByTestId('reply-subject').fill('关于您的车险定损异议');
  await replyDrawer.getByTestId('reply-text').fill('郑先生您好：来信及报价单已收到，我们将在三个工作日内重新核定并答复您。');
  await replyDrawer.getByTestId('reply-send').click();
  await expect(replyDrawer).toBeHidden();
  const outbound = thread.locator('[data-testid="thread-item"][data-direction="outbound"]');
  await expect(outbound).toHaveCount(1);
  await expect(outbound).toContainText('回复投诉人');
  await expect(outbound).toContainText('z***@example.com');
  await expect(outbound).toContainText('来信及报价单已收到');
  await expect(outbound).toContainText(number);
  // the job runner sends it (the development mailbox confirms delivery): the thread follows its status
  await expect(outbound).toHaveAttribute('data-status', 'delivered', { timeout: 60_000 });
  await expect(outbound.getByTestId(/^message-status-/)).toHaveText('已送达');
  await expect(page.getByTestId('timeline').locator('[data-event="correspondence_sent"]')).toBeVisible();
  await page.getByTestId('thread').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/complaint-correspondence.png`, fullPage: true });
  // the browser logs the refused first upload (503) itself; nothing else may be logged
  expect(errors.filter((e) => !e.includes('503'))).toEqual([]);
});
