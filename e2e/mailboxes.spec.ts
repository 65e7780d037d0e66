/**
 * E-mail intake administered in the browser (#12 item 2, R-B1) against the real server and its SMTP
 * listener (MAIL_INBOUND_SMTP_PORT, set by playwright.config.ts): an administrator sets up a
 * forwarding mailbox (the IMAP fields shown for that kind; a server field error shown on its field),
 * mail is sent to it with a real SMTP client (nodemailer), and the inbound mail list shows a new
 * complaint with its link, an auto-reply ignored and a message without a sender quarantined, each
 * with its reason in words; the quarantined one is downloaded raw and processed again.
 */
import { expect, test, type Page } from '@playwright/test';
import nodemailer from 'nodemailer';
import type { Answer, ItemOf } from '../web/src/api/types.js';
import { answerOf, apiSession, chooseOption, collectErrors, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

type Mailbox = Answer<'/api/admin/mailboxes', 'post'>;
type InboundMail = ItemOf<Answer<'/api/admin/inbound-mail', 'get'>>;

/** The listener's port, chosen by playwright.config.ts and passed to the server. */
function smtpPort(): number {
  const port = Number(process.env.E2E_MAIL_PORT);
  expect(port, 'E2E_MAIL_PORT (playwright.config.ts)').toBeGreaterThan(0);
  return port;
}

async function openAdmin(page: Page, tab: 'mailboxes' | 'inbound-mail'): Promise<void> {
  await page.goto('/login');
  await signIn(page, 'admin');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByTestId(`admin-tab-${tab}`).click();
}

/** Chooses how mail arrives (the radio button's label). */
async function chooseKind(page: Page, label: 'SMTP 转发' | 'IMAP 收取'): Promise<void> {
  await page.locator('label.ant-radio-button-wrapper', { hasText: label }).click();
}

/** The mailbox's messages as the API lists them, once `count` have arrived and none waits to be processed. */
async function processed(baseURL: string | undefined, mailboxId: string, count: number): Promise<InboundMail[]> {
  const admin = await apiSession(baseURL, 'admin');
  try {
    let items: InboundMail[] = [];
    await expect
      .poll(
        async () => {
          const res = await admin.api.get(`/api/admin/inbound-mail?mailboxId=${mailboxId}`);
          items = (await answerOf<'/api/admin/inbound-mail', 'get'>(res)).items;
          return items.length >= count && items.every((m) => m.outcome !== 'pending');
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    return items;
  } finally {
    await admin.close();
  }
}

test('an administrator sets up a forwarding mailbox; mail sent to it becomes a complaint, an auto-reply is ignored, a message without a sender is quarantined', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const errors = collectErrors(page);
  const stamp = Date.now().toString(36);
  const address = `complaints-${stamp}@example.com`;
  const name = `客服投诉邮箱 ${stamp}`;

  // a first mailbox through the API, whose address the form then tries to take
  const admin = await apiSession(baseURL, 'admin');
  const taken = `taken-${stamp}@example.com`;
  const first = await admin.post('/api/admin/mailboxes', {
    name: `已占用 ${stamp}`,
    kind: 'smtp',
    address: taken,
    intervalSeconds: 60,
    stallMinutes: 30,
    enabled: false,
  });
  expect(first.status(), await first.text()).toBe(201);
  await admin.close();

  await openAdmin(page, 'mailboxes');
  await expect(page.getByTestId('mailboxes-page')).toBeVisible();
  await page.getByTestId('mailbox-new').click();

  // the IMAP kind asks for its server, encryption in words, user, password and folder
  await chooseKind(page, 'IMAP 收取');
  await expect(page.getByTestId('mailbox-host')).toBeVisible();
  await expect(page.getByTestId('mailbox-folder')).toHaveValue('INBOX');
  await expect(page.getByTestId('mailbox-tls')).toContainText('加密连接（SSL/TLS，通常端口 993）');
  await expect(page.getByTestId('mailbox-password')).toBeVisible();
  await page.getByTestId('mailbox-name').fill(name);
  await page.screenshot({ path: `${SHOTS}/mailboxes-form-imap.png` });

  // forwarding (SMTP) asks only for the address
  await chooseKind(page, 'SMTP 转发');
  await expect(page.getByTestId('mailbox-host')).toHaveCount(0);
  await page.getByTestId('mailbox-address').fill(taken);
  await chooseOption(page, page.getByTestId('mailbox-line'), '财产保险');

  // an address another mailbox has: the server's answer is shown on the field
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/admin/mailboxes') && r.request().method() === 'POST');
  await page.getByTestId('mailbox-save').click();
  expect((await refused).status()).toBeGreaterThanOrEqual(400);
  const addressItem = page.locator('.ant-form-item', { has: page.getByTestId('mailbox-address') });
  await expect(addressItem.locator('.ant-form-item-explain-error')).toBeVisible();

  await page.getByTestId('mailbox-address').fill(address);
  const created = page.waitForResponse((r) => r.url().endsWith('/api/admin/mailboxes') && r.request().method() === 'POST');
  await page.getByTestId('mailbox-save').click();
  const res = await created;
  expect(res.status(), await res.text()).toBe(201);
  const mailbox = (await res.json()) as Mailbox;

  // in the list: its kind and address in words, its health not yet known
  const row = page.getByTestId(`mailbox-row-${mailbox.id}`);
  await expect(row).toContainText(name);
  await expect(row).toContainText('SMTP 转发');
  await expect(row).toContainText(address);
  await expect(row).toContainText('到达即处理');
  await expect(page.getByTestId(`mailbox-health-${mailbox.id}`)).toHaveText('尚未收取');
  // forwarding has no connection to test
  await expect(page.getByTestId(`mailbox-test-${mailbox.id}`)).toHaveCount(0);

  // three messages through the listener with a real SMTP client
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort(), secure: false, ignoreTLS: true });
  const sender = `li.ming.${stamp}@example.net`;
  try {
    await transport.sendMail({
      from: `"李明" <${sender}>`,
      to: address,
      subject: `车险理赔迟迟未到账 ${stamp}`,
      text: '我于上月提交车险理赔申请，至今未收到赔款，请尽快处理。\n\n李明\n13800138000',
    });
    await transport.sendMail({
      from: sender,
      to: address,
      subject: `自动回复：已收到 ${stamp}`,
      text: '我正在休假，回来后回复您。',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await transport.sendMail({
      envelope: { from: sender, to: [address] },
      raw: [
        `To: ${address}`,
        `Subject: 没有发件人 ${stamp}`,
        `Message-ID: <no-sender-${stamp}@example.net>`,
        '',
        '这封邮件没有发件人。',
        '',
      ].join('\r\n'),
    });
  } finally {
    transport.close();
  }
  const items = await processed(baseURL, mailbox.id, 3);
  const byOutcome = (o: InboundMail['outcome']) => items.find((m) => m.outcome === o);
  const complaint = byOutcome('created');
  const ignored = byOutcome('ignored');
  const quarantined = byOutcome('quarantined');
  expect(complaint?.complaintNumber, JSON.stringify(items)).toBeTruthy();
  expect(ignored, JSON.stringify(items)).toBeDefined();
  expect(quarantined, JSON.stringify(items)).toBeDefined();
  if (!complaint || !ignored || !quarantined) return;

  // the mailbox is healthy now, with its quarantined message counted
  await page.getByTestId('mailbox-refresh').click();
  await expect(page.getByTestId(`mailbox-health-${mailbox.id}`)).toHaveText('正常');
  await expect(row).not.toContainText('尚未收取');
  await page.screenshot({ path: `${SHOTS}/mailboxes.png`, fullPage: true });

  // the count leads to the mailbox's quarantine
  await page.getByTestId(`mailbox-quarantined-${mailbox.id}`).click();
  await expect(page).toHaveURL(/\/admin\/inbound-mail\?.*outcome=quarantined/);
  const held = page.getByTestId(`inbound-row-${quarantined.id}`);
  await expect(held).toContainText(`没有发件人 ${stamp}`);
  await expect(page.getByTestId(`inbound-outcome-${quarantined.id}`)).toHaveText('已隔离');
  await expect(page.getByTestId(`inbound-reason-${quarantined.id}`)).toHaveText(quarantined.reasonLabel ?? '');
  await expect(page.getByTestId(`inbound-reason-${quarantined.id}`)).toContainText('发件人');
  await expect(page.getByTestId('inbound-table').locator('tbody tr[data-testid^="inbound-row-"]')).toHaveCount(1);

  // its raw message downloads as an .eml file
  const download = page.waitForEvent('download');
  await page.getByTestId(`inbound-raw-${quarantined.id}`).click();
  expect((await download).suggestedFilename()).toMatch(/\.eml$/);

  // processed again after a confirmation: still without a sender, so quarantined again
  await page.getByTestId(`inbound-reprocess-${quarantined.id}`).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '重新处理' }).click();
  await expect(page.locator('.ant-message')).toContainText('已重新处理，结果：已隔离');

  // the whole mailbox: the new complaint with its link, the auto-reply ignored with its reason
  await page.getByTestId('inbound-filter-outcome').hover();
  await page.getByTestId('inbound-filter-outcome').locator('.ant-select-clear').click();
  await expect(page).not.toHaveURL(/outcome=/);
  await expect(page.getByTestId('inbound-table').locator('tbody tr[data-testid^="inbound-row-"]')).toHaveCount(3);
  await expect(page.getByTestId('inbound-counts')).toHaveAttribute('data-total', '3');
  await expect(page.getByTestId('inbound-counts')).toHaveAttribute('aria-label', /新投诉 1.*已忽略 1.*已隔离 1/);

  const created2 = page.getByTestId(`inbound-row-${complaint.id}`);
  await expect(page.getByTestId(`inbound-outcome-${complaint.id}`)).toHaveText('新投诉');
  await expect(created2).toContainText(`车险理赔迟迟未到账 ${stamp}`);
  await expect(created2).toContainText(name);
  // the sender only masked
  await expect(created2).not.toContainText(sender);
  const link = page.getByTestId(`inbound-complaint-${complaint.id}`);
  await expect(link).toHaveText(complaint.complaintNumber ?? '');
  await expect(link).toHaveAttribute('href', `/complaints/${complaint.complaintId}`);

  await expect(page.getByTestId(`inbound-outcome-${ignored.id}`)).toHaveText('已忽略');
  await expect(page.getByTestId(`inbound-reason-${ignored.id}`)).toHaveText(ignored.reasonLabel ?? '');
  await expect(page.getByTestId(`inbound-reason-${ignored.id}`)).toContainText('自动');
  await expect(page.getByTestId(`inbound-complaint-${ignored.id}`)).toHaveCount(0);

  // a row opens to its Message-ID and size
  await created2.click();
  await expect(page.getByTestId(`inbound-detail-${complaint.id}`)).toContainText(complaint.messageId ?? '');
  await page.screenshot({ path: `${SHOTS}/inbound-mail.png`, fullPage: true });

  // the one refused save is the only error the browser logged
  const refusals = errors.filter((e) => /Failed to load resource: the server responded with a status of 4\d\d/.test(e));
  expect(refusals).toHaveLength(1);
  expect(errors.filter((e) => !refusals.includes(e))).toEqual([]);
});

