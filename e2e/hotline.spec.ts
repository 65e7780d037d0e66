import { expect, request, test } from '@playwright/test';
import { signHotlineEvent } from '../src/domain/hotline/hotline-signature.js';
import { apiSession, collectErrors, HOTLINE_WEBHOOK_SECRET, registerComplaint, signIn } from './support.js';

const SHOTS = 'docs/screenshots';

/** The telephony system: posts a call event signed with the server's secret over its raw body. */
async function callEvent(
  baseURL: string | undefined,
  event: Record<string, unknown>,
  secret = HOTLINE_WEBHOOK_SECRET,
): Promise<{ status: number; text: string }> {
  const api = await request.newContext({ baseURL });
  try {
    const body = JSON.stringify(event);
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await api.post('/api/hotline/events', {
      data: body,
      headers: {
        'content-type': 'application/json',
        'x-hotline-timestamp': String(timestamp),
        'x-hotline-signature': signHotlineEvent(secret, timestamp, body),
      },
    });
    return { status: res.status(), text: await res.text() };
  } finally {
    await api.dispose();
  }
}

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

test("a signed call reaches the agent's workbench with the caller's earlier complaints; the agent completes the draft into a hotline complaint (#12 item 3)", async ({
  page,
  baseURL,
}) => {
  // the whole way from the call to the complaint, with one 10-second refresh of the workbench
  test.slow();
  const errors = collectErrors(page);
  const phone = `137${String(Date.now()).slice(-8)}`;
  const agent = await apiSession(baseURL, 'agent');
  const earlier = await registerComplaint(agent, { description: '上月车险理赔被拒', complainant: { name: '孙八', phone } });
  await agent.close();

  // refused: a wrong secret; accepted: the telephony system's call.started
  const callId = `CALL-E2E-${Date.now()}`;
  const started = { event: 'call.started', callId, caller: phone, callee: '95500', agent: 'agent', startedAt: new Date().toISOString() };
  const forged = await callEvent(baseURL, started, 'not-the-secret-0123456789');
  expect(forged.status).toBe(401);
  const ok = await callEvent(baseURL, started);
  expect(ok.status, ok.text).toBe(200);

  await page.goto('/login');
  await signIn(page, 'agent');
  const panel = page.getByTestId('incoming-calls');
  const call = panel.locator(`[data-call-id="${callId}"]`);
  // the workbench's first load (the server seeds and serves the other tests' data on a busy machine)
  await expect(call).toBeVisible({ timeout: 30_000 });
  await expect(call.getByTestId('call-caller')).toHaveText(masked(phone));
  await expect(call).toContainText('通话中');
  await expect(call).toContainText('我的来电');
  await expect(call.getByTestId('call-earlier')).toContainText(earlier.number);

  // the call ends; the recording appears on the next refresh (every 10 s)
  const ended = await callEvent(baseURL, {
    ...started,
    event: 'call.ended',
    endedAt: new Date(Date.now() + 1000).toISOString(),
    recordingUrl: `https://recordings.example.com/${callId}.mp3`,
  });
  expect(ended.status, ended.text).toBe(200);
  await expect(call).toContainText('已挂断', { timeout: 25_000 });
  await expect(call.getByRole('link', { name: /录音/ })).toHaveAttribute('href', `https://recordings.example.com/${callId}.mp3`);
  await page.screenshot({ path: `${SHOTS}/hotline-incoming-calls.png` });

  // 登记投诉: the intake form prefilled from the call's draft
  await call.getByTestId('call-register').click();
  await expect(page).toHaveURL(/\/complaints\/new\?call=/);
  await expect(page.getByTestId('call-draft')).toContainText(callId);
  await expect(page.getByTestId('intake-phone')).toHaveValue(phone);
  await expect(page.getByLabel('通话编号/录音')).toHaveValue(callId);
  await expect(page.getByTestId('history')).toContainText(earlier.number);
  await page.getByTestId('intake-name').fill('孙八');
  await page.getByTestId('intake-business-line').click();
  await page.keyboard.type('财产');
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-category').click();
  await page.keyboard.type('理赔');
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-description').fill('来电反映：车险理赔再次被拒，要求说明拒赔依据');
  await expect(page.getByTestId('proposed-level')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/hotline-draft.png`, fullPage: true });
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-result')).toBeVisible();
  const number = (await page.getByTestId('result-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^TS\d{12}$/);

  // the complaint: channel hotline, the call id as call reference, the recording
  await page.getByTestId('result-open').click();
  await expect(page.getByTestId('complaint-number')).toHaveText(number);
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: /^渠道/ })).toContainText('客服热线');
  await expect(page.getByTestId('call-reference')).toContainText(callId);
  await expect(page.getByTestId('call-recording')).toHaveAttribute('href', `https://recordings.example.com/${callId}.mp3`);
  await page.getByTestId('call-reference').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/hotline-complaint.png` });

  // the call has left the incoming list
  await page.goto('/');
  await expect(panel).toBeVisible();
  await expect(panel.locator(`[data-call-id="${callId}"]`)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a call that is not a complaint is dismissed from the workbench with a reason (#12 item 3)', async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  const phone = `136${String(Date.now()).slice(-8)}`;
  const callId = `CALL-E2E-Q-${Date.now()}`;
  const res = await callEvent(baseURL, {
    event: 'call.started',
    callId,
    caller: phone,
    agent: 'agent',
    startedAt: new Date().toISOString(),
  });
  expect(res.status, res.text).toBe(200);

  await page.goto('/login');
  await signIn(page, 'agent');
  const call = page.getByTestId('incoming-calls').locator(`[data-call-id="${callId}"]`);
  await expect(call).toBeVisible({ timeout: 30_000 });
  await expect(call).toContainText('无历史投诉');
  await call.getByTestId('call-dismiss').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(masked(phone));
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toBeVisible();
  await page.getByTestId('call-dismiss-reason').fill('咨询保单退保流程，已当场解答');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(call).toHaveCount(0);
  expect(errors).toEqual([]);
});
