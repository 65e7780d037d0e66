/**
 * The complaint page (issue #5 item 5) against the real server: a level-1 case through the
 * leadership meeting and its plan, a level-3 case solved on the spot with feedback, survey and
 * closing, and what a user without a permission does (not) see, with a server field error shown on
 * its field. Complaints are registered through the API inside each test; everything else goes
 * through the buttons and forms.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { collectErrors, openAction, registerByAgent as register, signIn, type Registered } from './support.js';

const SHOTS = 'docs/screenshots';

/** A page signed in as `username` in its own browser context (its own cookies), collecting console errors. */
async function as(browser: Browser, baseURL: string | undefined, username: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, username);
  await expect(page).not.toHaveURL(/\/login/);
  return { page, errors };
}

async function open(page: Page, c: Registered): Promise<void> {
  await page.goto(`/complaints/${c.id}`);
  await expect(page.getByTestId('complaint-number')).toHaveText(c.number);
}

/** Submits the open drawer and waits for it to close (success). */
async function submit(page: Page, drawer: Locator): Promise<void> {
  await drawer.getByTestId('action-submit').click();
  await expect(drawer).toBeHidden();
}

/** The form item (label, control, errors) of a labelled field in the drawer. */
const item = (drawer: Locator, label: string) =>
  drawer
    .locator('.ant-form-item')
    .filter({ has: drawer.page().locator('label', { hasText: new RegExp(`^${label}$`) }) })
    .first();

/** Picks a radio button (antd button-style radios) by its exact text. */
async function choose(drawer: Locator, text: string): Promise<void> {
  await drawer.locator('.ant-radio-button-wrapper', { hasText: new RegExp(`^${text}$`) }).click();
}

