/**
 * The catalogue of outgoing messages (#10 item 4): every notification (and every e-mail or SMS to
 * come) is stored as a template code with its parameters, never as finished text, and rendered in
 * the recipient's language when it is shown or delivered. Each template has a zh-CN and an en-US
 * text (tsc fails on a missing one) and typed parameters. Pure: no I/O.
 *
 * The parameters are stored as JSON (notifications.params) and also sent to the client, which
 * links from them (the complaint number, a clock, `link`): instants are ISO strings.
 */
import { TRANSITIONS } from '../workflow/transitions.js';
import type { WorkflowAction } from '../workflow/workflow.types.js';
import { clockName } from './clock-names.js';
import { INBOUND_REASON_LABELS, isInboundReason } from './inbound-mail.js';
import { defaultChannels } from '../policy/policy.taxonomies.js';
import type { CorrespondenceChannel } from '../codes.js';
import { majorBasis } from '../major/major-names.js';

export type Locale = 'zh-CN' | 'en-US';

/** The clock a deadline notice is about (the sweeper's notices). */
export interface ClockParams {
  number: string;
  clockId: string;
  clockKind: string;
  label: string | null;
  dueAt: string | null;
}

/** An improvement action's change, told to its owner (and supervisors when it awaits verification). */
export interface ImprovementParams {
  number: string;
  improvementActionId: string;
  title: string;
  by: string;
}

/** A spike alert: what rose (its kind and name in both languages), how much, over which days (#13). */
export interface SpikeParams {
  subject: 'product' | 'category' | 'branch';
  nameZh: string;
  nameEn: string;
  count: number;
  /** complaints a week over the baseline weeks */
  baselineMean: number;
  baselineWeeks: number;
  from: string;
  to: string;
  link: string;
}

export const SPIKE_SUBJECT_NAMES: Record<SpikeParams['subject'], { zh: string; en: string }> = {
  product: { zh: '产品', en: 'product' },
  category: { zh: '投诉类别', en: 'category' },
  branch: { zh: '机构', en: 'branch' },
};

/** A rectification request's step or clock notice (#14 item 1); `link` opens it. */
export interface RectificationParams {
  event: 'issued' | 'warning' | 'breached' | 'escalated' | 'answered' | 'rejected' | 'verified';
  requestId: string;
  text: string;
  dueAt: string | null;
  step?: number;
  link: string;
}

export const RECTIFICATION_EVENTS: Record<RectificationParams['event'], { zh: string; en: string }> = {
  issued: { zh: '新的整改要求', en: 'New rectification request' },
  warning: { zh: '整改要求即将到期', en: 'Rectification request nearly due' },
  breached: { zh: '整改要求已超期', en: 'Rectification request overdue' },
  escalated: { zh: '整改要求超期升级', en: 'Rectification request escalated' },
  answered: { zh: '整改要求已答复，待验证', en: 'Rectification request answered, to be verified' },
  rejected: { zh: '整改答复未通过，请重新整改', en: 'Rectification answer rejected: rectify again' },
  verified: { zh: '整改已验证，要求关闭', en: 'Rectification verified and closed' },
};

function rectification(p: RectificationParams, lang: 'zh' | 'en'): string {
  const head = RECTIFICATION_EVENTS[p.event][lang];
  return lang === 'zh' ? `${head}：${p.text}` : `${head}: ${p.text}`;
}

