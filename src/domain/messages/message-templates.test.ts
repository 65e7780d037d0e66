import { describe, expect, it } from 'vitest';
import { WORKFLOW_ACTIONS } from '../workflow/workflow.types.js';
import {
  isTemplateCode,
  renderMessage,
  TEMPLATE_CODES,
  type Message,
  type TemplateCode,
  type TemplateParams,
} from './message-templates.js';

const clock = { number: 'CP20261125000001', clockId: 'c1', clockKind: 'l1_to_leadership', label: null, dueAt: '2026-11-25T02:30:00.000Z' };
const improvement = { number: 'CP20261125000001', improvementActionId: 'a1', title: 'Counter process', by: 'supervisor' };

/** One sample per template (tsc fails when a template has none). */
const SAMPLES: { [K in TemplateCode]: TemplateParams[K] } = {
  'complaint.action': { number: 'CP20261125000001', action: 'assign', by: 'agent' },
  'complaint.level1_registered': { number: 'CP20261125000001', by: 'agent' },
  'complaint.level1_regraded': { number: 'CP20261125000001', by: 'supervisor' },
  'complaint.arrived': { number: 'CP20261125000001', channel: 'email' },
  'complaint.handling_complaint': { number: 'CP20261125000002', original: 'CP20261125000001' },
  'complaint.review_requested': { number: 'CP20261125000001', round: 3 },
  'complaint.customer_wrote': { number: 'CP20261125000001', channel: 'letter' },
  'clock.warning': { ...clock, warning: 0 },
  'clock.breached': { ...clock, step: 0 },
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
  'major.marked': { number: 'CP20261125000001', by: 'leader', rules: ['major_joint_complainants'], reason: null },
  'major.unmarked': { number: 'CP20261125000001', by: 'leader', reason: 'a single case after all' },
  'major.assigned': { number: 'CP20261125000001', title: 'call every customer', dueAt: '2026-11-25T02:30:00.000Z', by: 'leader' },
  'calendar.unconfirmed': { year: 2027, link: '/admin/calendar?year=2027&import=1' },
  'security.sign_in_attack': {
    target: 'account',
    username: 'admin',
    address: null,
    failures: 20,
    windowMinutes: 15,
    windowStart: '2026-11-25T01:45:00.000Z',
  },
  'complainant.acknowledgment': {
    number: 'CP20261125000001',
    expectedBy: '2026-12-09',
    link: 'http://localhost:3000/portal/track?number=CP20261125000001',
    companyName: 'Example',
  },
  'complainant.feedback': { number: 'CP20261125000001', content: 'refund approved', link: 'http://x/portal', companyName: 'Example' },
  'complainant.reply': {
    number: 'CP20261125000001',
    subject: '',
    text: 'we received your letter',
    link: 'http://x/portal',
    companyName: 'Example',
  },
  'complainant.final_notice': { number: 'CP20261125000001', sector: 'securities', hotline: '12386', companyName: 'Example' },
  'complainant.code': { code: '386514', minutes: 10 },
  'message.failed': { number: 'CP20261125000001', purpose: 'acknowledgment', channel: 'sms' },
  'mail.quarantined': { mailboxName: 'complaints', subject: 'claim', reason: 'parse_failed', link: '/admin/inbound-mail' },
  'mail.mailbox_stalled': { mailboxName: 'complaints', stallMinutes: 30, lastError: null, link: '/admin/mailboxes' },
  'report.ready': { title: 'Monthly report 2026-10', version: 2, automatic: false, link: '/reports/x' },
  'spike.raised': {
    subject: 'category',
    nameZh: '理赔纠纷',
    nameEn: 'Claims',
    count: 12,
    baselineMean: 3,
    baselineWeeks: 8,
    from: '2026-11-18',
    to: '2026-11-24',
    link: '/statistics',
  },
  'training.reminder': {
    planTitle: 'Onboarding',
    sessionTitle: 'Process',
    when: '2026-11-26 09:30',
    place: 'Room 3',
    link: '/training/my',
  },
  'staff.digest': { count: 2, date: '2026-11-25', lines: ['CP1 a', 'CP2 b'] },
  'legacy.text': { text: '旧通知', en: 'old notice' },
};