/** Screenshots without the transient "done" messages. */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/${name}`, fullPage });
}

/** A datetime-local value `hours` from now in Shanghai. */
function shanghaiLocal(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 16);
}

test('a level-1 case through assignment, the leadership meeting with its plan and a completed milestone', async ({ browser, baseURL }) => {
  // several pages and forms: a busy two-core machine needs more than the default minute
  test.slow();
  const c = await register(baseURL, { amount: '250000', description: '重大车损理赔被拒，涉及金额25万元' });
  expect(c.level).toBe(1);

  // the supervisor assigns and escalates to the leadership group
  const sup = await as(browser, baseURL, 'supervisor');
  await open(sup.page, c);
  await expect(sup.page.getByTestId('complaint-level')).toHaveText('一级');
  await expect(sup.page.getByTestId('deadline-policy')).toContainText('制度期限');
  await expect(sup.page.getByTestId('deadline-regulatory')).toContainText('监管期限');
  await expect(sup.page.getByTestId('deadline-regulatory-countdown')).toContainText(/剩余 \d+天/);
  // the clocks count down live
  const before = await sup.page.getByTestId('deadline-policy-countdown').textContent();
  await expect(sup.page.getByTestId('deadline-policy-countdown')).not.toHaveText(before ?? '', { timeout: 3000 });
  await expect(sup.page.locator('[data-stricter="true"]')).toHaveCount(1);

  let drawer = await openAction(sup.page, 'assign');
  await item(drawer, '承办人').locator('input').fill('handler');
  await item(drawer, '跟踪人').locator('input').fill('supervisor');
  await submit(sup.page, drawer);
  await expect(sup.page.getByTestId('complaint-assignee')).toContainText('(handler)');
  await expect(sup.page.getByTestId('complaint-tracker')).toContainText('(supervisor)');
  await expect(sup.page.getByTestId('complaint-status')).toHaveText('已分派');
  await expect(sup.page.getByTestId('timeline').locator('[data-event="assign"]')).toContainText('承办人：handler');

  drawer = await openAction(sup.page, 'escalate');
  await expect(drawer.getByRole('radio', { name: '投诉处理领导小组' })).toBeChecked();
  await submit(sup.page, drawer);
  await expect(sup.page.getByTestId('timeline').locator('[data-event="escalate"]')).toContainText('上报至投诉处理领导小组');
  // only the leadership group records the meeting
  await expect(sup.page.getByTestId('actions')).not.toHaveAttribute('data-offered', /(^|,)record_meeting(,|$)/);

  // a leader records the meeting with its plan
  const leader = await as(browser, baseURL, 'leader');
  await open(leader.page, c);
  drawer = await openAction(leader.page, 'record_meeting');
  const attendees = item(drawer, '参会人员').locator('input');
  await attendees.fill('投诉处理领导小组组长');
  await attendees.press('Enter');
  await attendees.fill('理赔部负责人');
  await attendees.press('Enter');
  await item(drawer, '会议决定').locator('textarea').fill('先行赔付无争议部分，重新定损');
  const owners = item(drawer, '责任人').locator('input');
  await owners.fill('handler');
  await owners.press('Enter');
  const row = drawer.getByTestId('milestone-row-0');
  await row.getByLabel('节点内容').fill('先行赔付无争议部分');
  await row.getByLabel('负责人').fill('handler');
  await row.getByLabel('完成期限').fill(shanghaiLocal(48));
  await drawer.getByRole('button', { name: '添加节点' }).click();
  const row2 = drawer.getByTestId('milestone-row-1');
  await row2.getByLabel('节点内容').fill('重新定损并答复客户');
  await row2.getByLabel('负责人').fill('supervisor');
  await row2.getByLabel('完成期限').fill(shanghaiLocal(96));
  await submit(leader.page, drawer);
  await expect(leader.page.getByTestId('timeline').locator('[data-event="record_meeting"]')).toContainText('节点：先行赔付无争议部分');

  await leader.page.getByTestId('tab-plan').click();
  await expect(leader.page).toHaveURL(/tab=plan/);
  await expect(leader.page.getByTestId('meetings')).toContainText('先行赔付无争议部分，重新定损');
  await expect(leader.page.getByTestId('meetings')).toContainText('理赔部负责人');
  const milestones = leader.page.getByTestId('plan-milestones');
  await expect(milestones.locator('tr', { hasText: '先行赔付无争议部分' }).getByTestId('milestone-status')).toHaveText('进行中');

  // the supervisor completes the first milestone
  await sup.page.reload();
  await expect(sup.page.getByTestId('complaint-number')).toHaveText(c.number);
  drawer = await openAction(sup.page, 'complete_milestone');
  await expect(item(drawer, '节点')).toContainText('先行赔付无争议部分');
  await item(drawer, '备注').locator('textarea').fill('已支付无争议部分 8 万元');
  await submit(sup.page, drawer);
  await expect(sup.page.getByTestId('timeline').locator('[data-event="complete_milestone"]')).toContainText('先行赔付无争议部分');

  await leader.page.reload();
  await expect(milestones.locator('tr', { hasText: '先行赔付无争议部分' }).getByTestId('milestone-status')).toHaveText('已完成');
  await expect(milestones.locator('tr', { hasText: '先行赔付无争议部分' })).toContainText('已支付无争议部分 8 万元');
  await expect(milestones.locator('tr', { hasText: '重新定损并答复客户' }).getByTestId('milestone-status')).toHaveText('进行中');
  await expect(leader.page.getByTestId('timeline')).toContainText('分派');
  await shot(leader.page, 'complaint-plan.png', true);

  expect(sup.errors).toEqual([]);
  expect(leader.errors).toEqual([]);
});

test('an agent registers a hotline complaint and solves it on the spot (level 3): feedback, satisfied survey, closed; personal data unmasked with a reason', async ({
  browser,
  baseURL,
}) => {
  const { page, errors } = await as(browser, baseURL, 'agent');
  await expect(page.getByTestId('workbench')).toBeVisible();
  // registered through the hotline form, from the keyboard
  await page.getByTestId('workbench-new').click();
  await expect(page.getByTestId('intake-phone')).toBeFocused();
  await page.keyboard.type(`139${String(Date.now()).slice(-8)}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type('周九');
  await page.getByTestId('intake-business-line').click();
  await page.keyboard.type('人寿');
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-category').click();
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-description').fill('保单寄送地址有误，要求更正');
  await page.getByTestId('intake-amount').fill('300');
  await expect(page.getByTestId('proposed-level')).toHaveText('三级');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-result')).toBeVisible();
  const number = ((await page.getByTestId('result-number').textContent()) ?? '').trim();
  await page.getByTestId('result-open').click();
  await expect(page.getByTestId('complaint-number')).toHaveText(number);
  await expect(page.getByTestId('complaint-level')).toHaveText('三级');
  await expect(page.getByTestId('complaint-status')).toHaveText('受理登记');

  // unmask with a reason: the full phone number, once
  await expect(page.getByTestId('masked')).toBeVisible();
  await page.getByTestId('unmask').click();
  const modal = page.locator('.ant-modal-content');
  await modal.getByLabel('查看理由').fill('回拨客户核实地址');
  await modal.getByRole('button', { name: '查看', exact: true }).click();
  await expect(page.getByTestId('unmasked')).toBeVisible();
  await expect(page.getByTestId('complainant')).toContainText(/139\d{8}/);
  await expect(page.getByTestId('timeline').locator('[data-event="personal_data_viewed"]')).toContainText('回拨客户核实地址');

  let drawer = await openAction(page, 'send_feedback');
  await expect(item(drawer, '当场解决').locator('input[type=checkbox]')).toBeChecked();
  await item(drawer, '反馈内容').locator('textarea').fill('已当场更正保单寄送地址，并告知客户新保单三日内寄出。');
  await item(drawer, '反馈凭证').locator('input').fill('REC-20261125-001');
  await submit(page, drawer);
  await expect(page.getByTestId('complaint-status')).toHaveText('已反馈');

  drawer = await openAction(page, 'record_survey');
  await choose(drawer, '满意');
  await choose(drawer, '5 分');
  await item(drawer, '客户意见').locator('textarea').fill('处理及时');
  await submit(page, drawer);

  // a complaint is closed at a confirmed level: the agent confirms the proposed level 3
  drawer = await openAction(page, 'grade');
  await submit(page, drawer);
  drawer = await openAction(page, 'close');
  await choose(drawer, '投诉成立');
  await item(drawer, '办结摘要').locator('textarea').fill('地址已更正，客户满意。');
  await submit(page, drawer);
  await expect(page.getByTestId('complaint-status')).toHaveText('已办结');
  await expect(page.getByTestId('actions')).not.toHaveAttribute('data-offered', /(^|,)close(,|$)/);

  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('[data-event="send_feedback"]')).toContainText('当场解决');
  await expect(timeline.locator('[data-event="record_survey"]')).toContainText('满意');
  await expect(timeline.locator('[data-event="close"]')).toContainText('投诉成立');

  await page.getByTestId('tab-feedback').click();
  await expect(page.getByTestId('feedback-list')).toContainText('已当场更正保单寄送地址');
  await expect(page.getByTestId('feedback-list')).toContainText('REC-20261125-001');
  await expect(page.getByTestId('survey-list')).toContainText('满意');
  await expect(page.getByTestId('closing')).toContainText('地址已更正，客户满意。');

  // after a reload the data is masked again: the clear values were shown once
  await page.reload();
  await page.getByTestId('tab-details').click();
  await expect(page.getByTestId('masked')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a user without the permission sees no such action; a form shows the server field error on its field; evidence upload', async ({
  browser,
  baseURL,
}) => {
  // several pages and forms: a busy two-core machine needs more than the default minute
  test.slow();
  const c = await register(baseURL, { amount: '2000', description: '理赔进度查询无人回复' });

  const agent = await as(browser, baseURL, 'agent');
  await open(agent.page, c);
  const agentActions = agent.page.getByTestId('actions');
  await expect(agentActions.locator('button[data-action="assign"]')).toBeVisible();
  await expect(agentActions).toHaveAttribute('data-offered', /(^|,)withdraw(,|$)/);

  // the auditor reads the same complaint, masked, and may do nothing with it
  const auditor = await as(browser, baseURL, 'auditor');
  await open(auditor.page, c);
  await expect(auditor.page.getByTestId('actions')).toContainText('当前没有可执行的操作');
  await expect(auditor.page.getByTestId('actions').locator('button')).toHaveCount(0);
  await expect(auditor.page.getByTestId('masked')).toBeVisible();
  await expect(auditor.page.getByTestId('unmask')).toHaveCount(0);
  await expect(auditor.page.getByTestId('timeline')).toContainText('受理登记');

  // an unknown user: the server's message sits under the assignee field
  let drawer = await openAction(agent.page, 'assign');
  await item(drawer, '承办人').locator('input').fill('nobody');
  await drawer.getByTestId('action-submit').click();
  await expect(item(drawer, '承办人').locator('.ant-form-item-explain-error')).toHaveText('用户不存在或已停用：nobody');
  await expect(drawer.getByTestId('action-error')).toContainText('请按提示修改标出的内容');
  await expect(item(drawer, '跟踪人').locator('.ant-form-item-explain-error')).toHaveCount(0);
  await agent.page.screenshot({ path: `${SHOTS}/complaint-form-error.png` });
  // fixed, it goes through
  await item(drawer, '承办人').locator('input').fill('agent');
  await submit(agent.page, drawer);
  await expect(agent.page.getByTestId('complaint-assignee')).toContainText('(agent)');

  // investigation with an evidence file
  drawer = await openAction(agent.page, 'start_investigation');
  await item(drawer, '调查计划').locator('textarea').fill('调取理赔系统处理记录');
  await submit(agent.page, drawer);
  await expect(agent.page.getByTestId('complaint-status')).toHaveText('调查中');
  drawer = await openAction(agent.page, 'add_evidence');
  await item(drawer, '证据说明').locator('textarea').fill('理赔系统操作日志');
  await drawer
    .getByTestId('evidence-file')
    .setInputFiles({ name: '操作日志.txt', mimeType: 'text/plain', buffer: Buffer.from('2026-11-20 立案\n2026-11-22 待补材料\n', 'utf8') });
  await expect(drawer.getByTestId('chosen-file')).toContainText('操作日志.txt');
  await submit(agent.page, drawer);
  await agent.page.getByTestId('tab-investigation').click();
  const evidence = agent.page.getByTestId('evidence-list');
  await expect(evidence).toContainText('操作日志.txt');
  await expect(evidence).toContainText('理赔系统操作日志');
  const href = await evidence.getByTestId('evidence-download').getAttribute('href');
  const file = await agent.page.request.get(href ?? '');
  expect(file.status()).toBe(200);
  expect(await file.text()).toContain('待补材料');

  // the header and tabs at 1280x800, then on a tablet (1024 wide) without sideways scrolling
  await agent.page.getByTestId('tab-details').click();
  await shot(agent.page, 'complaint-header.png');
  await agent.page.setViewportSize({ width: 1024, height: 768 });
  await expect(agent.page.getByTestId('deadline-regulatory')).toBeVisible();
  expect(await agent.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await shot(agent.page, 'complaint-tablet.png');

  // the browser logs the deliberately refused assignment (400) as a failed resource; nothing else
  expect(agent.errors.filter((e) => !e.includes('status of 400 (Bad Request)'))).toEqual([]);
  expect(agent.errors.length).toBeLessThanOrEqual(1);
  expect(auditor.errors).toEqual([]);
});

