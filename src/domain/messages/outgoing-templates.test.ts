import { describe, expect, it } from 'vitest';
import { renderMessage, TEMPLATE_CODES, type Locale, type TemplateParams } from './message-templates.js';
import {
  defaultTemplate,
  EDITABLE_TEMPLATE_CODES,
  fillTemplate,
  renderTemplate,
  requiredVariables,
  scanTemplate,
  TemplateError,
  templateValues,
  templateVariables,
  validateTemplate,
  VARIABLES,
  type EditableTemplateCode,
} from './outgoing-templates.js';

const NUMBER = 'TS202611250001';
const clock = { number: NUMBER, clockId: 'c1', clockKind: 'l1_to_leadership', label: null, dueAt: '2026-11-25T02:30:00.000Z' };
const improvement = { number: NUMBER, improvementActionId: 'a1', title: '柜面告知流程', by: 'supervisor' };
const TRACK = `http://localhost:3000/portal?number=${NUMBER}#track`;

/** One message per editable template (tsc fails when one is missing). */
type Samples = { [K in EditableTemplateCode]: TemplateParams[K] };
const SAMPLES: Samples = {
  'complaint.action': { number: NUMBER, action: 'assign', by: 'agent' },
  'complaint.level1_registered': { number: NUMBER, by: 'agent' },
  'complaint.level1_regraded': { number: NUMBER, by: 'supervisor' },
  'complaint.arrived': { number: NUMBER, channel: 'email' },
  'complaint.handling_complaint': { number: NUMBER, original: 'TS202611240001' },
  'complaint.review_requested': { number: NUMBER, round: 3 },
  'complaint.customer_wrote': { number: NUMBER, channel: 'email' },
  'clock.warning': { ...clock, warning: 1 },
  'clock.breached': { ...clock, label: '第一次', step: 0 },
  'clock.stalled': { ...clock, clockKind: 'progress_report', step: 0 },
  'clock.escalated': { ...clock, step: 2 },
  'rectification.notice': {
    event: 'breached',
    requestId: 'r1',
    text: 'Complete the follow-up records',
    dueAt: '2026-11-25T02:30:00.000Z',
    link: '/supervision/my',
  },
  'improvement.done': improvement,
  'improvement.verified': improvement,
  'improvement.reopened': improvement,
  'improvement.updated': improvement,
  'major.marked': { number: NUMBER, by: 'leader', rules: ['major_joint_complainants'], reason: null },
  'major.unmarked': { number: NUMBER, by: 'leader', reason: '经核实不属于重大投诉' },
  'major.assigned': { number: NUMBER, title: '安抚客户', dueAt: '2026-11-25T02:30:00.000Z', by: 'leader' },
  'calendar.unconfirmed': { year: 2027, link: '/admin/calendar?year=2027&import=1' },
  'security.sign_in_attack': {
    target: 'account',
    username: 'admin',
    address: null,
    failures: 20,
    windowMinutes: 15,
    windowStart: '2026-11-25T01:45:00.000Z',
  },
  'complainant.acknowledgment': { number: NUMBER, expectedBy: '2026-12-10', link: TRACK, companyName: '示例保险' },
  'complainant.feedback': { number: NUMBER, content: '按实际维修费用赔付', link: TRACK, companyName: '示例保险' },
  'complainant.reply': {
    number: NUMBER,
    subject: '补充材料',
    text: '来信已收到，请补充保单复印件。',
    link: TRACK,
    companyName: '示例保险',
  },
  'complainant.final_notice': { number: NUMBER, sector: 'securities', hotline: '12386', companyName: '示例保险' },
  'complainant.code': { code: '386514', minutes: 10 },
  'message.failed': { number: NUMBER, purpose: 'acknowledgment', channel: 'sms' },
  'mail.quarantined': { mailboxName: '投诉邮箱', subject: '理赔', reason: 'no_sender', link: '/admin/inbound-mail' },
  'mail.mailbox_stalled': { mailboxName: '投诉邮箱', stallMinutes: 30, lastError: 'connect ECONNREFUSED', link: '/admin/mailboxes' },
  'report.ready': { title: '2026年10月投诉管理月度报告', version: 1, automatic: true, link: '/reports/x' },
  'spike.raised': {
    subject: 'branch',
    nameZh: '上海分公司',
    nameEn: 'Shanghai branch',
    count: 12,
    baselineMean: 3.25,
    baselineWeeks: 8,
    from: '2026-11-18',
    to: '2026-11-24',
    link: '/statistics',
  },
  'training.reminder': {
    planTitle: '入职培训',
    sessionTitle: '投诉处理流程',
    when: '2026-11-26 09:30',
    place: '培训室',
    link: '/training/my',
  },
  'staff.digest': { count: 2, date: '2026-11-25', lines: [`${NUMBER} 分派`, `${NUMBER} 已超时`] },
};

