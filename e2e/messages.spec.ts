/**
 * Messages leave the system (#11 items 2, 6, 7; R-B2, R-H4) against the real server, where e-mail goes
 * to the development mailbox and SMS to a gateway stub (e2e/sms-gateway.ts): an administrator reads the message
 * log (counts per status, filters, a message opened to what was sent and its proof), the development
 * mailbox and the failed jobs; the complaint page shows the acknowledgment's delivery; a user sets
 * their mobile phone and SMS for approaching deadlines, a server field error shown on its field, and
 * finds the saved values after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Answer, ItemOf } from '../web/src/api/types.js';
import { answerOf, apiSession, collectErrors, registerByAgent, signIn, type Registered } from './support.js';

const SHOTS = 'docs/screenshots';

type LoggedMessage = ItemOf<Answer<'/api/messages', 'get'>>;

/** Signs in and opens Administration → Messages (the message log). */
export async function openMessageLog(page: Page, username = 'admin'): Promise<void> {
  await page.goto('/login');
  await signIn(page, username);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByTestId('admin-tab-messages').click();
  await expect(page.getByTestId('messages-page')).toBeVisible();
}

/** The log narrowed to one complaint (its number in the search box); the table has answered. */
export async function searchLog(page: Page, text: string): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().includes('/api/messages?') && r.url().includes(`q=${encodeURIComponent(text)}`));
  await page.getByTestId('message-filter-q').fill(text);
  await page.getByTestId('message-filter-q').press('Enter');
  await answered;
}

/** A message's row of the log (data-status carries its status code), its status tag and its resend button. */
export const messageRow = (page: Page, id: string) => page.getByTestId(`message-row-${id}`);
export const messageStatus = (page: Page, id: string) => page.getByTestId(`message-status-${id}`);

/**
 * Resends a failed or dead message from the log and waits for the confirmation and the row's new
 * status (queued again, or already sent by the time the log is read again).
 */
export async function resendFromLog(page: Page, id: string): Promise<void> {
  await page.getByTestId(`message-resend-${id}`).click();
  await expect(page.locator('.ant-message')).toContainText('已重新排队发送');
  await expect(messageRow(page, id)).not.toHaveAttribute('data-status', /^(failed|dead)$/);
}

/**
 * The acknowledgment to the complainant as the administrator's log has it, once it is no longer
 * queued (the job runner polls each second). Only the complainant's: a staff notice about the same
 * complaint may stay queued for hours, held by quiet hours (the SMS test below sets 22:00-07:00 for
 * the supervisor, and CI may run at 06:30 in Shanghai).
 */
async function settledAcknowledgment(baseURL: string | undefined, number: string): Promise<LoggedMessage> {
  const admin = await apiSession(baseURL, 'admin');
  try {
    let ack: LoggedMessage | undefined;
    await expect
      .poll(
        async () => {
          const res = await admin.api.get(`/api/messages?q=${encodeURIComponent(number)}`);
          ack = (await answerOf<'/api/messages', 'get'>(res)).items.find((m) => m.purpose === 'acknowledgment');
          return ack?.status;
        },
        { timeout: 30_000 },
      )
      .toMatch(/^(sent|delivered|failed|dead)$/);
    return ack!;
  } finally {
    await admin.close();
  }
}

/** An e-mail complaint: its complainant is acknowledged in writing at registration (R-B2), here by e-mail. */
async function emailComplaint(baseURL: string | undefined): Promise<Registered & { email: string }> {
  const stamp = String(Date.now() % 100_000_000).padStart(8, '0');
  const email = `msg-${stamp}@example.com`;
  const c = await registerByAgent(baseURL, { channel: 'email', complainant: { name: '消息测试', phone: `137${stamp}`, email } });
  return { ...c, email };
}

