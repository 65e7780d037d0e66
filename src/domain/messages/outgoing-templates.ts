/**
 * The texts administrators edit (#11 item 5): for every outgoing template, an e-mail subject and a
 * body (the e-mail's text and the SMS) per language, with `{{variable}}` placeholders. The built-in
 * defaults reproduce the texts of message-templates.ts, so nothing changes until someone edits.
 *
 * A template offers its typed parameters that read as text (the number, who acted, a title) and
 * derived ones that name what the parameters code (the step's name, the clock's name, a due time in
 * local time, the regulator); raw codes and ids (clockId, action, sector) are not offered, their
 * names are. Every template also offers `companyName` and, where there is one, `link`. Pure: no I/O.
 */
import { TRANSITIONS } from '../workflow/transitions.js';
import { localParts } from '../time/zoned.js';
import { clockName } from './clock-names.js';
import { majorBasis } from '../major/major-names.js';
import { defaultChannels } from '../policy/policy.taxonomies.js';
import {
  CORRESPONDENCE_CHANNEL_NAMES,
  reasonLabel,
  RECTIFICATION_EVENTS,
  SPIKE_SUBJECT_NAMES,
  type Locale,
  type TemplateCode,
  type TemplateParams,
} from './message-templates.js';
import type { FieldIssue } from '../validation.js';
import { BUILT_IN, type TemplateText } from './outgoing-templates.defaults.js';
import { fillTemplate, scanTemplate } from './outgoing-templates.syntax.js';

export { fillTemplate, scanTemplate, TemplateError } from './outgoing-templates.syntax.js';
export type { TemplateText } from './outgoing-templates.defaults.js';

/** Every template an administrator may edit: all but `legacy.text` (old notifications kept as written). */
export type EditableTemplateCode = Exclude<TemplateCode, 'legacy.text'>;

export type Audience = 'staff' | 'complainant';

interface Label {
  zh: string;
  en: string;
}

export const VARIABLES = {
  companyName: { zh: '公司名称', en: 'company name' },
  link: { zh: '链接', en: 'link' },
  number: { zh: '投诉编号', en: 'complaint number' },
  by: { zh: '操作人', en: 'done by' },
  actionName: { zh: '处理步骤', en: 'workflow step' },
  clockName: { zh: '时限名称', en: 'deadline name' },
  dueAt: { zh: '到期时间', en: 'due at' },
  warning: { zh: '预警次数', en: 'warning number' },
  step: { zh: '升级级次', en: 'escalation step' },
  title: { zh: '整改措施', en: 'improvement action' },
  year: { zh: '年份', en: 'year' },
  targetName: { zh: '对象类型（账号/地址）', en: 'target (account or address)' },
  who: { zh: '账号或地址', en: 'account or address' },
  failures: { zh: '失败次数', en: 'failures' },
  windowMinutes: { zh: '统计分钟数', en: 'window in minutes' },
  windowStart: { zh: '统计起始时间', en: 'window start' },
  expectedBy: { zh: '预计答复日期', en: 'answer expected by' },
  content: { zh: '处理结果', en: 'handling result' },
  code: { zh: '验证码', en: 'verification code' },
  minutes: { zh: '有效分钟数', en: 'minutes valid' },
  replySubject: { zh: '回复主题', en: 'reply subject' },
  replyText: { zh: '回复内容', en: 'reply text' },
  hotline: { zh: '监管投诉热线', en: 'regulator hotline' },
  regulatorName: { zh: '监管机构', en: 'regulator' },
  purposeName: { zh: '消息用途', en: 'message purpose' },
  mailboxName: { zh: '邮箱名称', en: 'mailbox' },
  mailSubject: { zh: '邮件主题', en: 'e-mail subject' },
  reasonName: { zh: '原因', en: 'reason' },
  stallMinutes: { zh: '停滞分钟数', en: 'minutes without success' },
  lastError: { zh: '最近错误', en: 'last error' },
  channelName: { zh: '发送方式', en: 'channel' },
  intakeChannelName: { zh: '投诉渠道', en: 'complaint channel' },
  correspondenceChannelName: { zh: '来信方式', en: 'how the customer wrote' },
  date: { zh: '日期', en: 'date' },
  count: { zh: '通知条数', en: 'number of notices' },
  lines: { zh: '通知列表', en: 'the notices' },
  version: { zh: '版本', en: 'version' },
  subjectKindName: { zh: '对象类型（产品/类别/机构）', en: 'what rose (product, category, branch)' },
  subjectName: { zh: '对象名称', en: 'its name' },
  complaintCount: { zh: '投诉件数', en: 'complaints' },
  baselineMean: { zh: '此前每周平均件数', en: 'complaints a week before' },
  baselineWeeks: { zh: '对比周数', en: 'weeks compared' },
  periodFrom: { zh: '起始日期', en: 'from' },
  periodTo: { zh: '截止日期', en: 'to' },
  eventName: { zh: '事项', en: 'what happened' },
  originalNumber: { zh: '原投诉编号', en: 'original complaint number' },
  planTitle: { zh: '培训计划', en: 'training plan' },
  sessionTitle: { zh: '培训场次', en: 'training session' },
  when: { zh: '开始时间', en: 'starts at' },
  place: { zh: '地点或线上链接', en: 'place or online link' },
  round: { zh: '处理轮次', en: 'handling round' },
} as const satisfies Record<string, Label>;