const LOCALES: Locale[] = ['zh-CN', 'en-US'];
const format = (locale: Locale) => ({ locale, timeZone: 'Asia/Shanghai', companyName: '示例保险', link: TRACK });

function valuesOf(code: EditableTemplateCode, locale: Locale) {
  return templateValues(code, SAMPLES[code], format(locale));
}

describe('outgoing templates: the built-in texts (#11 item 5)', () => {
  it('cover every template of the catalogue but legacy.text', () => {
    expect([...EDITABLE_TEMPLATE_CODES].sort()).toEqual(TEMPLATE_CODES.filter((c) => c !== 'legacy.text').sort());
  });

  it.each(EDITABLE_TEMPLATE_CODES.flatMap((code) => LOCALES.map((locale) => [code, locale] as const)))(
    '%s in %s: the default body says what the catalogue says, and passes its own checks',
    (code, locale) => {
      const text = defaultTemplate(code, locale);
      expect(validateTemplate(code, text)).toEqual([]);
      const rendered = renderTemplate(text, valuesOf(code, locale));
      expect(rendered.body).toBe(renderMessage({ template: code, params: SAMPLES[code] } as never, locale));
      expect(rendered.subject.length).toBeGreaterThan(0);
      expect(rendered.subject).not.toContain('\n');
    },
  );

  it('subjects: the first line for staff, the company first for complainants', () => {
    expect(renderTemplate(defaultTemplate('staff.digest', 'zh-CN'), valuesOf('staff.digest', 'zh-CN')).subject).toBe(
      '2026-11-25 通知摘要（2 条）',
    );
    expect(
      renderTemplate(defaultTemplate('complainant.acknowledgment', 'zh-CN'), valuesOf('complainant.acknowledgment', 'zh-CN')).subject,
    ).toBe(`示例保险：您的投诉已受理，编号 ${NUMBER}`);
  });
});

describe('variables', () => {
  it('every template offers companyName and link, and its names instead of codes and ids', () => {
    for (const code of EDITABLE_TEMPLATE_CODES) {
      const names = templateVariables(code);
      expect(names).toContain('companyName');
      for (const name of names) expect(VARIABLES[name], `${code} ${name}`).toBeDefined();
      for (const raw of ['clockId', 'clockKind', 'action', 'sector', 'improvementActionId', 'target', 'purpose', 'channel'])
        expect(names).not.toContain(raw);
    }
    expect(templateVariables('complaint.action')).toEqual(expect.arrayContaining(['number', 'actionName', 'by', 'link']));
    expect(templateVariables('clock.warning')).toEqual(expect.arrayContaining(['clockName', 'dueAt']));
  });

  it('required: the number for complainants, the expected date for the acknowledgment', () => {
    expect(requiredVariables('complainant.acknowledgment')).toEqual(['number', 'expectedBy']);
    expect(requiredVariables('complainant.feedback')).toContain('number');
    expect(requiredVariables('complainant.final_notice')).toEqual(['number', 'hotline']);
    for (const code of EDITABLE_TEMPLATE_CODES)
      for (const name of requiredVariables(code)) expect(templateVariables(code), `${code} ${name}`).toContain(name);
  });

  it('derived values: names of the step, the clock and the regulator in the language; due times in local time', () => {
    expect(valuesOf('complaint.action', 'zh-CN').actionName).toBe('分派');
    expect(valuesOf('complaint.action', 'en-US').actionName).toBe('Assign');
    expect(valuesOf('clock.breached', 'zh-CN').clockName).toBe('一级投诉提交领导小组（第一次）');
    expect(valuesOf('clock.warning', 'zh-CN').dueAt).toBe('2026-11-25 10:30');
    expect(valuesOf('complainant.final_notice', 'zh-CN').regulatorName).toBe('中国证监会');
    expect(valuesOf('complainant.final_notice', 'en-US').regulatorName).toBe('CSRC');
    expect(valuesOf('staff.digest', 'zh-CN').lines).toBe(`${NUMBER} 分派\n${NUMBER} 已超时`);
    expect(valuesOf('message.failed', 'zh-CN')).toMatchObject({ purposeName: '受理回执', channelName: '短信' });
  });

  it('values of stored parameters that lack fields are empty, never a throw', () => {
    const broken = { number: NUMBER } as unknown as TemplateParams['clock.warning'];
    expect(templateValues('clock.warning', broken, format('zh-CN'))).toMatchObject({ number: NUMBER, dueAt: '' });
    const noLines = { count: 0, date: '2026-11-25' } as unknown as TemplateParams['staff.digest'];
    expect(templateValues('staff.digest', noLines, format('en-US')).lines).toBe('');
  });
});

