/**
 * The built-in texts of the outgoing templates (#11 item 5): the bodies say what renderMessage
 * says (message-templates.ts), with `{{variables}}` where it fills in values; the subjects are the
 * first line for staff and "company: what happened" for complainants. Pure data.
 */
import type { Locale, TemplateCode } from './message-templates.js';

/** An e-mail subject and the body (the e-mail's text, and the SMS). */
export interface TemplateText {
  subject: string;
  body: string;
}

type Code = Exclude<TemplateCode, 'legacy.text'>;

/** The same line as subject and body: short staff notices. */
const line = (zh: string, en: string): Record<Locale, TemplateText> => ({
  'zh-CN': { subject: zh, body: zh },
  'en-US': { subject: en, body: en },
});

const improvement = (zh: string, en: string) => line(`{{number}} ${zh}：{{title}}`, `{{number}} ${en}: {{title}}`);

export const BUILT_IN: Readonly<Record<Code, Readonly<Record<Locale, TemplateText>>>> = {
  'complaint.action': line('{{number}} {{actionName}}', '{{number}} {{actionName}}'),
  'complaint.level1_registered': line('{{number}} 一级投诉已受理', '{{number}} level-1 complaint registered'),
  'complaint.level1_regraded': line('{{number}} 升级为一级投诉', '{{number}} raised to level 1'),
  'complaint.customer_wrote': line(
    '{{number}} 客户来信（{{correspondenceChannelName}}），请查看往来沟通',
    '{{number}} the customer wrote ({{correspondenceChannelName}}): see the correspondence',
  ),
  'complaint.arrived': line(
    '{{number}} 新投诉经{{intakeChannelName}}提交，待分派处理人',
    '{{number}} new complaint via {{intakeChannelName}}, awaiting a handler',
  ),
  'complaint.handling_complaint': line(
    '{{number}} 客户对投诉 {{originalNumber}} 的处理情况提出投诉，请指派未处理过原投诉的人员处理',
    '{{number}} a complaint about how complaint {{originalNumber}} was handled: assign someone who did not handle it',
  ),
  'complaint.review_requested': line(
    '{{number}} 已进入第 {{round}} 轮处理，须由您正式复核并作出结论',
    '{{number}} is in round {{round}}: it awaits your formal review and conclusion',
  ),
  'clock.warning': line('{{number}} 时限预警：{{clockName}}即将到期', '{{number}} deadline warning: {{clockName}} is nearly due'),
  'clock.breached': line('{{number}} 已超时：{{clockName}}', '{{number}} deadline missed: {{clockName}}'),
  'clock.stalled': line('{{number}} 进展停滞：未按时报告进展', '{{number}} progress stalled: no progress report in time'),
  'clock.escalated': line(
    '{{number}} 超时升级（第 {{step}} 级）：{{clockName}}',
    '{{number}} escalation step {{step}}: {{clockName}} overdue',
  ),
  'rectification.notice': line('{{eventName}}：{{title}}', '{{eventName}}: {{title}}'),
  'improvement.done': improvement('整改措施已完成，待验证', 'improvement action done, to be verified'),
  'improvement.verified': improvement('整改措施已验证有效', 'improvement action verified'),
  'improvement.reopened': improvement('整改措施验证未通过，重新整改', 'improvement action not effective: open again'),
  'improvement.updated': improvement('整改措施已变更', 'improvement action changed'),
  'major.marked': line(
    '{{number}} 已认定为重大投诉（{{reasonName}}），请立即启动应急预案',
    '{{number}} marked a major complaint ({{reasonName}}): start the emergency plan now',
  ),
  'major.unmarked': line('{{number}} 已取消重大投诉认定（{{reasonName}}）', '{{number}} is no longer a major complaint ({{reasonName}})'),
  'major.assigned': line('{{number}} 重大投诉应急预案事项：{{title}}', '{{number}} emergency plan item: {{title}}'),
  'calendar.unconfirmed': {
    'zh-CN': {
      subject: '{{year}} 年工作日历尚未确认',
      body: '{{year}} 年工作日历尚未确认：当前按法定节假日推算，调休未知。请导入国务院通知。',
    },
    'en-US': {
      subject: 'The {{year}} working-day calendar is not confirmed',
      body: "The {{year}} working-day calendar is not confirmed: counted with the statutory holidays, adjusted working days unknown. Import the State Council's notice.",
    },
  },
  'security.sign_in_attack': line(
    '疑似密码猜测：{{targetName}} {{who}} 在 {{windowMinutes}} 分钟内登录失败 {{failures}} 次',
    'Possible password guessing: {{failures}} failed sign-ins for {{targetName}} {{who}} within {{windowMinutes}} minutes',
  ),
  'complainant.acknowledgment': {
    'zh-CN': {
      subject: '{{companyName}}：您的投诉已受理，编号 {{number}}',
      body: '您的投诉已受理，编号 {{number}}，我们将于 {{expectedBy}} 前答复您。查询进度：{{link}}',
    },
    'en-US': {
      subject: '{{companyName}}: your complaint {{number}} has been received',
      body: 'Your complaint has been received, number {{number}}. We will answer by {{expectedBy}}. Track it: {{link}}',
    },
  },
  'complainant.feedback': {
    'zh-CN': { subject: '{{companyName}}：关于投诉 {{number}} 的处理结果', body: '关于投诉 {{number}} 的处理结果：{{content}}' },
    'en-US': { subject: '{{companyName}}: the result of complaint {{number}}', body: 'The result of complaint {{number}}: {{content}}' },
  },
  'complainant.reply': {
    'zh-CN': {
      subject: '{{companyName}}：{{replySubject}}（投诉编号 {{number}}）',
      body: '{{replyText}}\n\n投诉编号 {{number}}，查询进度：{{link}}',
    },
    'en-US': {
      subject: '{{companyName}}: {{replySubject}} (complaint {{number}})',
      body: '{{replyText}}\n\nComplaint {{number}}. Track it: {{link}}',
    },
  },
  'complainant.final_notice': {
    'zh-CN': {
      subject: '{{companyName}}：投诉 {{number}} 已办结',
      body: '投诉 {{number}} 已办结。如您对处理结果仍有异议，可申请调解、仲裁或向人民法院提起诉讼，也可拨打{{regulatorName}}投诉热线 {{hotline}}。',
    },
    'en-US': {
      subject: '{{companyName}}: complaint {{number}} is concluded',
      body: 'Complaint {{number}} is concluded. If you still disagree with the result you may seek mediation, arbitration or go to court, or call the {{regulatorName}} hotline {{hotline}}.',
    },
  },
  'complainant.code': {
    'zh-CN': {
      subject: '{{companyName}}：您的验证码',
      body: '您的验证码是 {{code}}，{{minutes}} 分钟内有效。请勿告诉他人；如非本人操作，请忽略本消息。',
    },
    'en-US': {
      subject: '{{companyName}}: your verification code',
      body: 'Your verification code is {{code}}. It is valid for {{minutes}} minutes. Do not share it; if you did not ask for it, ignore this message.',
    },
  },
  'mail.quarantined': line(
    '来信已隔离（{{mailboxName}}）：{{reasonName}}，主题“{{mailSubject}}”',
    'Incoming e-mail quarantined ({{mailboxName}}): {{reasonName}}, subject "{{mailSubject}}"',
  ),
  'mail.mailbox_stalled': line(
    '邮箱“{{mailboxName}}”已超过 {{stallMinutes}} 分钟未成功收信。最近错误：{{lastError}}',
    'Mailbox "{{mailboxName}}" has not received mail successfully for over {{stallMinutes}} minutes. Last error: {{lastError}}',
  ),
  'message.failed': line(
    '{{number}} 客户消息发送失败（{{purposeName}}，{{channelName}}），请改用其他方式联系客户',
    '{{number}} message to the customer not delivered ({{purposeName}}, {{channelName}}): contact the customer another way',
  ),
  'spike.raised': {
    'zh-CN': {
      subject: '投诉量异常上升：{{subjectKindName}}“{{subjectName}}”',
      body: '投诉量异常上升：{{subjectKindName}}“{{subjectName}}”{{periodFrom}} 至 {{periodTo}} 收到投诉 {{complaintCount}} 件，此前 {{baselineWeeks}} 周平均每周 {{baselineMean}} 件',
    },
    'en-US': {
      subject: 'Complaints rising sharply: {{subjectKindName}} "{{subjectName}}"',
      body: 'Complaints rising sharply: {{subjectKindName}} "{{subjectName}}" received {{complaintCount}} complaints from {{periodFrom}} to {{periodTo}}, against {{baselineMean}} a week over the {{baselineWeeks}} weeks before',
    },
  },
  'training.reminder': line(
    '培训提醒：{{planTitle}}“{{sessionTitle}}”将于 {{when}} 在{{place}}举行',
    'Training reminder: {{planTitle}} "{{sessionTitle}}" at {{when}}, {{place}}',
  ),
  'report.ready': line(
    '{{title}}（第 {{version}} 版）已生成，请审阅并批注',
    '{{title}} (version {{version}}) is ready: please review and comment',
  ),
  'staff.digest': {
    'zh-CN': { subject: '{{date}} 通知摘要（{{count}} 条）', body: '{{date}} 通知摘要（{{count}} 条）\n{{lines}}' },
    'en-US': { subject: 'Digest of {{date}} ({{count}} notices)', body: 'Digest of {{date}} ({{count}} notices)\n{{lines}}' },
  },
};
