import { deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

/** A PNG of w×h pixels: a blue-to-teal gradient with a light band, built here so the test needs no file. */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: number[] = [];
  for (let y = 0; y < h; y += 1) {
    rows.push(0);
    const band = y > h * 0.4 && y < h * 0.6;
    for (let x = 0; x < w; x += 1) {
      const f = x / w;
      rows.push(band ? 240 : Math.round(22 + 30 * f), band ? 248 : Math.round(119 + 60 * f), band ? 255 : Math.round(255 - 90 * f));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function openPublicity(page: Page): Promise<void> {
  await page.goto('/login');
  await signIn(page, 'admin');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByTestId('admin-tab-publicity').click();
}

test('#15 item 3 (R-G3): an administrator sets the hotline and publishes an article with an image; the portal shows both', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const stamp = `${Date.now()}`.slice(-7);
  const hotline = `400-${stamp.slice(0, 3)}-${stamp.slice(3)}`;
  const title = `车险理赔小贴士 ${stamp}-${test.info().retry}`;

  // the channels: the first hotline gets a new number
  await openPublicity(page);
  const number = page.getByTestId('hotline-0-number');
  await expect(number).not.toHaveValue('');
  await number.fill(hotline);
  await page.getByTestId('channels-save').click();
  await expect(page.getByText('已保存，门户已更新')).toBeVisible();
  await expect(page.getByTestId('channels-version')).toContainText('admin');

  // an article with a heading, bold text and an uploaded image, saved as a draft, then published
  await page.getByTestId('publicity-tab-articles').click();
  await page.getByTestId('article-new').click();
  await page.getByTestId('article-title-input').fill(title);
  await page.getByTestId('article-summary-input').fill('出险后如何报案、准备哪些材料、多久能拿到赔款。');
  const editor = page.getByTestId('article-editor');
  await editor.click();
  await page.getByRole('button', { name: '标题', exact: true }).click();
  await page.keyboard.type('出险后先做这三件事');
  await page.keyboard.press('Enter');
  await page.keyboard.type('第一时间拨打客服热线报案，');
  await page.getByRole('button', { name: '加粗' }).click();
  await page.keyboard.type('保留现场照片');
  await page.getByRole('button', { name: '加粗' }).click();
  await page.keyboard.type('，并索取事故证明。');
  await page.keyboard.press('Enter');
  await page.getByTestId('editor-image-input').setInputFiles({ name: '报案流程.png', mimeType: 'image/png', buffer: png(720, 240) });
  await expect(editor.locator('img[src^="/api/publicity/images/"]')).toBeVisible();
  await expect(editor.locator('h2')).toHaveText('出险后先做这三件事');
  await expect(editor.locator('strong')).toHaveText('保留现场照片');
  await page.getByTestId('article-save').click();
  const row = page.getByTestId(`article-row-${title}`);
  await expect(row.getByTestId('article-status')).toHaveText('草稿');
  await row.getByTestId('article-publish').click();
  await expect(row.getByTestId('article-status')).toHaveText('已发布');

  // the portal, as a customer with a fresh browser (no cached answers)
  const customer = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } });
  const portal = await customer.newPage();
  const portalErrors = collectErrors(portal);
  await portal.goto('/portal');
  await expect(portal.getByTestId('portal-channels').getByTestId('portal-hotline').first()).toHaveText(hotline);
  await expect(portal.getByTestId('process-levels')).toContainText('三级投诉');
  const card = portal.getByTestId('portal-article-card').filter({ hasText: title });
  await expect(card).toBeVisible();
  await card.getByRole('link', { name: title }).click();
  await expect(portal).toHaveURL(/\/portal\/articles\/[0-9a-f-]{36}$/);
  await expect(portal.getByTestId('article-title')).toHaveText(title);
  const body = portal.getByTestId('article-body');
  await expect(body.locator('h2')).toHaveText('出险后先做这三件事');
  await expect(body.locator('strong')).toHaveText('保留现场照片');
  const image = body.locator('img');
  await expect(image).toHaveAttribute('src', /^\/api\/public\/articles\/images\/[0-9a-f-]{36}$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(720);
  await portal.screenshot({ path: `${SHOTS}/portal-article.png` });

  // back to the portal's front page through its own link
  await portal.getByTestId('article-back').click();
  await expect(portal.getByTestId('portal-articles')).toBeVisible();
  expect(portalErrors).toEqual([]);
  await customer.close();
  expect(errors).toEqual([]);
});