/** Every template and the parameters it takes. */
export interface TemplateParams {
  /** a workflow step, told to the people its transition names */
  'complaint.action': { number: string; action: WorkflowAction; by: string; improvementActionId?: string };
  'complaint.level1_registered': { number: string; by: string };
  'complaint.level1_regraded': { number: string; by: string };
  /** a complaint that arrived without staff typing it (portal, app, e-mail, hotline draft): nobody handles it yet (#12) */
  'complaint.arrived': { number: string; channel: string };
  /** a complaint about how another complaint was handled arrived (R-E5, #14): told to the supervision department */
  'complaint.handling_complaint': { number: string; original: string };
  /** a complaint entered its formal review (#14 item 3): told to its reviewer (a department head, or the leadership group) */
  'complaint.review_requested': { number: string; round: number };
  /** the customer wrote on a complaint (a portal addition, an e-mail reply, a letter): told to its handler and tracker (#12) */
  'complaint.customer_wrote': { number: string; channel: CorrespondenceChannel };
  'clock.warning': ClockParams & { warning: number };
  'clock.breached': ClockParams & { step: number };
  /** the progress-report clock breached: nobody reported progress in time */
  'clock.stalled': ClockParams & { step: number };
  'clock.escalated': ClockParams & { step: number };
  /** a rectification request (#14 item 1): issued, nearly due, overdue, escalated, answered, rejected, verified */
  'rectification.notice': RectificationParams;
  'improvement.done': ImprovementParams;
  'improvement.verified': ImprovementParams;
  'improvement.reopened': ImprovementParams;
  'improvement.updated': ImprovementParams;
  /** a major complaint (#14): marked by the rules or a leader, told at once to the leadership group and senior management */
  'major.marked': { number: string; by: string; rules: string[]; reason: string | null };
  'major.unmarked': { number: string; by: string; reason: string };
  /** an action or milestone of a major complaint's emergency plan, told to its owner */
  'major.assigned': { number: string; title: string; dueAt: string | null; by: string };
  /** next year's working-day calendar is not confirmed; `link` opens its import */
  'calendar.unconfirmed': { year: number; link: string };
  'security.sign_in_attack': {
    target: 'account' | 'address';
    username: string | null;
    address: string | null;
    failures: number;
    windowMinutes: number;
    windowStart: string;
  };
  /**
   * To the complainant (#11 item 7, R-B2): the complaint was received, its number and the date by
   * which it will be answered (from the clocks); `link` tracks it on the portal.
   */
  'complainant.acknowledgment': { number: string; expectedBy: string; link: string; companyName: string };
  /** the handling result (R-D4), sent by the feedback step */
  'complainant.feedback': { number: string; content: string; link: string; companyName: string };
  /**
   * A staff member's reply from the complaint's correspondence thread (#12 item 5): the subject they
   * gave (empty: a default one) and their text; `by` names who wrote it (not offered to the text).
   */
  'complainant.reply': { number: string; subject: string; text: string; link: string; companyName: string; by?: string };
  /**
   * A concluded complaint (#11 item 7): the routes left to the customer, mediation, arbitration,
   * court, and the regulator's hotline of the business line's sector (12378 insurance, 12386 securities).
   */
  'complainant.final_notice': { number: string; sector: 'insurance' | 'securities'; hotline: '12378' | '12386'; companyName: string };
  /**
   * A one-time code (#12 item 1) for a phone or e-mail being verified on the portal or in the app.
   * Stored encrypted (enc:v1) in the message and revealed only to render the message being sent.
   */
  'complainant.code': { code: string; minutes: number };
  /** a message to the complainant could not be delivered: told to the complaint's handler and tracker */
  'message.failed': { number: string; purpose: string; channel: 'email' | 'sms' };
  /** an incoming e-mail could not be imported: kept raw in the quarantine, told to administrators (#12) */
  'mail.quarantined': { mailboxName: string; subject: string; reason: string; link: string };
  /** a mailbox received nothing successfully for its configured minutes: told to administrators once (#12) */
  'mail.mailbox_stalled': { mailboxName: string; stallMinutes: number; lastError: string | null; link: string };
  /** a report to the leadership was built and can be read, commented and made final (#13 items 4, 5); `link` opens it */
  'report.ready': { title: string; version: number; automatic: boolean; link: string };
  /**
   * A product, category or branch whose complaints rose sharply above its own baseline (#13, R-F3):
   * a tracked exception, told to the supervision inspectors. `from`..`to` are the window's local dates.
   */
  'spike.raised': SpikeParams;
  /** the day before a training session (#15 item 1): told to its enrolled attendees; `when` is the local start time */
  'training.reminder': { planTitle: string; sessionTitle: string; when: string; place: string; link: string };
  /** a staff member's daily digest: the notices of the kinds they chose to receive once a day */
  'staff.digest': { count: number; date: string; lines: string[] };
  /** a notification written as finished text before templates (migration 0007): the text, its English if it had one */
  'legacy.text': { text: string; en?: string; number?: string; link?: string };
}

export type TemplateCode = keyof TemplateParams;

/** A message: a template and its parameters; `Message` is the union over every template. */
export type Message<K extends TemplateCode = TemplateCode> = { [T in K]: { template: T; params: TemplateParams[T] } }[K];

type Texts = { [K in TemplateCode]: Record<Locale, (p: TemplateParams[K]) => string> };