export type VariableName = keyof typeof VARIABLES;
export type TemplateValues = Partial<Record<VariableName, string>>;

/** How values are written: the language and the company's time zone (due times in local time). */
export interface ValueFormat {
  locale: Locale;
  timeZone: string;
}

interface Spec<K extends EditableTemplateCode> {
  audience: Audience;
  label: Label;
  /** the variables besides companyName and link */
  variables: readonly VariableName[];
  /** those the body must use (the SMS has nothing else) */
  required: readonly VariableName[];
  /** whether `link` means something here */
  link: boolean;
  values: (p: TemplateParams[K], f: ValueFormat) => TemplateValues;
}

type Specs = { [K in EditableTemplateCode]: Spec<K> };

const zh = (f: ValueFormat) => f.locale === 'zh-CN';
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** An instant as local 'YYYY-MM-DD HH:mm'; empty when absent or not a time. */
export function localDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const p = localParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

const clockValues = (p: TemplateParams['clock.warning' | 'clock.breached'], f: ValueFormat): TemplateValues => ({
  number: str(p.number),
  clockName: clockName(str(p.clockKind), p.label ?? null)[zh(f) ? 'zh' : 'en'],
  dueAt: localDateTime(p.dueAt, f.timeZone),
});
const CLOCK_VARIABLES: readonly VariableName[] = ['number', 'clockName', 'dueAt', 'step'];
const clockSpec = <K extends 'clock.breached' | 'clock.stalled' | 'clock.escalated'>(label: Label): Spec<K> => ({
  audience: 'staff',
  label,
  variables: CLOCK_VARIABLES,
  required: ['number'],
  link: true,
  values: (p, f) => ({ ...clockValues(p, f), step: str(p.step) }),
});
const improvementSpec = <K extends `improvement.${string}` & EditableTemplateCode>(label: Label): Spec<K> => ({
  audience: 'staff',
  label,
  variables: ['number', 'title', 'by'],
  required: ['number'],
  link: true,
  values: (p) => ({ number: str(p.number), title: str(p.title), by: str(p.by) }),
});

/** What a message to the complainant was for (messages.purpose), as message.failed names it. */
const PURPOSES: Readonly<Record<string, Label>> = {
  acknowledgment: { zh: '受理回执', en: 'acknowledgment' },
  feedback: { zh: '处理结果告知', en: 'result' },
  final_notice: { zh: '办结告知', en: 'final notice' },
  reply: { zh: '回复投诉人', en: 'reply' },
};

