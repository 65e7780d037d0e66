/**
 * The parameters a template preview fills in (#11 item 5): taken from a real complaint where the
 * template is about one (its number, who registered it, its open clock and due time, the date the
 * regulatory clock gives for the answer, its business line's regulator), sample values for the
 * rest. Nothing of the complainant (name, phone, address, account) is read: a template has no
 * variable for any of it.
 */
import type { Locale, TemplateParams } from '../../domain/messages/message-templates.js';
import type { EditableTemplateCode } from '../../domain/messages/outgoing-templates.js';
import { localDate } from '../../domain/time/zoned.js';
import type { Database } from '../../db/database.js';
import { listClocks } from '../../db/repositories/clock.repository.js';
import type { ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { currentPolicy } from '../administration/policy.service.js';

/** What the sample parameters are made of. */
export interface PreviewFacts {
  complaintId: string | null;
  number: string;
  by: string;
  clock: { id: string; kind: string; label: string | null; dueAt: string | null };
  expectedBy: string;
  sector: 'insurance' | 'securities';
  now: Date;
  timeZone: string;
  locale: Locale;
}

const DAY_MS = 86_400_000;

/** When and how the preview is written: now, the company's time zone, the template's language. */
export type Writing = Pick<PreviewFacts, 'now' | 'timeZone' | 'locale'>;

const inLocale = (f: PreviewFacts, zh: string, en: string) => (f.locale === 'zh-CN' ? zh : en);

/** Sample facts when no complaint is chosen: a number of today's, a regulatory clock due in 15 days. */
export async function sampleFacts(db: Database, w: Writing, by: string): Promise<PreviewFacts> {
  const { now, timeZone } = w;
  const { policy } = await currentPolicy(db);
  const due = new Date(now.getTime() + 15 * DAY_MS);
  return {
    complaintId: null,
    number: `${policy.complaintNumberPrefix}${localDate(now, timeZone).replaceAll('-', '')}0001`,
    by,
    clock: { id: 'sample', kind: 'regulatory', label: null, dueAt: due.toISOString() },
    expectedBy: localDate(due, timeZone),
    sector: 'insurance',
    ...w,
  };
}

/** Facts of a real complaint: its number, registrar, first open clock, the regulatory due date, its sector. */
export async function complaintFacts(db: Database, c: ComplaintRecord, w: Writing): Promise<PreviewFacts> {
  const clocks = await listClocks(db, [c.id]);
  const open = clocks.find((k) => k.status === 'running' || k.status === 'paused') ?? clocks[0];
  const regulatory = clocks.find((k) => k.kind === 'regulatory');
  const { policy } = await currentPolicy(db);
  const sector = policy.taxonomies.businessLines.find((l) => l.code === c.business_line)?.sector ?? 'insurance';
  return {
    complaintId: c.id,
    number: c.number,
    by: c.created_by,
    clock: open
      ? { id: open.id, kind: open.kind, label: open.label, dueAt: open.dueAt?.toISOString() ?? null }
      : { id: 'none', kind: 'regulatory', label: null, dueAt: null },
    expectedBy: regulatory?.dueAt ? localDate(regulatory.dueAt, w.timeZone) : '',
    sector,
    ...w,
  };
}

type Samples = { [K in EditableTemplateCode]: (f: PreviewFacts) => TemplateParams[K] };

const clockOf = (f: PreviewFacts) => ({
  number: f.number,
  clockId: f.clock.id,
  clockKind: f.clock.kind,
  label: f.clock.label,
  dueAt: f.clock.dueAt,
});
const improvementOf = (f: PreviewFacts) => ({
  number: f.number,
  improvementActionId: 'sample',
  title: inLocale(f, '柜面告知流程整改（示例）', 'Counter disclosure process (sample)'),
  by: f.by,
});

const SAMPLES: Samples = {
  'complaint.action': (f) => ({ number: f.number, action: 'assign', by: f.by }),
  'complaint.level1_registered': (f) => ({ number: f.number, by: f.by }),
  'complaint.level1_regraded': (f) => ({ number: f.number, by: f.by }),
  'complaint.arrived': (f) => ({ number: f.number, channel: 'web' }),
  'complaint.handling_complaint': (f) => ({ number: f.number, original: f.number }),
  'complaint.review_requested': (f) => ({ number: f.number, round: 3 }),
  'complaint.customer_wrote': (f) => ({ number: f.number, channel: 'portal' }),
  'clock.warning': (f) => ({ ...clockOf(f), warning: 1 }),
  'clock.breached': (f) => ({ ...clockOf(f), step: 0 }),
  'clock.stalled': (f) => ({ ...clockOf(f), step: 0 }),
  'clock.escalated': (f) => ({ ...clockOf(f), step: 1 }),
  'rectification.notice': (f) => ({
    event: 'issued',
    requestId: '00000000-0000-4000-8000-000000000000',
    text: inLocale(f, '请完善投诉回访记录', 'Complete the follow-up records'),
    dueAt: f.now.toISOString(),
    link: '/supervision/my',
  }),
  'improvement.done': improvementOf,
  'improvement.verified': improvementOf,
  'improvement.reopened': improvementOf,
  'improvement.updated': improvementOf,
  'major.marked': (f) => ({ number: f.number, by: f.by, rules: ['major_joint_complainants'], reason: null }),
  'major.unmarked': (f) => ({ number: f.number, by: f.by, reason: '经核实不属于重大投诉' }),
  'major.assigned': (f) => ({ number: f.number, title: '安抚客户并说明处理进展', dueAt: f.now.toISOString(), by: f.by }),
  'calendar.unconfirmed': (f) => {
    const year = Number(localDate(f.now, f.timeZone).slice(0, 4)) + 1;
    return { year, link: `/admin/calendar?year=${year}&import=1` };
  },
  'security.sign_in_attack': (f) => ({
    target: 'address',
    username: null,
    address: '203.0.113.7',
    failures: 20,
    windowMinutes: 15,
    windowStart: new Date(f.now.getTime() - 15 * 60_000).toISOString(),
  }),
  'complainant.acknowledgment': (f) => ({ number: f.number, expectedBy: f.expectedBy, link: '', companyName: '' }),
  'complainant.feedback': (f) => ({
    number: f.number,
    content: inLocale(
      f,
      '经核实，按实际维修费用补足赔款。（示例处理结果）',
      'We checked the repair costs and pay the difference. (sample result)',
    ),
    link: '',
    companyName: '',
  }),
  'complainant.reply': (f) => ({
    number: f.number,
    subject: inLocale(f, '补充材料', 'Further documents'),
    text: inLocale(
      f,
      '您的来信已收到，请补充保单复印件。（示例回复）',
      'We have your letter; please send a copy of the policy. (sample reply)',
    ),
    link: '',
    companyName: '',
  }),
  'complainant.final_notice': (f) => ({
    number: f.number,
    sector: f.sector,
    hotline: f.sector === 'securities' ? '12386' : '12378',
    companyName: '',
  }),
  'complainant.code': () => ({ code: '386514', minutes: 10 }),
  'message.failed': (f) => ({ number: f.number, purpose: 'acknowledgment', channel: 'sms' }),
  'mail.quarantined': (f) => ({
    mailboxName: inLocale(f, '客服投诉邮箱', 'Complaints mailbox'),
    subject: inLocale(f, '关于理赔的投诉（示例）', 'About my claim (sample)'),
    reason: 'parse_failed',
    link: '/admin/inbound-mail?outcome=quarantined',
  }),
  'mail.mailbox_stalled': (f) => ({
    mailboxName: inLocale(f, '客服投诉邮箱', 'Complaints mailbox'),
    stallMinutes: 30,
    lastError: 'connect ECONNREFUSED 192.0.2.10:993',
    link: '/admin/mailboxes',
  }),
  'training.reminder': (f) => ({
    planTitle: inLocale(f, '新员工投诉处理入职培训', 'Onboarding: complaint handling'),
    sessionTitle: inLocale(f, '投诉处理流程', 'The complaint process'),
    when: '2026-11-26 09:30',
    place: inLocale(f, '总部 3 楼培训室', 'Head office, training room 3F'),
    link: '/training/my',
  }),
  'spike.raised': () => ({
    subject: 'product',
    nameZh: '安心医疗险',
    nameEn: '安心医疗险',
    count: 12,
    baselineMean: 3,
    baselineWeeks: 8,
    from: '2026-11-18',
    to: '2026-11-24',
    link: '/statistics?tab=spikes',
  }),
  'report.ready': (f) => ({
    title: inLocale(f, '2026年10月投诉管理月度报告', 'Monthly complaints report, October 2026'),
    version: 1,
    automatic: true,
    link: '/reports',
  }),
  'staff.digest': (f) => ({
    count: 2,
    date: localDate(f.now, f.timeZone),
    lines: [
      `${f.number} ${inLocale(f, '分派', 'Assign')}`,
      `${f.number} ${inLocale(f, '时限预警：监管时限即将到期', 'deadline warning: regulatory deadline is nearly due')}`,
    ],
  }),
};

/** The parameters of a preview of `code`, built from the facts. */
export function previewParams<K extends EditableTemplateCode>(code: K, f: PreviewFacts): TemplateParams[K] {
  const sample: Samples[K] = SAMPLES[code];
  return sample(f);
}