test('an administrator reads the message log, opens a message to what was sent, and looks at the development mailbox and the failed jobs', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const errors = collectErrors(page);
  const c = await emailComplaint(baseURL);
  const ack = await settledAcknowledgment(baseURL, c.number);
  expect(ack, 'the acknowledgment of the e-mail complaint').toBeDefined();
  if (!ack) return;

  await openMessageLog(page);
  // the counts per status as a chart; at least this one message is counted
  await expect(page.getByTestId('message-counts')).toHaveAttribute('aria-label', /已发送 \d+/);
  await expect.poll(async () => Number(await page.getByTestId('message-counts').getAttribute('data-total'))).toBeGreaterThan(0);

  // filters: channel and purpose by their labels, then the complaint's number
  await page.getByTestId('message-filter-channel').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="电子邮件"]').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('message-filter-purpose').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="受理回执"]').click();
  await page.keyboard.press('Escape');
  await searchLog(page, c.number);

  const row = messageRow(page, ack.id);
  await expect(row).toContainText('电子邮件');
  await expect(row).toContainText('受理回执');
  await expect(row).toContainText('投诉人');
  await expect(row).toContainText(c.number);
  // the address only masked, as the server gives it
  await expect(row).not.toContainText(c.email);
  await expect(messageStatus(page, ack.id)).toHaveText(/^(已发送|已送达)$/);
  // only failed and dead messages are resent
  await expect(page.getByTestId(`message-resend-${ack.id}`)).toHaveCount(0);
  await expect(page.getByTestId('message-table').locator('tbody tr[data-testid^="message-row-"]')).toHaveCount(1);

  // the row opens to what was sent and the proof of it
  await row.click();
  const detail = page.getByTestId(`message-detail-${ack.id}`);
  // what the complainant was told is withheld from the administrator (complaint scope none); the proof is not
  await expect(detail.getByTestId('message-content-hidden')).toBeVisible();
  await expect(detail).toContainText('开发收件箱（未实际发出）');
  await expect(detail).toContainText(ack.idempotencyKey);
  await page.screenshot({ path: `${SHOTS}/messages-log.png`, fullPage: true });

  // the complaint number links to the complaint
  await expect(row.getByRole('link', { name: c.number })).toHaveAttribute('href', `/complaints/${c.id}`);

  // the development mailbox has the e-mail as it would have been sent
  await page.getByTestId('messages-view-mailbox').click();
  await expect(page).toHaveURL(/view=mailbox/);
  const letter = page.getByTestId('mailbox-table').locator('tbody tr', { hasText: c.number }).first();
  await expect(letter).toContainText('电子邮件');
  await letter.click();
  await expect(page.locator('[data-testid^="mailbox-body-"]', { hasText: c.number }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/messages-mailbox.png`, fullPage: true });

  // the failed jobs: a list (empty on a healthy server) with its queue filter labelled
  await page.getByTestId('messages-view-jobs').click();
  await expect(page.getByTestId('jobs-table')).toBeVisible();
  await page.getByTestId('jobs-queue').click();
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('消息发送');

  expect(errors).toEqual([]);
});

test('the complaint page shows the acknowledgment sent to the complainant with its proof of delivery', async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  const c = await emailComplaint(baseURL);
  const ack = await settledAcknowledgment(baseURL, c.number);
  expect(ack).toBeDefined();
  if (!ack) return;

  await page.goto('/login');
  await signIn(page, 'agent');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto(`/complaints/${c.id}`);
  await page.getByTestId('tab-messages').click();
  await expect(page).toHaveURL(/tab=messages/);
  const row = page.getByTestId(`complaint-message-${ack.id}`);
  await expect(row).toContainText('受理回执');
  await expect(row).toContainText('电子邮件');
  await expect(messageStatus(page, ack.id)).toHaveText(/^(已发送|已送达)$/);
  if (ack.providerId) await expect(row).toContainText(ack.providerId);
  // the agent may not manage messages: no resend anywhere
  await expect(page.locator('[data-testid^="message-resend-"]')).toHaveCount(0);
  await page.getByTestId('complaint-messages').screenshot({ path: `${SHOTS}/complaint-messages.png` });
  expect(errors).toEqual([]);
});

test('a user sets a mobile phone and SMS for approaching deadlines; a wrong number is refused on its field; the values are there after a reload', async ({
  page,
}) => {
  test.slow();
  const errors = collectErrors(page);
  await page.goto('/login');
  await signIn(page, 'supervisor');
  await expect(page.getByTestId('current-user')).toBeVisible();

  // from the user menu
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-notice-settings').click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  const settings = page.getByTestId('notice-settings');
  await expect(settings.getByTestId('notice-channels')).toBeVisible();

  // level-1 alerts always go out at once: no digest for them; in-app is always kept
  await expect(page.getByTestId('notice-level1-urgent')).toHaveText('始终立即发送');
  await expect(page.getByTestId('notice-level1-digest')).toBeDisabled();
  await expect(page.getByTestId('notice-deadline-in_app')).toBeDisabled();
  await expect(page.getByTestId('notice-deadline-in_app')).toBeChecked();

  // SMS for approaching deadlines; without a mobile number (the demo account has one: cleared) the form says one is needed
  await page.getByTestId('notice-mobile').fill('');
  const sms = page.getByTestId('notice-deadline-sms');
  await expect(sms).not.toBeChecked();
  await sms.check();
  await expect(settings).toContainText('已选择短信通知，请填写手机号码');

  // a number the server refuses: its message on the mobile field
  const mobile = page.getByTestId('notice-mobile');
  await mobile.fill('12ab');
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/me/notice-settings') && r.request().method() === 'PUT');
  await page.getByTestId('notice-save').click();
  expect((await refused).status()).toBe(400);
  const mobileItem = page.locator('.ant-form-item').filter({ has: mobile });
  await expect(mobileItem.locator('.ant-form-item-explain-error')).toBeVisible();

  // a good number and quiet hours at night; saved
  await mobile.fill('13800138000');
  await page.getByTestId('quiet-hours-on').click();
  await expect(page.getByTestId('quiet-hours-start')).toHaveValue('22:00');
  await page.getByTestId('notice-save').click();
  await expect(page.locator('.ant-message')).toContainText('通知设置已保存');
  await page.screenshot({ path: `${SHOTS}/notice-settings.png`, fullPage: true });

  // after a reload: what the server holds
  await page.reload();
  await expect(page.getByTestId('notice-mobile')).toHaveValue('13800138000');
  await expect(page.getByTestId('notice-deadline-sms')).toBeChecked();
  await expect(page.getByTestId('notice-deadline-email')).toBeChecked();
  await expect(page.getByTestId('quiet-hours-start')).toHaveValue('22:00');
  await expect(page.getByTestId('quiet-hours-end')).toHaveValue('07:00');
  // the other groups still follow the defaults
  await expect(page.getByTestId('notice-channels').locator('tr', { hasText: '流程动态' })).toContainText('默认');
  await expect(page.getByTestId('notice-channels').locator('tr', { hasText: '即将到期提醒' })).not.toContainText('默认');

  // refused on purpose: the browser's line for the 400
  expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
});

/** The SMS gateway the test server texts (e2e/sms-gateway.ts): refuse or accept a number, list what arrived. */
const gateway = `http://127.0.0.1:${process.env.E2E_SMS_PORT ?? ''}`;
async function tellGateway(body: { refuse?: string[]; accept?: string[] }): Promise<void> {
  const res = await fetch(`${gateway}/control`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

test('the message log shows an SMS the gateway refused; once the gateway takes the number, the administrator resends it (#11)', async ({
  page,
  baseURL,
}) => {
  const errors = collectErrors(page);
  const phone = `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  await tellGateway({ refuse: [phone] });
  // a letter with a phone number only: its acknowledgment goes by SMS, and the gateway refuses it (400: no retries)
  const c = await registerByAgent(baseURL, { channel: 'letter', complainant: { name: '短信测试', phone } });
  const ack = await settledAcknowledgment(baseURL, c.number);
  expect(ack).toMatchObject({ channel: 'sms', purpose: 'acknowledgment', status: 'dead' });

  await openMessageLog(page);
  await searchLog(page, c.number);
  await expect(messageStatus(page, ack!.id)).toHaveText('最终失败');
  await expect(messageRow(page, ack!.id)).toContainText('400');
  await page.screenshot({ path: `${SHOTS}/messages-failed-sms.png`, fullPage: true });

  await tellGateway({ accept: [phone] });
  await resendFromLog(page, ack!.id);
  // the job runner sends it within seconds; the log shows it sent when read again
  const admin = await apiSession(baseURL, 'admin');
  try {
    await expect
      .poll(
        async () => {
          const res = await admin.api.get(`/api/messages?q=${encodeURIComponent(c.number)}`);
          return (await answerOf<'/api/messages', 'get'>(res)).items.find((m) => m.id === ack!.id)?.status;
        },
        { timeout: 30_000 },
      )
      .toBe('sent');
  } finally {
    await admin.close();
  }
  await page.reload();
  await searchLog(page, c.number);
  await expect(messageStatus(page, ack!.id)).toHaveText('已发送');
  const received = (await (await fetch(`${gateway}/received`)).json()) as Array<{ phone: string; content: string; key: string }>;
  const mine = received.filter((r) => r.phone === phone);
  expect(mine).toHaveLength(1);
  expect(mine[0]?.content).toContain(c.number);
  expect(mine[0]?.key).toBe(ack!.idempotencyKey);
  expect(errors).toEqual([]);
});