const action = (p: TemplateParams['complaint.action'], lang: 'zh' | 'en') => `${p.number} ${TRANSITIONS[p.action][lang]}`;
const clock = (p: ClockParams, lang: 'zh' | 'en') => clockName(p.clockKind, p.label)[lang];
const improvement = (zh: string, en: string): Texts['improvement.done'] => ({
  'zh-CN': (p) => `${p.number} ${zh}：${p.title}`,
  'en-US': (p) => `${p.number} ${en}: ${p.title}`,
});
const who = (p: TemplateParams['security.sign_in_attack']) => (p.target === 'account' ? p.username : p.address) ?? '';

/** Why an incoming e-mail was quarantined, in words. */
export const reasonLabel = (reason: string, lang: 'zh' | 'en') => (isInboundReason(reason) ? INBOUND_REASON_LABELS[reason][lang] : reason);

/** What a message to the complainant was for (messages.purpose). */
const PURPOSES: Record<string, { zh: string; en: string }> = {
  acknowledgment: { zh: '受理回执', en: 'acknowledgment' },
  feedback: { zh: '处理结果告知', en: 'result' },
  final_notice: { zh: '办结告知', en: 'final notice' },
  reply: { zh: '回复投诉人', en: 'reply' },
};

/** The correspondence channels in words. */
export const CORRESPONDENCE_CHANNEL_NAMES: Record<CorrespondenceChannel, { zh: string; en: string }> = {
  email: { zh: '电子邮件', en: 'e-mail' },
  sms: { zh: '短信', en: 'SMS' },
  portal: { zh: '网上服务', en: 'online' },
  letter: { zh: '书信', en: 'letter' },
  hotline: { zh: '热线', en: 'hotline' },
};

function channelLabel(code: string, lang: 'zh' | 'en'): string {
  const entry = defaultChannels.find((c) => c.code === code);
  return entry ? entry[lang] : code;
}