const SPECS: Specs = {
  'complaint.action': {
    audience: 'staff',
    label: { zh: '处理步骤通知', en: 'Workflow step' },
    variables: ['number', 'actionName', 'by'],
    required: ['number'],
    link: true,
    values: (p, f) => ({ number: str(p.number), actionName: str(TRANSITIONS[p.action]?.[zh(f) ? 'zh' : 'en'] ?? p.action), by: str(p.by) }),
  },
  'complaint.level1_registered': {
    audience: 'staff',
    label: { zh: '一级投诉受理提醒', en: 'Level-1 complaint registered' },
    variables: ['number', 'by'],
    required: ['number'],
    link: true,
    values: (p) => ({ number: str(p.number), by: str(p.by) }),
  },
  'complaint.arrived': {
    audience: 'staff',
    label: { zh: '新投诉待分派提醒', en: 'New complaint awaiting a handler' },
    variables: ['number', 'intakeChannelName'],
    required: ['number'],
    link: true,
    values: (p, f) => {
      const entry = defaultChannels.find((c) => c.code === p.channel);
      return { number: str(p.number), intakeChannelName: entry ? (zh(f) ? entry.zh : entry.en) : str(p.channel) };
    },
  },
  'complaint.handling_complaint': {
    audience: 'staff',
    label: { zh: '投诉处理情况投诉提醒', en: 'Complaint about complaint handling' },
    variables: ['number', 'originalNumber'],
    required: ['number'],
    link: true,
    values: (p) => ({ number: str(p.number), originalNumber: str(p.original) }),
  },
  'complaint.review_requested': {
    audience: 'staff',
    label: { zh: '正式复核提醒', en: 'Formal review requested' },
    variables: ['number', 'round'],
    required: ['number'],
    link: true,
    values: (p) => ({ number: str(p.number), round: str(p.round) }),
  },
  'complaint.customer_wrote': {
    audience: 'staff',
    label: { zh: '客户来信提醒', en: 'The customer wrote' },
    variables: ['number', 'correspondenceChannelName'],
    required: ['number'],
    link: true,
    values: (p, f) => ({
      number: str(p.number),
      correspondenceChannelName: CORRESPONDENCE_CHANNEL_NAMES[p.channel]?.[zh(f) ? 'zh' : 'en'] ?? str(p.channel),
    }),
  },
  'complaint.level1_regraded': {
    audience: 'staff',
    label: { zh: '升级为一级投诉提醒', en: 'Raised to level 1' },
    variables: ['number', 'by'],
    required: ['number'],
    link: true,
    values: (p) => ({ number: str(p.number), by: str(p.by) }),
  },
  'clock.warning': {
    audience: 'staff',
    label: { zh: '时限预警', en: 'Deadline warning' },
    variables: ['number', 'clockName', 'dueAt', 'warning'],
    required: ['number'],
    link: true,
    values: (p, f) => ({ ...clockValues(p, f), warning: str(p.warning) }),
  },
  'clock.breached': clockSpec({ zh: '时限超时', en: 'Deadline missed' }),
  'clock.stalled': clockSpec({ zh: '进展报告超时', en: 'Progress stalled' }),
  'clock.escalated': clockSpec({ zh: '超时升级', en: 'Breach escalated' }),
  'rectification.notice': {
    audience: 'staff',
    label: { zh: '整改要求', en: 'Rectification request' },
    variables: ['eventName', 'title', 'dueAt', 'step'],
    required: ['eventName'],
    link: true,
    values: (p, f) => ({
      eventName: RECTIFICATION_EVENTS[p.event][zh(f) ? 'zh' : 'en'],
      title: p.text,
      dueAt: localDateTime(p.dueAt, f.timeZone),
      step: str(p.step),
    }),
  },
  'improvement.done': improvementSpec({ zh: '整改措施已完成', en: 'Improvement action done' }),
  'improvement.verified': improvementSpec({ zh: '整改措施已验证', en: 'Improvement action verified' }),
  'improvement.reopened': improvementSpec({ zh: '整改措施重新整改', en: 'Improvement action reopened' }),
  'improvement.updated': improvementSpec({ zh: '整改措施变更', en: 'Improvement action changed' }),
  'major.marked': {
    audience: 'staff',
    label: { zh: '重大投诉认定提醒', en: 'Major complaint marked' },
    variables: ['number', 'reasonName', 'by'],
    required: ['number'],
    link: true,
    values: (p, f) => ({ number: str(p.number), reasonName: majorBasis(p, zh(f) ? 'zh' : 'en'), by: str(p.by) }),
  },
  'major.unmarked': {
    audience: 'staff',
    label: { zh: '取消重大投诉认定提醒', en: 'Major complaint unmarked' },
    variables: ['number', 'reasonName', 'by'],
    required: ['number'],
    link: true,
    values: (p) => ({ number: str(p.number), reasonName: str(p.reason), by: str(p.by) }),
  },
  'major.assigned': {
    audience: 'staff',
    label: { zh: '应急预案事项分派', en: 'Emergency plan item assigned' },
    variables: ['number', 'title', 'dueAt', 'by'],
    required: ['number'],
    link: true,
    values: (p, f) => ({ number: str(p.number), title: str(p.title), dueAt: localDateTime(p.dueAt, f.timeZone), by: str(p.by) }),
  },
  'calendar.unconfirmed': {
    audience: 'staff',
    label: { zh: '工作日历未确认', en: 'Working calendar not confirmed' },
    variables: ['year'],
    required: ['year'],
    link: true,
    values: (p) => ({ year: str(p.year) }),
  },
  'security.sign_in_attack': {
    audience: 'staff',
    label: { zh: '疑似密码猜测', en: 'Possible password guessing' },
    variables: ['targetName', 'who', 'failures', 'windowMinutes', 'windowStart'],
    required: ['who'],
    link: true,
    values: (p, f) => ({
      targetName: p.target === 'account' ? (zh(f) ? '账号' : 'account') : zh(f) ? '地址' : 'address',
      who: str(p.target === 'account' ? p.username : p.address),
      failures: str(p.failures),
      windowMinutes: str(p.windowMinutes),
      windowStart: localDateTime(p.windowStart, f.timeZone),
    }),
  },
  'complainant.acknowledgment': {
    audience: 'complainant',
    label: { zh: '受理回执（告知投诉人）', en: 'Acknowledgment to the complainant' },
    variables: ['number', 'expectedBy'],
    required: ['number', 'expectedBy'],
    link: true,
    values: (p) => ({ number: str(p.number), expectedBy: str(p.expectedBy) }),
  },
  'complainant.feedback': {
    audience: 'complainant',
    label: { zh: '处理结果告知（投诉人）', en: 'Result to the complainant' },
    variables: ['number', 'content'],
    required: ['number', 'content'],
    link: true,
    values: (p) => ({ number: str(p.number), content: str(p.content) }),
  },
  'complainant.reply': {
    audience: 'complainant',
    label: { zh: '回复投诉人（往来沟通）', en: 'Reply to the complainant' },
    variables: ['number', 'replySubject', 'replyText'],
    required: ['replyText'],
    link: true,
    values: (p, f) => ({
      number: str(p.number),
      // no subject given: one that says what it is about
      replySubject: str(p.subject).trim() || (zh(f) ? `关于您的投诉 ${str(p.number)}` : `About your complaint ${str(p.number)}`),
      replyText: str(p.text),
    }),
  },
  'complainant.final_notice': {
    audience: 'complainant',
    label: { zh: '办结告知（投诉人）', en: 'Final notice to the complainant' },
    variables: ['number', 'regulatorName', 'hotline'],
    required: ['number', 'hotline'],
    link: true,
    values: (p, f) => ({
      number: str(p.number),
      hotline: str(p.hotline),
      regulatorName: p.sector === 'securities' ? (zh(f) ? '中国证监会' : 'CSRC') : zh(f) ? '国家金融监督管理总局' : 'NFRA',
    }),
  },
  'complainant.code': {
    audience: 'complainant',
    label: { zh: '验证码（网上投诉与查询）', en: 'Verification code (online complaints and tracking)' },
    variables: ['code', 'minutes'],
    required: ['code'],
    link: false,
    values: (p) => ({ code: str(p.code), minutes: str(p.minutes) }),
  },
  'mail.quarantined': {
    audience: 'staff',
    label: { zh: '来信已隔离', en: 'Incoming e-mail quarantined' },
    variables: ['mailboxName', 'reasonName', 'mailSubject'],
    required: ['mailboxName'],
    link: true,
    values: (p, f) => ({
      mailboxName: str(p.mailboxName),
      reasonName: reasonLabel(str(p.reason), zh(f) ? 'zh' : 'en'),
      mailSubject: str(p.subject),
    }),
  },
  'mail.mailbox_stalled': {
    audience: 'staff',
    label: { zh: '邮箱收信停滞', en: 'Mailbox stalled' },
    variables: ['mailboxName', 'stallMinutes', 'lastError'],
    required: ['mailboxName'],
    link: true,
    values: (p, f) => ({
      mailboxName: str(p.mailboxName),
      stallMinutes: str(p.stallMinutes),
      lastError: p.lastError ?? (zh(f) ? '无' : 'none'),
    }),
  },
  'message.failed': {
    audience: 'staff',
    label: { zh: '客户消息发送失败', en: 'Message to the customer failed' },
    variables: ['number', 'purposeName', 'channelName'],
    required: ['number'],
    link: true,
    values: (p, f) => ({
      number: str(p.number),
      purposeName: PURPOSES[p.purpose]?.[zh(f) ? 'zh' : 'en'] ?? str(p.purpose),
      channelName: p.channel === 'sms' ? (zh(f) ? '短信' : 'SMS') : zh(f) ? '电子邮件' : 'e-mail',
    }),
  },
  'training.reminder': {
    audience: 'staff',
    label: { zh: '培训提醒', en: 'Training reminder' },
    variables: ['planTitle', 'sessionTitle', 'when', 'place'],
    required: ['sessionTitle', 'when'],
    link: true,
    values: (p) => ({ planTitle: p.planTitle, sessionTitle: p.sessionTitle, when: p.when, place: p.place }),
  },
  'spike.raised': {
    audience: 'staff',
    label: { zh: '投诉量异常上升', en: 'Complaints rising sharply' },
    variables: ['subjectKindName', 'subjectName', 'complaintCount', 'baselineMean', 'baselineWeeks', 'periodFrom', 'periodTo'],
    required: ['subjectName', 'complaintCount'],
    link: true,
    values: (p, f) => ({
      subjectKindName: SPIKE_SUBJECT_NAMES[p.subject][zh(f) ? 'zh' : 'en'],
      subjectName: zh(f) ? p.nameZh : p.nameEn,
      complaintCount: str(p.count),
      baselineMean: str(p.baselineMean),
      baselineWeeks: str(p.baselineWeeks),
      periodFrom: p.from,
      periodTo: p.to,
    }),
  },
  'report.ready': {
    audience: 'staff',
    label: { zh: '报告已生成', en: 'Report ready' },
    variables: ['title', 'version'],
    required: ['title'],
    link: true,
    values: (p) => ({ title: str(p.title), version: str(p.version) }),
  },
  'staff.digest': {
    audience: 'staff',
    label: { zh: '每日通知摘要', en: 'Daily digest' },
    variables: ['date', 'count', 'lines'],
    required: ['lines'],
    link: true,
    values: (p) => ({ date: str(p.date), count: str(p.count), lines: Array.isArray(p.lines) ? p.lines.map(str).join('\n') : '' }),
  },
};