describe('validateTemplate', () => {
  const ack = 'complainant.acknowledgment' as const;
  const good = defaultTemplate(ack, 'zh-CN');

  it('names an unknown variable and its field', () => {
    expect(validateTemplate(ack, { ...good, subject: '{{companyName}} {{nmber}}' })).toEqual([
      { field: 'subject', code: 'template_unknown_variable', params: { name: 'nmber' } },
    ]);
    // a variable of another template is unknown here
    expect(validateTemplate(ack, { ...good, body: `${good.body} {{content}}` })).toEqual([
      { field: 'body', code: 'template_unknown_variable', params: { name: 'content' } },
    ]);
  });

  it('names a required variable the body lacks (the SMS has only the body)', () => {
    expect(validateTemplate(ack, { ...good, body: '您的投诉已受理，编号 {{number}}。' })).toEqual([
      { field: 'body', code: 'template_missing_variable', params: { name: 'expectedBy' } },
    ]);
    expect(validateTemplate(ack, { subject: '受理', body: '已受理' }).map((i) => i.params)).toEqual([
      { name: 'number' },
      { name: 'expectedBy' },
    ]);
  });

  it('unbalanced braces, with the position of the first', () => {
    expect(validateTemplate(ack, { ...good, body: `${good.body} {{number` })).toContainEqual({
      field: 'body',
      code: 'template_unbalanced_braces',
      params: { at: good.body.length + 2 },
    });
    expect(validateTemplate(ack, { ...good, subject: 'a}} {{number}}' })).toEqual([
      { field: 'subject', code: 'template_unbalanced_braces', params: { at: 2 } },
    ]);
    expect(scanTemplate('{{{number}}}').unbalancedAt).toBe(1);
    expect(scanTemplate('{{ }}').unbalancedAt).toBe(1);
    // single braces are text
    expect(scanTemplate('{a} {{ number }} }{').names).toEqual(['number']);
    expect(scanTemplate('{a} {{ number }} }{').unbalancedAt).toBeNull();
  });

  it('empty and too long', () => {
    expect(validateTemplate(ack, { subject: '  ', body: '' })).toEqual([
      { field: 'subject', code: 'required' },
      { field: 'body', code: 'required' },
    ]);
    const issues = validateTemplate(ack, { subject: `{{number}}${'主'.repeat(200)}`, body: `${good.body}${'文'.repeat(2000)}` });
    expect(issues).toEqual([
      { field: 'subject', code: 'template_too_long', params: { max: 200 } },
      { field: 'body', code: 'template_too_long', params: { max: 2000 } },
    ]);
    // characters, not UTF-16 units: 200 emoji are 200 characters
    expect(validateTemplate(ack, { ...good, subject: '😀'.repeat(200) })).toEqual([]);
  });
});

describe('fillTemplate', () => {
  it('replaces every placeholder in one pass: a value is never expanded again', () => {
    expect(fillTemplate('{{ number }}：{{content}}', { number: NUMBER, content: '请回复 {{number}}' })).toBe(
      `${NUMBER}：请回复 {{number}}`,
    );
    expect(fillTemplate('no placeholders { }', {})).toBe('no placeholders { }');
  });

  it('throws for a name without a value or unbalanced braces', () => {
    expect(() => fillTemplate('{{missing}}', { number: NUMBER })).toThrow(TemplateError);
    expect(() => fillTemplate('{{number', { number: NUMBER })).toThrow(TemplateError);
    expect(() => fillTemplate('{{toString}}', {})).toThrow(TemplateError);
  });
});
