/**
 * Message templates edited by administrators (#11 item 5, R-H4 for what an SMS may carry): the
 * list, saving versions with every variable checked, restoring the built-in text, the preview on a
 * real complaint in the reader's scope, and the sending picking the saved version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError, type ApiErrorBody } from '../../../test/db-assertions.js';
import { localDate } from '../../domain/time/zoned.js';
import { insertTemplateVersion } from '../../db/repositories/message-template.repository.js';
import { DEVELOPMENT_CHANNELS } from '../../services/channels/channel-settings.js';
import { renderOutgoing, type OutgoingContent } from '../../services/channels/message-render.service.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';
import type {
  MessageTemplateDetailAnswer,
  MessageTemplateListAnswer,
  MessageTemplatePreviewAnswer,
  MessageTemplateVersionAnswer,
} from '../schemas/message-templates.responses.js';

let t: TestApp;
let complaint: ComplaintDetailAnswer;

const BASE = '/api/admin/message-templates';
const ACK = 'complainant.acknowledgment';
const ackBody = '您好，投诉 {{number}} 已收到，将于 {{expectedBy}} 前答复。进度：{{link}}';

const save = (code: string, payload: Record<string, unknown>, as?: string, headers: Record<string, string> = {}) =>
  t.inject({ method: 'POST', url: `${BASE}/${code}/versions`, payload, headers }, as);
const preview = (code: string, payload: Record<string, unknown>, as?: string) =>
  t.inject({ method: 'POST', url: `${BASE}/${code}/preview`, payload }, as);
const detail = async (code: string) => (await t.inject({ method: 'GET', url: `${BASE}/${code}` })).json() as MessageTemplateDetailAnswer;
const auditActions = async (action: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['actor', 'target_type', 'target_id', 'details'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  const res = await t.inject({
    method: 'POST',
    url: '/api/complaints',
    payload: complaintBody({ channel: 'letter', complainant: { name: '张三', phone: '13812345678', email: 'zhangsan@example.com' } }),
  });
  expect(res.statusCode, res.body).toBe(201);
  complaint = res.json() as ComplaintDetailAnswer;
});
afterAll(async () => t.close());

describe('GET /api/admin/message-templates', () => {
  it('lists every template with its labels, variables and the built-in text in force', async () => {
    const res = await t.inject({ method: 'GET', url: BASE });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as MessageTemplateListAnswer;
    expect(items.map((i) => i.code)).not.toContain('legacy.text');
    const ack = items.find((i) => i.code === ACK);
    expect(ack?.label).toEqual({ zh: '受理回执（告知投诉人）', en: 'Acknowledgment to the complainant' });
    expect(ack?.audience).toBe('complainant');
    expect(ack?.variables.filter((v) => v.required).map((v) => v.name)).toEqual(['number', 'expectedBy']);
    expect(ack?.locales).toEqual([
      { locale: 'zh-CN', version: null, builtIn: true, createdAt: null, createdByName: null },
      { locale: 'en-US', version: null, builtIn: true, createdAt: null, createdByName: null },
    ]);
  });

  it('only for administrators (message.manage): an agent and a supervisor get 403', async () => {
    for (const who of ['agent', 'supervisor']) {
      expect((await t.inject({ method: 'GET', url: BASE }, who)).statusCode).toBe(403);
      expect((await save(ACK, { locale: 'zh-CN', subject: '{{number}}', body: ackBody, reason: 'x' }, who)).statusCode).toBe(403);
      expect((await preview(ACK, { locale: 'zh-CN', subject: '{{number}}', body: ackBody }, who)).statusCode).toBe(403);
    }
  });
});

describe('POST /api/admin/message-templates/{code}/versions', () => {
  it('refuses an unknown variable, naming the field and the variable (400), in the request language', async () => {
    const res = await save(ACK, {
      locale: 'zh-CN',
      subject: '{{companyName}}：{{nmber}}',
      body: '投诉 {{number}} 已受理。{{phone}}',
      reason: '试',
    });
    const body = expectFieldError(res, 400, 'subject');
    expect(body.fields).toContainEqual({
      field: 'subject',
      code: 'template_unknown_variable',
      message: expect.stringContaining('{{nmber}}'),
    });
    expect(body.fields).toContainEqual({ field: 'body', code: 'template_unknown_variable', message: expect.stringContaining('{{phone}}') });
    // the acknowledgment must say by when the complainant is answered
    expect(body.fields).toContainEqual({
      field: 'body',
      code: 'template_missing_variable',
      message: expect.stringContaining('{{expectedBy}}'),
    });
    const en = await save(ACK, { locale: 'zh-CN', subject: '{{nmber}}', body: ackBody, reason: 'x' }, undefined, {
      'accept-language': 'en',
    });
    expect((en.json() as ApiErrorBody).fields[0]?.message).toBe(
      'subject: the template offers no variable {{nmber}}; pick one of the variables listed',
    );
    expect(await t.db.selectFrom('message_template_versions').selectAll().execute()).toEqual([]);
  });

  it('refuses unbalanced braces, an empty or too long text and a missing reason, each on its field', async () => {
    const res = await save(ACK, { locale: 'zh-CN', subject: '', body: `${ackBody} {{number`, reason: ' ' });
    const body = expectFieldError(res, 400, 'body');
    expect(body.fields.map((f) => [f.field, f.code])).toEqual([
      ['subject', 'required'],
      ['body', 'template_unbalanced_braces'],
      ['reason', 'reason_required'],
    ]);
    const long = await save(ACK, { locale: 'zh-CN', subject: '{{number}}', body: `${ackBody}${'长'.repeat(2000)}`, reason: 'x' });
    expect(expectFieldError(long, 400, 'body').fields[0]?.code).toBe('template_too_long');
  });

  it('saves versions one after another: the history names who, when and why; each save is audited', async () => {
    t.setNow('2026-11-25T03:00:00Z');
    const first = await save(ACK, {
      locale: 'zh-CN',
      subject: '{{companyName}}：投诉 {{number}} 已受理',
      body: ackBody,
      reason: '更亲切的措辞',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      version: 1,
      locale: 'zh-CN',
      body: ackBody,
      createdBy: 'tester',
      reason: '更亲切的措辞',
      builtIn: false,
    });
    t.setNow('2026-11-25T03:05:00Z');
    const second = await save(ACK, {
      locale: 'zh-CN',
      subject: '{{companyName}}：投诉 {{number}} 已受理',
      body: `${ackBody}\r\n谢谢。`,
      reason: '加上致谢',
    });
    expect(second.statusCode, second.body).toBe(201);
    expect((second.json() as MessageTemplateVersionAnswer).body).toBe(`${ackBody}\n谢谢。`);

    const d = await detail(ACK);
    const zh = d.locales.find((l) => l.locale === 'zh-CN');
    expect(zh?.versions.map((v) => [v.version, v.reason, v.createdByName, v.createdAt])).toEqual([
      [2, '加上致谢', '测试员 Tester', '2026-11-25T03:05:00.000Z'],
      [1, '更亲切的措辞', '测试员 Tester', '2026-11-25T03:00:00.000Z'],
    ]);
    expect(zh?.current).toEqual({ version: 2, subject: '{{companyName}}：投诉 {{number}} 已受理', body: `${ackBody}\n谢谢。` });
    // the English text is untouched
    expect(d.locales.find((l) => l.locale === 'en-US')?.current.version).toBeNull();
    const list = (await t.inject({ method: 'GET', url: BASE })).json() as MessageTemplateListAnswer;
    expect(list.items.find((i) => i.code === ACK)?.locales[0]).toMatchObject({
      version: 2,
      builtIn: false,
      createdByName: '测试员 Tester',
    });

    const audited = await auditActions('message_template.save');
    expect(audited.map((a) => [a.actor, a.target_type, a.target_id])).toEqual([
      ['tester', 'message_template', `${ACK}/zh-CN/v1`],
      ['tester', 'message_template', `${ACK}/zh-CN/v2`],
    ]);
    expect(audited[1]?.details).toMatchObject({ version: 2, previous: 1, reason: '加上致谢' });
  });

  it('the same text again is nothing to change', async () => {
    const res = await save(ACK, {
      locale: 'zh-CN',
      subject: '{{companyName}}：投诉 {{number}} 已受理',
      body: `${ackBody}\n谢谢。`,
      reason: '再存',
    });
    expect(expectFieldError(res, 400, 'body').code).toBe('nothing_to_change');
  });

  it('restoring the built-in text is a new version marked restored; the history stays', async () => {
    const res = await save(ACK, { locale: 'zh-CN', restore: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 3, restored: true, builtIn: true, reason: null });
    const zh = (await detail(ACK)).locales.find((l) => l.locale === 'zh-CN');
    expect(zh?.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(zh?.current).toEqual({ version: 3, ...zh?.builtInText });
    expect(await auditActions('message_template.restore')).toHaveLength(1);
    // restoring again: the built-in text is already in force
    expect(expectFieldError(await save(ACK, { locale: 'zh-CN', restore: true }), 400, 'restore').code).toBe('nothing_to_change');
  });
});

describe('POST /api/admin/message-templates/{code}/preview', () => {
  const regulatoryDate = () => localDate(new Date(complaint.clocks.find((k) => k.kind === 'regulatory')?.dueAt ?? ''), 'Asia/Shanghai');

  it('renders a draft on a real complaint: its number and the date the regulatory clock gives, nothing of the complainant', async () => {
    const res = await preview(ACK, {
      locale: 'zh-CN',
      subject: '{{companyName}}：{{number}} 回执',
      body: '投诉 {{number}} 预计 {{expectedBy}} 前答复：{{link}}',
      complaintNumber: complaint.number,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as MessageTemplatePreviewAnswer;
    expect(p.complaintNumber).toBe(complaint.number);
    expect(p.subject).toBe(`示例保险证券股份有限公司：${complaint.number} 回执`);
    const link = `http://localhost:3000/portal?number=${complaint.number}#track`;
    expect(p.email).toBe(`投诉 ${complaint.number} 预计 ${regulatoryDate()} 前答复：${link}`);
    expect(p.sms.text).toBe(`【示例保险证券】${p.email}`);
    expect(p.sms).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    for (const personal of ['张三', '13812345678', 'zhangsan']) expect(res.body).not.toContain(personal);
    // a read of the complaint: in the audit log
    const reads = await auditActions('message_template.preview');
    expect(reads.at(-1)).toMatchObject({ actor: 'tester', target_type: 'complaint', target_id: complaint.id });
  });

  it('without a number: the newest complaint the reader may open; staff e-mails end with the link to it', async () => {
    const res = await preview('complaint.level1_registered', {
      locale: 'en-US',
      subject: '{{number}} L1',
      body: '{{number}} registered by {{by}}',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as MessageTemplatePreviewAnswer;
    expect(p.complaintNumber).toBe(complaint.number);
    expect(p.email).toBe(`${complaint.number} registered by tester\n\nhttp://localhost:3000/complaints/${complaint.id}`);
    expect(p.sms.text).toBe(`【示例保险证券】${complaint.number} registered by tester`);
  });

  it('the template manager previews on any complaint, whatever their complaint scope; an unknown number is a 404 on complaintNumber', async () => {
    // the demo administrator reads no complaints (scope none), yet previews on a real one: only the template's variables show
    const real = await preview(
      ACK,
      { locale: 'zh-CN', subject: '{{number}}', body: '{{number}} {{expectedBy}}', complaintNumber: complaint.number },
      'admin',
    );
    expect(real.statusCode, real.body).toBe(200);
    const r = real.json() as MessageTemplatePreviewAnswer;
    expect(r.complaintNumber).toBe(complaint.number);
    expect(real.body).not.toMatch(/13812345678|zhangsan@example|张三/);
    const unknown = await preview(
      ACK,
      { locale: 'zh-CN', subject: '{{number}}', body: '{{number}} {{expectedBy}}', complaintNumber: 'TS209901010001' },
      'admin',
    );
    expect(expectFieldError(unknown, 404, 'complaintNumber').code).toBe('complaint_not_found');
  });

  it('an invalid draft answers the field issues saving would', async () => {
    const res = await preview(ACK, { locale: 'zh-CN', subject: '{{number}}', body: '{{number}} {{bogus}}' });
    const body = expectFieldError(res, 400, 'body');
    expect(body.fields.map((f) => f.code)).toEqual(['template_unknown_variable', 'template_missing_variable']);
  });
});

describe('renderOutgoing uses the version in force', () => {
  const message = (over: Partial<OutgoingContent> = {}): OutgoingContent => ({
    template: 'complainant.feedback',
    params: { number: complaint.number, content: '已按维修费用赔付', link: 'http://x/portal', companyName: 'C' },
    locale: 'zh-CN',
    complaintId: complaint.id,
    channel: 'sms',
    recipientKind: 'complainant',
    ...over,
  });

  it('the built-in text until a version is saved, then the saved one; e-mail subject from the subject', async () => {
    expect((await renderOutgoing(t.db, DEVELOPMENT_CHANNELS, message())).text).toBe(
      `关于投诉 ${complaint.number} 的处理结果：已按维修费用赔付`,
    );
    const res = await save('complainant.feedback', {
      locale: 'zh-CN',
      subject: '{{companyName}} 投诉 {{number}} 处理结果',
      body: '尊敬的客户，投诉 {{number}} 的处理结果：{{content}}',
      reason: '统一称呼',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await renderOutgoing(t.db, DEVELOPMENT_CHANNELS, message())).toEqual({
      subject: `示例保险证券股份有限公司 投诉 ${complaint.number} 处理结果`,
      text: `尊敬的客户，投诉 ${complaint.number} 的处理结果：已按维修费用赔付`,
    });
    // the other language keeps its built-in text
    expect((await renderOutgoing(t.db, DEVELOPMENT_CHANNELS, message({ locale: 'en-US' }))).text).toBe(
      `The result of complaint ${complaint.number}: 已按维修费用赔付`,
    );
  });

  it('a stored version that no longer checks out is passed over for the built-in text, never a throw', async () => {
    await insertTemplateVersion(t.db, {
      template: 'complainant.feedback',
      locale: 'zh-CN',
      version: 99,
      subject: '{{number}}',
      body: '{{number}} {{removedVariable}} {{content}}',
      createdAt: new Date('2026-11-25T04:00:00Z'),
      createdBy: 'tester',
      reason: 'written before a variable was removed',
    });
    const rendered = await renderOutgoing(t.db, DEVELOPMENT_CHANNELS, message({ channel: 'email' }));
    expect(rendered).toEqual({
      subject: `示例保险证券股份有限公司：关于投诉 ${complaint.number} 的处理结果`,
      text: `关于投诉 ${complaint.number} 的处理结果：已按维修费用赔付`,
    });
  });
});