const messages = Object.entries(SAMPLES).map(([template, params]) => ({ template, params }) as Message);
const CJK = /[\u4e00-\u9fff]/;

describe('message templates', () => {
  it('lists every template once', () => {
    expect(new Set(TEMPLATE_CODES).size).toBe(TEMPLATE_CODES.length);
    expect([...TEMPLATE_CODES].sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(isTemplateCode('clock.warning')).toBe(true);
    expect(isTemplateCode('clock_warning')).toBe(false);
  });

  it.each(messages.map((m) => [m.template, m] as const))('%s has a Chinese and an English text', (_code, m) => {
    const zh = renderMessage(m, 'zh-CN');
    const en = renderMessage(m, 'en-US');
    expect(zh).toMatch(CJK);
    // parameters here are ASCII: no Chinese word or full-width punctuation in the English text
    expect(en).not.toMatch(CJK);
    expect(en).not.toMatch(/[\u3000-\u303f\uff00-\uffef]/);
    expect(en).not.toBe(zh);
    expect(zh.trim()).toBe(zh);
    expect(en.trim()).toBe(en);
  });

  it('renders the texts the notices always had', () => {
    const zh = (m: Message) => renderMessage(m, 'zh-CN');
    const en = (m: Message) => renderMessage(m, 'en-US');
    const reg: Message = { template: 'complaint.level1_registered', params: SAMPLES['complaint.level1_registered'] };
    expect([zh(reg), en(reg)]).toEqual(['CP20261125000001 一级投诉已受理', 'CP20261125000001 level-1 complaint registered']);
    const step: Message = { template: 'complaint.action', params: { number: 'CP1', action: 'record_survey', by: 'agent' } };
    expect([zh(step), en(step)]).toEqual(['CP1 满意度回访', 'CP1 Record satisfaction survey']);
    const warn: Message = { template: 'clock.warning', params: SAMPLES['clock.warning'] };
    expect(zh(warn)).toBe('CP20261125000001 时限预警：一级投诉提交领导小组即将到期');
    expect(en(warn)).toBe('CP20261125000001 deadline warning: L1 hand-over to the leadership group is nearly due');
    const milestone: Message = { template: 'clock.escalated', params: { ...clock, clockKind: 'milestone', label: '赔付到账', step: 1 } };
    expect(zh(milestone)).toBe('CP20261125000001 超时升级（第 1 级）：处理计划节点（赔付到账）');
    expect(en(milestone)).toBe('CP20261125000001 escalation step 1: plan milestone (赔付到账) overdue');
    const done: Message = { template: 'improvement.done', params: { ...improvement, title: '柜面流程整改' } };
    expect(zh(done)).toBe('CP20261125000001 整改措施已完成，待验证：柜面流程整改');
    expect(en(done)).toBe('CP20261125000001 improvement action done, to be verified: 柜面流程整改');
    const attack: Message = {
      template: 'security.sign_in_attack',
      params: { ...SAMPLES['security.sign_in_attack'], target: 'address', username: null, address: '203.0.113.10' },
    };
    expect(zh(attack)).toBe('疑似密码猜测：地址 203.0.113.10 在 15 分钟内登录失败 20 次');
    expect(en(attack)).toBe('Possible password guessing: 20 failed sign-ins from address 203.0.113.10 within 15 minutes');
  });

  it('names every workflow step in both languages', () => {
    for (const action of WORKFLOW_ACTIONS) {
      const m: Message = { template: 'complaint.action', params: { number: 'CP1', action, by: 'agent' } };
      expect(renderMessage(m, 'zh-CN')).toMatch(CJK);
      expect(renderMessage(m, 'en-US')).not.toMatch(CJK);
    }
  });

  it('shows a legacy text as it was, in English when it had English', () => {
    expect(renderMessage({ template: 'legacy.text', params: { text: '旧通知' } }, 'en-US')).toBe('旧通知');
    expect(renderMessage({ template: 'legacy.text', params: { text: '旧通知', en: 'old notice' } }, 'en-US')).toBe('old notice');
  });
});