test('every action offered opens its form; analysis and compensation through approval and payment', async ({ browser, baseURL }) => {
  // every offered form opened (most from the grouped menu), then three people's steps: it took over
  // three minutes on the busy two-core machine
  test.setTimeout(300_000);
  const c = await register(baseURL, { amount: '6000', description: '理赔少付维修费' }, [
    ['start-investigation', { plan: '调取定损单' }],
    ['record-findings', { findings: '定损漏项两处', conclusion: 'partly_upheld' }],
  ]);
  const { page, errors } = await as(browser, baseURL, 'supervisor');
  await open(page, c);
  await expect(page.getByTestId('complaint-status')).toHaveText('处理中');
  const offered = ((await page.getByTestId('actions').getAttribute('data-offered')) ?? '').split(',');
  expect(offered).toEqual(
    expect.arrayContaining(['record_analysis', 'propose_compensation', 'record_settlement', 'create_improvement_action', 'send_feedback']),
  );
  for (const name of offered.filter((a) => a !== 'unmask')) {
    const drawer = await openAction(page, name);
    await expect(drawer.locator('.ant-form-item').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  }

  let drawer = await openAction(page, 'record_analysis');
  const causes = item(drawer, '根本原因').locator('input');
  await causes.click(); // a multiple select's search takes text once focused
  await causes.fill('业务流程');
  await causes.press('Enter');
  // moving on closes the list
  await item(drawer, '应对策略').locator('textarea').fill('补足漏项维修费，优化定损复核');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await choose(item(drawer, '业务影响'), '低');
  await choose(item(drawer, '声誉影响'), '中');
  await choose(item(drawer, '财务影响'), '低');
  await submit(page, drawer);
  await page.getByTestId('tab-analysis').click();
  await expect(page.getByTestId('analysis')).toContainText('业务流程与规则');
  await expect(page.getByTestId('analysis')).toContainText('补足漏项维修费');

  drawer = await openAction(page, 'propose_compensation');
  await item(drawer, '赔偿金额').locator('input').fill('800');
  await item(drawer, '赔偿依据').locator('textarea').fill('漏项维修费');
  await submit(page, drawer);
  // four eyes (policy handling.fourEyes): the proposer does not decide; the leader does
  await expect(page.getByTestId('actions')).not.toHaveAttribute('data-offered', /(^|,)decide_compensation(,|$)/);
  const lead = await as(browser, baseURL, 'leader');
  await open(lead.page, c);
  drawer = await openAction(lead.page, 'decide_compensation');
  await expect(item(drawer, '赔偿方案')).toContainText('¥800.00');
  await choose(drawer, '同意');
  await submit(lead.page, drawer);
  expect(lead.errors).toEqual([]);
  await page.reload();
  drawer = await openAction(page, 'record_payment');
  await item(drawer, '支付凭证号').locator('input').fill('TX-20261125-9');
  await submit(page, drawer);
  await page.getByTestId('tab-resolution').click();
  const compensations = page.getByTestId('compensations');
  await expect(compensations).toContainText('¥800.00');
  await expect(compensations).toContainText('已批准');
  await expect(compensations).toContainText('已支付');
  await expect(compensations).toContainText('TX-20261125-9');

  // the same page in English
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('tab-resolution')).toContainText('Resolution & compensation');
  await expect(compensations).toContainText('Paid');
  await expect(page.getByTestId('timeline').locator('[data-event="record_payment"]')).toContainText('Pending → Paid');
  expect(errors).toEqual([]);
});