const TEXTS: Texts = {
  'complaint.action': { 'zh-CN': (p) => action(p, 'zh'), 'en-US': (p) => action(p, 'en') },
  'complaint.level1_registered': {
    'zh-CN': (p) => `${p.number} 一级投诉已受理`,
    'en-US': (p) => `${p.number} level-1 complaint registered`,
  },
  'complaint.level1_regraded': {
    'zh-CN': (p) => `${p.number} 升级为一级投诉`,
    'en-US': (p) => `${p.number} raised to level 1`,
  },
  'complaint.arrived': {
    'zh-CN': (p) => `${p.number} 新投诉经${channelLabel(p.channel, 'zh')}提交，待分派处理人`,
    'en-US': (p) => `${p.number} new complaint via ${channelLabel(p.channel, 'en')}, awaiting a handler`,
  },
  'complaint.handling_complaint': {
    'zh-CN': (p) => `${p.number} 客户对投诉 ${p.original} 的处理情况提出投诉，请指派未处理过原投诉的人员处理`,
    'en-US': (p) => `${p.number} a complaint about how complaint ${p.original} was handled: assign someone who did not handle it`,
  },
  'complaint.review_requested': {
    'zh-CN': (p) => `${p.number} 已进入第 ${p.round} 轮处理，须由您正式复核并作出结论`,
    'en-US': (p) => `${p.number} is in round ${p.round}: it awaits your formal review and conclusion`,
  },
  'complaint.customer_wrote': {
    'zh-CN': (p) => `${p.number} 客户来信（${CORRESPONDENCE_CHANNEL_NAMES[p.channel].zh}），请查看往来沟通`,
    'en-US': (p) => `${p.number} the customer wrote (${CORRESPONDENCE_CHANNEL_NAMES[p.channel].en}): see the correspondence`,
  },
  'clock.warning': {
    'zh-CN': (p) => `${p.number} 时限预警：${clock(p, 'zh')}即将到期`,
    'en-US': (p) => `${p.number} deadline warning: ${clock(p, 'en')} is nearly due`,
  },
  'clock.breached': {
    'zh-CN': (p) => `${p.number} 已超时：${clock(p, 'zh')}`,
    'en-US': (p) => `${p.number} deadline missed: ${clock(p, 'en')}`,
  },
  'clock.stalled': {
    'zh-CN': (p) => `${p.number} 进展停滞：未按时报告进展`,
    'en-US': (p) => `${p.number} progress stalled: no progress report in time`,
  },
  'clock.escalated': {
    'zh-CN': (p) => `${p.number} 超时升级（第 ${p.step} 级）：${clock(p, 'zh')}`,
    'en-US': (p) => `${p.number} escalation step ${p.step}: ${clock(p, 'en')} overdue`,
  },
  'rectification.notice': { 'zh-CN': (p) => rectification(p, 'zh'), 'en-US': (p) => rectification(p, 'en') },
  'improvement.done': improvement('整改措施已完成，待验证', 'improvement action done, to be verified'),
  'improvement.verified': improvement('整改措施已验证有效', 'improvement action verified'),
  'improvement.reopened': improvement('整改措施验证未通过，重新整改', 'improvement action not effective: open again'),
  'improvement.updated': improvement('整改措施已变更', 'improvement action changed'),
  'major.marked': {
    'zh-CN': (p) => `${p.number} 已认定为重大投诉（${majorBasis(p, 'zh')}），请立即启动应急预案`,
    'en-US': (p) => `${p.number} marked a major complaint (${majorBasis(p, 'en')}): start the emergency plan now`,
  },
  'major.unmarked': {
    'zh-CN': (p) => `${p.number} 已取消重大投诉认定（${p.reason}）`,
    'en-US': (p) => `${p.number} is no longer a major complaint (${p.reason})`,
  },
  'major.assigned': {
    'zh-CN': (p) => `${p.number} 重大投诉应急预案事项：${p.title}`,
    'en-US': (p) => `${p.number} emergency plan item: ${p.title}`,
  },
  'calendar.unconfirmed': {
    'zh-CN': (p) => `${p.year} 年工作日历尚未确认：当前按法定节假日推算，调休未知。请导入国务院通知。`,
    'en-US': (p) =>
      `The ${p.year} working-day calendar is not confirmed: counted with the statutory holidays, adjusted working days unknown. Import the State Council's notice.`,
  },
  'security.sign_in_attack': {
    'zh-CN': (p) =>
      `疑似密码猜测：${p.target === 'account' ? '账号' : '地址'} ${who(p)} 在 ${p.windowMinutes} 分钟内登录失败 ${p.failures} 次`,
    'en-US': (p) =>
      `Possible password guessing: ${p.failures} failed sign-ins ${p.target === 'account' ? 'for account' : 'from address'} ${who(p)} within ${p.windowMinutes} minutes`,
  },
  'complainant.acknowledgment': {
    'zh-CN': (p) => `您的投诉已受理，编号 ${p.number}，我们将于 ${p.expectedBy} 前答复您。查询进度：${p.link}`,
    'en-US': (p) => `Your complaint has been received, number ${p.number}. We will answer by ${p.expectedBy}. Track it: ${p.link}`,
  },
  'complainant.feedback': {
    'zh-CN': (p) => `关于投诉 ${p.number} 的处理结果：${p.content}`,
    'en-US': (p) => `The result of complaint ${p.number}: ${p.content}`,
  },
  'complainant.reply': {
    'zh-CN': (p) => `${p.text}\n\n投诉编号 ${p.number}，查询进度：${p.link}`,
    'en-US': (p) => `${p.text}\n\nComplaint ${p.number}. Track it: ${p.link}`,
  },
  'complainant.final_notice': {
    'zh-CN': (p) =>
      `投诉 ${p.number} 已办结。如您对处理结果仍有异议，可申请调解、仲裁或向人民法院提起诉讼，也可拨打${p.sector === 'securities' ? '中国证监会' : '国家金融监督管理总局'}投诉热线 ${p.hotline}。`,
    'en-US': (p) =>
      `Complaint ${p.number} is concluded. If you still disagree with the result you may seek mediation, arbitration or go to court, or call the ${p.sector === 'securities' ? 'CSRC' : 'NFRA'} hotline ${p.hotline}.`,
  },
  'complainant.code': {
    'zh-CN': (p) => `您的验证码是 ${p.code}，${p.minutes} 分钟内有效。请勿告诉他人；如非本人操作，请忽略本消息。`,
    'en-US': (p) =>
      `Your verification code is ${p.code}. It is valid for ${p.minutes} minutes. Do not share it; if you did not ask for it, ignore this message.`,
  },
  'mail.quarantined': {
    'zh-CN': (p) => `来信已隔离（${p.mailboxName}）：${reasonLabel(p.reason, 'zh')}，主题“${p.subject}”`,
    'en-US': (p) => `Incoming e-mail quarantined (${p.mailboxName}): ${reasonLabel(p.reason, 'en')}, subject "${p.subject}"`,
  },
  'mail.mailbox_stalled': {
    'zh-CN': (p) => `邮箱“${p.mailboxName}”已超过 ${p.stallMinutes} 分钟未成功收信。最近错误：${p.lastError ?? '无'}`,
    'en-US': (p) =>
      `Mailbox "${p.mailboxName}" has not received mail successfully for over ${p.stallMinutes} minutes. Last error: ${p.lastError ?? 'none'}`,
  },
  'message.failed': {
    'zh-CN': (p) =>
      `${p.number} 客户消息发送失败（${PURPOSES[p.purpose]?.zh ?? p.purpose}，${p.channel === 'sms' ? '短信' : '电子邮件'}），请改用其他方式联系客户`,
    'en-US': (p) =>
      `${p.number} message to the customer not delivered (${PURPOSES[p.purpose]?.en ?? p.purpose}, ${p.channel === 'sms' ? 'SMS' : 'e-mail'}): contact the customer another way`,
  },
  'report.ready': {
    'zh-CN': (p) => `${p.title}（第 ${p.version} 版）已生成，请审阅并批注`,
    'en-US': (p) => `${p.title} (version ${p.version}) is ready: please review and comment`,
  },
  'spike.raised': {
    'zh-CN': (p) =>
      `投诉量异常上升：${SPIKE_SUBJECT_NAMES[p.subject].zh}“${p.nameZh}”${p.from} 至 ${p.to} 收到投诉 ${p.count} 件，此前 ${p.baselineWeeks} 周平均每周 ${p.baselineMean} 件`,
    'en-US': (p) =>
      `Complaints rising sharply: ${SPIKE_SUBJECT_NAMES[p.subject].en} "${p.nameEn}" received ${p.count} complaints from ${p.from} to ${p.to}, against ${p.baselineMean} a week over the ${p.baselineWeeks} weeks before`,
  },
  'training.reminder': {
    'zh-CN': (p) => `培训提醒：${p.planTitle}“${p.sessionTitle}”将于 ${p.when} 在${p.place}举行`,
    'en-US': (p) => `Training reminder: ${p.planTitle} "${p.sessionTitle}" at ${p.when}, ${p.place}`,
  },
  'staff.digest': {
    'zh-CN': (p) => `${p.date} 通知摘要（${p.count} 条）\n${p.lines.join('\n')}`,
    'en-US': (p) => `Digest of ${p.date} (${p.count} notices)\n${p.lines.join('\n')}`,
  },
  'legacy.text': { 'zh-CN': (p) => p.text, 'en-US': (p) => p.en ?? p.text },
};