/** Every editable code, in the catalogue's order. */
export const EDITABLE_TEMPLATE_CODES = Object.keys(SPECS) as EditableTemplateCode[];

export function isEditableTemplateCode(value: string): value is EditableTemplateCode {
  return Object.hasOwn(SPECS, value);
}

export function templateLabel(code: EditableTemplateCode): Label {
  return SPECS[code].label;
}

export function templateAudience(code: EditableTemplateCode): Audience {
  return SPECS[code].audience;
}

/** The variables a template offers, in the order an editor lists them. */
export function templateVariables(code: EditableTemplateCode): VariableName[] {
  const s = SPECS[code];
  return [...s.variables, 'companyName', ...(s.link ? (['link'] as const) : [])];
}

/** The variables the body must use: without them the message says nothing (the SMS has only the body). */
export function requiredVariables(code: EditableTemplateCode): readonly VariableName[] {
  return SPECS[code].required;
}

export function variableLabel(name: VariableName): Label {
  return VARIABLES[name];
}

/** The built-in text of a template in a language. */
export function defaultTemplate(code: EditableTemplateCode, locale: Locale): TemplateText {
  return BUILT_IN[code][locale];
}

/** The placeholder values of a message: from its parameters, plus the company's name and the link the caller works out. */
export function templateValues<K extends EditableTemplateCode>(
  code: K,
  params: TemplateParams[K],
  f: ValueFormat & { companyName: string; link: string | null },
): TemplateValues {
  const spec: Spec<K> = SPECS[code];
  return { ...spec.values(params, f), companyName: f.companyName, ...(spec.link ? { link: f.link ?? '' } : {}) };
}