test('an IMAP mailbox whose server cannot be reached: the connection test says why, and a poll now shows it failing with its error', async ({
  page,
}) => {
  test.slow();
  const errors = collectErrors(page);
  const stamp = Date.now().toString(36);
  const name = `IMAP 收件 ${stamp}`;

  await openAdmin(page, 'mailboxes');
  await page.getByTestId('mailbox-new').click();
  await chooseKind(page, 'IMAP 收取');
  await page.getByTestId('mailbox-name').fill(name);
  await page.getByTestId('mailbox-host').fill('127.0.0.1');
  await chooseOption(page, page.getByTestId('mailbox-tls'), '不加密（仅限内网或测试）');
  // port 1 of the loopback: nothing listens there
  await page.getByTestId('mailbox-port').fill('1');
  await page.getByTestId('mailbox-username').fill('complaints');
  await page.getByTestId('mailbox-password').fill('imap-secret');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/admin/mailboxes') && r.request().method() === 'POST');
  await page.getByTestId('mailbox-save').click();
  const res = await created;
  expect(res.status(), await res.text()).toBe(201);
  const mailbox = (await res.json()) as Mailbox;
  expect(mailbox.hasPassword).toBe(true);

  const row = page.getByTestId(`mailbox-row-${mailbox.id}`);
  await expect(row).toContainText('IMAP 收取');
  await expect(page.getByTestId(`mailbox-source-${mailbox.id}`)).toHaveText('complaints@127.0.0.1:1 · INBOX');
  await expect(row).toContainText('每 60 秒');

  // the connection test answers in the page, with what went wrong
  await page.getByTestId(`mailbox-test-${mailbox.id}`).click();
  const result = page.getByTestId('mailbox-test-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText(`“${name}”连接失败`);
  await expect(result.locator('.ant-alert-description')).not.toBeEmpty();

  // editing keeps the stored password when the field is left empty
  await page.getByTestId(`mailbox-edit-${mailbox.id}`).click();
  await expect(page.getByTestId('mailbox-password')).toHaveAttribute('placeholder', '已保存，留空不变');
  await expect(page.getByTestId('mailbox-tls')).toContainText('不加密（仅限内网或测试）');
  await page.getByTestId('mailbox-stall').fill('15');
  const changed = page.waitForResponse((r) => r.url().endsWith(`/api/admin/mailboxes/${mailbox.id}`) && r.request().method() === 'PUT');
  await page.getByTestId('mailbox-save').click();
  const put = await changed;
  expect(put.status(), await put.text()).toBe(200);
  expect(put.request().postDataJSON()).not.toHaveProperty('password');
  expect(((await put.json()) as Mailbox).hasPassword).toBe(true);

  // fetched now: the poll fails, and the list shows it failing with the error in words of the server
  await page.getByTestId(`mailbox-poll-${mailbox.id}`).click();
  await expect(page.locator('.ant-message')).toContainText(`已安排立即收取“${name}”`);
  await expect(async () => {
    await page.getByTestId('mailbox-refresh').click();
    await expect(page.getByTestId(`mailbox-health-${mailbox.id}`)).toHaveText('失败', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId(`mailbox-error-${mailbox.id}`)).not.toBeEmpty();
  await page.screenshot({ path: `${SHOTS}/mailboxes-imap-failing.png`, fullPage: true });

  expect(errors).toEqual([]);
});