/** Every template code, for the API's schema and the checks. */
export const TEMPLATE_CODES = [
  'complaint.action',
  'complaint.level1_registered',
  'complaint.level1_regraded',
  'complaint.arrived',
  'complaint.handling_complaint',
  'complaint.review_requested',
  'complaint.customer_wrote',
  'clock.warning',
  'clock.breached',
  'clock.stalled',
  'clock.escalated',
  'rectification.notice',
  'improvement.done',
  'improvement.verified',
  'improvement.reopened',
  'improvement.updated',
  'major.marked',
  'major.unmarked',
  'major.assigned',
  'calendar.unconfirmed',
  'security.sign_in_attack',
  'complainant.acknowledgment',
  'complainant.feedback',
  'complainant.reply',
  'complainant.final_notice',
  'complainant.code',
  'message.failed',
  'mail.quarantined',
  'mail.mailbox_stalled',
  'report.ready',
  'spike.raised',
  'training.reminder',
  'staff.digest',
  'legacy.text',
] as const satisfies readonly TemplateCode[];

/** tsc fails here when a template is missing from TEMPLATE_CODES. */
const everyCodeListed: Exclude<TemplateCode, (typeof TEMPLATE_CODES)[number]> extends never ? true : false = true;
void everyCodeListed;

export function isTemplateCode(value: string): value is TemplateCode {
  return (TEMPLATE_CODES as readonly string[]).includes(value);
}

/** The message's text in one language. */
export function renderMessage<K extends TemplateCode>(m: Message<K>, locale: Locale): string {
  const texts: Texts[K] = TEXTS[m.template];
  return texts[locale](m.params);
}