/** A subject and body filled in; throws (TemplateError) when the text is not a valid template. */
export function renderTemplate(text: TemplateText, values: TemplateValues): TemplateText {
  return {
    subject: fillTemplate(text.subject, values)
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .trim(),
    body: fillTemplate(text.body, values),
  };
}

/** The longest subject and body a template may have (characters of the template, before filling in). */
export const TEMPLATE_LIMITS = { subject: 200, body: 2000 } as const;

/**
 * What is wrong with a template, field by field (`subject`, `body`): empty, too long, braces that
 * do not pair, a variable the template does not offer (named), a required variable the body lacks
 * (named). Empty when it can be saved.
 */
export function validateTemplate(code: EditableTemplateCode, text: TemplateText): FieldIssue[] {
  const offered = new Set<string>(templateVariables(code));
  const issues: FieldIssue[] = [];
  for (const field of ['subject', 'body'] as const) {
    const value = text[field];
    if (value.trim() === '') {
      issues.push({ field, code: 'required' });
      continue;
    }
    const max = TEMPLATE_LIMITS[field];
    if (Array.from(value).length > max) issues.push({ field, code: 'template_too_long', params: { max } });
    const scan = scanTemplate(value);
    if (scan.unbalancedAt !== null) issues.push({ field, code: 'template_unbalanced_braces', params: { at: scan.unbalancedAt } });
    const unknown = new Set(scan.names.filter((n) => !offered.has(n)));
    for (const name of unknown) issues.push({ field, code: 'template_unknown_variable', params: { name } });
    if (field === 'body' && scan.unbalancedAt === null) {
      const used = new Set(scan.names);
      for (const name of requiredVariables(code))
        if (!used.has(name)) issues.push({ field, code: 'template_missing_variable', params: { name } });
    }
  }
  return issues;
}