test('an improvement action is marked done by its owner and verified by a supervisor (R-D3)', async ({ browser, baseURL }) => {
  const c = await register(baseURL, { amount: '800', description: '理赔材料清单与实际要求不一致' }, [
    ['start-investigation', { plan: '核对材料清单' }],
    ['record-findings', { findings: '材料清单未随政策更新', conclusion: 'upheld' }],
    ['create-improvement-action', { title: '更新理赔材料清单', owner: 'agent', causeCodes: ['business_process'] }],
  ]);

  const agent = await as(browser, baseURL, 'agent');
  await open(agent.page, c);
  await agent.page.getByTestId('tab-improvements').click();
  const row = agent.page.getByTestId('improvements').locator('tr.ant-table-row', { hasText: '更新理赔材料清单' });
  await expect(row.getByTestId('improvement-verify')).toHaveCount(0);
  await row.getByTestId('improvement-done').click();
  await agent.page.getByTestId('improvement-note').fill('清单已按新政策更新并发布');
  await agent.page
    .locator('.ant-modal-footer')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(row).toContainText('已完成');
  await expect(row.getByTestId('improvement-done')).toHaveCount(0);

  const supervisor = await as(browser, baseURL, 'supervisor');
  await open(supervisor.page, c);
  await supervisor.page.getByTestId('tab-improvements').click();
  const seen = supervisor.page.getByTestId('improvements').locator('tr.ant-table-row', { hasText: '更新理赔材料清单' });
  await seen.getByTestId('improvement-verify').click();
  await supervisor.page.getByTestId('improvement-note').fill('抽查 5 件，均按新清单受理');
  await supervisor.page
    .locator('.ant-modal-footer')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(seen).toContainText('已验证');
  expect(agent.errors).toEqual([]);
  expect(supervisor.errors).toEqual([]);
});
