import type { ErrorCode, ErrorParamArgs, ErrorParams, TransitionReason } from '../../domain/errors.js';
import type { ZodIssueParams } from '../../domain/errors/error-codes.js';
import type { Locale } from './locale.js';
import { trainingCasesPrivacyMessages } from './messages-training-cases.js';

/** A code's message in both languages, from the parameters the catalogue gives it. */
interface Message<P> {
  zh: (p: P) => string;
  en: (p: P) => string;
}

/** Every catalogued code has both messages, typed by its parameters: a missing one does not compile. */
type Messages = { readonly [C in ErrorCode]: Message<ErrorParams<C>> };

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
/** "合同.pdf：" before a file's problem when an upload carries several files (#12) */
const fileZh = (name: string | undefined) => (name ? `${name}：` : '');
const fileEn = (name: string | undefined) => (name ? `${name}: ` : '');

/** A wait in words: seconds under a minute, then whole minutes, then hours (rounded up). */
function waitInWords(seconds: unknown, locale: 'zh' | 'en'): string {
  const n = Math.max(1, Math.ceil(Number(seconds) || 1));
  const [count, zh, en] =
    n < 60 ? [n, '秒', 'second'] : n < 3600 ? [Math.ceil(n / 60), '分钟', 'minute'] : [Math.ceil(n / 3600), '小时', 'hour'];
  return locale === 'zh' ? `${count} ${zh}` : `${count} ${en}${count === 1 ? '' : 's'}`;
}

const transitionReasonZh: Readonly<Record<TransitionReason, string>> = {
  status: '状态不允许',
  level: '该投诉级别不适用',
  only_level_3_on_the_spot: '只有三级投诉可以当场解决并直接反馈',
  customer_dissatisfied: '客户不满意，须重新处理',
  survey_missing: '尚未回访确认满意，请填写办结原因',
  exceeds_maximum: '超过调查期限上限',
  milestone_not_open: '该节点已完成或已取消',
  regulatory_clock_not_running: '监管时限已结束',
  days_out_of_range: '延长天数超出允许范围',
  compensation_not_proposed: '该赔偿方案已审批过',
  compensation_not_approved: '赔偿方案尚未获批准',
  payment_status: '赔付状态不能这样变更（待支付 → 已支付/支付失败；支付失败 → 待支付）',
  improvement_not_open: '整改措施不是进行中状态',
  improvement_not_done: '整改措施尚未完成',
  improvement_verified: '整改措施已验证，不能再变更',
  extension_not_pending: '该延期申请已审批过',
  investigation_clock_not_running: '调查时限已不在计时中',
  regulatory_clock_breached: '监管时限已超期，不能再延长',
  clocks_already_paused: '计时已暂停',
  clocks_not_paused: '计时未暂停',
  no_clock_to_pause: '没有可暂停的计时',
  merge_target_not_open: '目标投诉已结束，不能合并到该投诉',
  four_eyes: '四眼原则：提出方案或申请的人不能自己审批',
  level_not_confirmed: '投诉级别尚未确认，请先定级',
  compensation_unpaid: '已批准的赔偿尚未支付：请先登记支付，或填写放弃支付的原因',
  merge_in_progress: '这两件投诉正在被合并，请稍后重试',
  no_first_contact_clock: '没有待完成的初步联系期限（确认受理、首次答复或紧急投诉初步响应）',
  already_resolved: '已处理',
  already_major: '该投诉已认定为重大投诉',
  not_major: '该投诉不是重大投诉',
  not_in_formal_review: '该投诉未进入正式复核',
};
const transitionReasonEn: Readonly<Record<TransitionReason, string>> = {
  status: 'not allowed in this status',
  level: 'not for this level',
  only_level_3_on_the_spot: 'only level-3 complaints are answered on the spot',
  customer_dissatisfied: 'the customer is dissatisfied: reopen it',
  survey_missing: 'no satisfied survey yet: give a closing reason',
  exceeds_maximum: 'beyond the maximum investigation time',
  milestone_not_open: 'the milestone is already done or cancelled',
  regulatory_clock_not_running: 'the regulatory clock is no longer running',
  days_out_of_range: 'the new limit is out of range',
  compensation_not_proposed: 'this compensation was already decided',
  compensation_not_approved: 'this compensation is not approved',
  payment_status: 'the payment cannot move that way (pending -> paid | failed; failed -> pending)',
  improvement_not_open: 'the improvement action is not open',
  improvement_not_done: 'the improvement action is not done yet',
  improvement_verified: 'the improvement action is verified and final',
  extension_not_pending: 'this extension request was already decided',
  investigation_clock_not_running: 'the investigation clock is not running',
  regulatory_clock_breached: 'the regulatory deadline has passed and can no longer be extended',
  clocks_already_paused: 'the clocks are already paused',
  clocks_not_paused: 'the clocks are not paused',
  no_clock_to_pause: 'no running clock to pause',
  merge_target_not_open: 'the target complaint is no longer open',
  four_eyes: 'four eyes: whoever proposed or requested it may not decide it',
  level_not_confirmed: 'the level is not confirmed yet: grade it first',
  compensation_unpaid: 'approved compensation is unpaid: record the payment, or give the reason it is waived',
  merge_in_progress: 'these two complaints are being merged right now: try again',
  no_first_contact_clock: 'no first-contact deadline is running (acknowledgment, first online reply, urgent initial response)',
  already_resolved: 'it is already resolved',
  already_major: 'the complaint is already a major complaint',
  not_major: 'the complaint is not a major complaint',
  not_in_formal_review: 'the complaint is not in a formal review',
};
/** zod's `inclusive: false` (z.positive(), .gt()); a boolean from route schemas, 'false' from service issues. */
const exclusive = (p: ZodIssueParams) => p.inclusive === false || p.inclusive === 'false';

/** Error codes and their messages; every code the API returns is here, in both languages. */
const messages = {
  ...trainingCasesPrivacyMessages,
  validation_failed: { zh: () => '请求参数有误', en: () => 'The request has invalid fields' },
  invalid_json: { zh: () => '请求体不是有效的 JSON', en: () => 'The request body is not valid JSON' },
  empty_body: { zh: () => '请求体为空', en: () => 'The request body is empty' },
  unsupported_media_type: {
    zh: (p) => `不支持的内容类型 ${s(p.contentType)}，请使用 application/json`,
    en: (p) => `Unsupported content type ${s(p.contentType)}; use application/json`,
  },
  payload_too_large: { zh: () => '请求体过大', en: () => 'The request body is too large' },
  not_found: { zh: () => '未找到', en: () => 'Not found' },
  validation: {
    zh: (p) => (p.detail ? `输入无效：${s(p.detail)}` : '输入无效'),
    en: (p) => (p.detail ? `invalid input: ${s(p.detail)}` : 'invalid input'),
  },
  route_not_found: { zh: (p) => `接口不存在：${s(p.route)}`, en: (p) => `No such endpoint: ${s(p.route)}` },
  complaint_not_found: { zh: () => '投诉不存在', en: () => 'Complaint not found' },
  saved_view_not_found: { zh: () => '保存的视图不存在', en: () => 'Saved view not found' },
  export_too_large: {
    zh: (p) => `导出结果超过 ${s(p.max)} 条，请缩小筛选范围`,
    en: (p) => `The export would exceed ${s(p.max)} rows; narrow the filter`,
  },
  idempotency_key_reused: {
    zh: () => '该幂等键已用于另一个不同的请求',
    en: () => 'This Idempotency-Key was already used for a different request',
  },
  policy_version_not_found: { zh: () => '制度配置版本不存在', en: () => 'Policy version not found' },
  conflict: { zh: () => '数据已被他人修改，请刷新后重试', en: () => 'The record changed meanwhile; reload and retry' },
  internal: { zh: () => '服务器内部错误', en: () => 'Internal server error' },
  unauthenticated: { zh: () => '请先登录', en: () => 'Sign in first' },
  forbidden: { zh: () => '没有执行此操作的权限', en: () => 'You are not allowed to do this' },
  csrf_failed: { zh: () => '缺少或错误的 CSRF 令牌（X-CSRF-Token）', en: () => 'Missing or wrong CSRF token (X-CSRF-Token)' },
  password_change_required: { zh: () => '首次登录须先修改密码', en: () => 'Change your password before continuing' },
  invalid_credentials: { zh: () => '用户名或密码错误', en: () => 'Wrong username or password' },
  too_many_attempts: {
    zh: (p) => `尝试次数过多，请 ${waitInWords(p.retryAfterSeconds, 'zh')}后再试`,
    en: (p) => `Too many attempts; try again in ${waitInWords(p.retryAfterSeconds, 'en')}`,
  },
  too_many_requests: { zh: () => '请求过于频繁，请稍后再试', en: () => 'Too many requests; try again later' },
  database_unavailable: { zh: () => '数据库暂时不可用，请稍后重试', en: () => 'The database is unavailable right now; try again shortly' },
  password_wrong: { zh: () => '当前密码不正确', en: () => 'the current password is wrong' },
  password_unchanged: { zh: () => '新密码不能与当前密码相同', en: () => 'must differ from the current password' },
  password_too_short: { zh: () => '密码至少 12 个字符', en: () => 'must have at least 12 characters' },
  password_too_long: { zh: () => '密码最多 128 个字符', en: () => 'must have at most 128 characters' },
  password_too_simple: {
    zh: () => '密码须包含小写字母、大写字母、数字、符号中的至少三类',
    en: () => 'needs at least three of: lower case, upper case, digits, symbols',
  },
  password_contains_username: { zh: () => '密码不能包含用户名', en: () => 'must not contain the username' },
  password_common: { zh: () => '密码过于常见', en: () => 'is too common' },
  action_not_held: {
    zh: (p) => `你本人没有权限 ${s(p.action)}，令牌不能授予`,
    en: (p) => `you do not hold ${s(p.action)}, so a token cannot grant it`,
  },
  unknown_role: { zh: (p) => `未知角色：${s(p.value)}`, en: (p) => `unknown role: ${s(p.value)}` },
  unknown_org_unit: { zh: (p) => `组织单元不存在或已停用：${s(p.value)}`, en: (p) => `unknown or inactive org unit: ${s(p.value)}` },
  invalid_transition: {
    zh: (p) => `当前状态（${s(p.status)}）不能执行「${s(p.action)}」：${transitionReasonZh[p.reason] ?? s(p.reason)}`,
    en: (p) => `"${s(p.action)}" is not possible in status ${s(p.status)}: ${transitionReasonEn[p.reason] ?? s(p.reason)}`,
  },
  unknown_user: { zh: (p) => `用户不存在或已停用：${s(p.value)}`, en: (p) => `unknown or inactive user: ${s(p.value)}` },
  assignment_empty: { zh: () => '至少指定处理人、跟踪人或责任部门之一', en: () => 'name an assignee, a tracker or a department' },
  cannot_lock_yourself_out: {
    zh: () => '不能停用自己或移除自己的管理员角色',
    en: () => 'you cannot deactivate yourself or drop your own administrator role',
  },
  username_taken: { zh: () => '用户名已存在', en: () => 'this username is taken' },
  code_taken: { zh: () => '代码已存在', en: () => 'this code is taken' },
  user_not_found: { zh: () => '用户不存在', en: () => 'User not found' },
  org_unit_not_found: { zh: () => '组织单元不存在', en: () => 'Org unit not found' },
  webhook_not_found: { zh: () => 'Webhook 订阅不存在', en: () => 'Webhook subscription not found' },
  webhook_url_invalid: {
    zh: (p) =>
      p.reason === 'scheme'
        ? '只能使用 http:// 或 https:// 地址'
        : p.reason === 'credentials'
          ? '地址中不能包含用户名或密码'
          : '不是有效的网址',
    en: (p) =>
      p.reason === 'scheme'
        ? 'must be an http:// or https:// address'
        : p.reason === 'credentials'
          ? 'must not contain a user name or password'
          : 'is not a valid URL',
  },
  webhook_inactive: {
    zh: () => '该 Webhook 订阅已停用，请先启用',
    en: () => 'This webhook subscription is deactivated; activate it first',
  },
  // field-level
  required: { zh: () => '必填', en: () => 'is required' },
  invalid_type: {
    zh: (p) => `类型错误，应为 ${s(p.expected)}`,
    en: (p) => `has the wrong type, expected ${s(p.expected)}`,
  },
  too_small: {
    zh: (p) =>
      p.origin === 'string'
        ? `长度至少为 ${s(p.minimum)}`
        : p.origin === 'array'
          ? `至少需要 ${s(p.minimum)} 项`
          : exclusive(p)
            ? `必须大于 ${s(p.minimum)}`
            : `不能小于 ${s(p.minimum)}`,
    en: (p) =>
      p.origin === 'string'
        ? `must be at least ${s(p.minimum)} characters`
        : p.origin === 'array'
          ? `needs at least ${s(p.minimum)} items`
          : exclusive(p)
            ? `must be greater than ${s(p.minimum)}`
            : `must be at least ${s(p.minimum)}`,
  },
  too_big: {
    zh: (p) =>
      p.origin === 'string'
        ? `长度不能超过 ${s(p.maximum)}`
        : p.origin === 'array'
          ? `最多 ${s(p.maximum)} 项`
          : exclusive(p)
            ? `必须小于 ${s(p.maximum)}`
            : `不能大于 ${s(p.maximum)}`,
    en: (p) =>
      p.origin === 'string'
        ? `must be at most ${s(p.maximum)} characters`
        : p.origin === 'array'
          ? `allows at most ${s(p.maximum)} items`
          : exclusive(p)
            ? `must be less than ${s(p.maximum)}`
            : `must be at most ${s(p.maximum)}`,
  },
  invalid_format: { zh: (p) => `格式错误（${s(p.format)}）`, en: (p) => `has an invalid format (${s(p.format)})` },
  invalid_value: {
    zh: (p) => `取值无效，可选：${Array.isArray(p.values) ? p.values.join('、') : ''}`,
    en: (p) => `is not an allowed value; allowed: ${Array.isArray(p.values) ? p.values.join(', ') : ''}`,
  },
  unrecognized_keys: { zh: (p) => `包含未知字段：${s(p.keys)}`, en: (p) => `has unknown fields: ${s(p.keys)}` },
  not_multiple_of: { zh: (p) => `必须是 ${s(p.divisor)} 的倍数`, en: (p) => `must be a multiple of ${s(p.divisor)}` },
  invalid_union: { zh: () => '不符合任何允许的格式', en: () => 'matches none of the allowed forms' },
  invalid_key: { zh: () => '包含无效的键', en: () => 'has an invalid key' },
  invalid_element: { zh: () => '包含无效的元素', en: () => 'has an invalid element' },
  custom: { zh: () => '取值无效', en: () => 'is not valid' },
  invalid_amount: {
    zh: () => '金额格式错误，应为不超过两位小数的非负数',
    en: () => 'must be a non-negative amount with at most 2 decimals',
  },
  amount_negative: { zh: () => '金额不能为负数', en: () => 'must not be negative' },
  amount_too_many_decimals: { zh: () => '金额最多两位小数', en: () => 'allows at most 2 decimals' },
  amount_too_large: { zh: () => '金额过大', en: () => 'is too large' },
  received_at_in_future: { zh: () => '受理时间不能晚于当前时间', en: () => 'must not be in the future' },
  contact_required: {
    zh: () => '至少需要一种联系方式（电话、邮箱或地址）',
    en: () => 'at least one contact (phone, e-mail or address) is required',
  },
  unknown_code: {
    zh: (p) => `未知或已停用的${s(p.taxonomy)}代码：${s(p.value)}`,
    en: (p) => `unknown or inactive ${s(p.taxonomy)} code: ${s(p.value)}`,
  },
  category_not_of_business_line: {
    zh: (p) => `投诉类别「${s(p.categoryZh ?? p.value)}」不属于业务条线「${s(p.lineZh ?? p.businessLine)}」，请重新选择`,
    en: (p) =>
      `the category "${s(p.categoryEn ?? p.value)}" is not one of the business line "${s(p.lineEn ?? p.businessLine)}": choose another`,
  },
  invalid_date: { zh: () => '日期无效', en: () => 'is not a valid date' },
  invalid_datetime: { zh: () => '时间格式无效，应为 ISO 8601', en: () => 'is not a valid ISO 8601 date-time' },
  reason_required: { zh: () => '必须填写原因', en: () => 'a reason is required' },
  invalid_cursor: { zh: () => '分页游标无效', en: () => 'is not a valid cursor' },
  invalid_ics: { zh: (p) => `iCalendar 文件无法解析：${s(p.detail)}`, en: (p) => `the iCalendar file cannot be read: ${s(p.detail)}` },
  calendar_import_invalid: { zh: (p) => `日历导入数据无效：${s(p.detail)}`, en: (p) => `the calendar import is invalid: ${s(p.detail)}` },
  year_out_of_range: { zh: () => '年份应在 1900 至 2200 之间', en: () => 'the year must be between 1900 and 2200' },
  invalid_policy: {
    zh: (p) => (p.message ? `制度配置无效：${s(p.message)}` : '制度配置无效'),
    en: (p) => (p.message ? `invalid policy: ${s(p.message)}` : 'invalid policy'),
  },
  range_inverted: { zh: () => '起始时间晚于结束时间', en: () => 'the start is after the end' },
  // message templates (#11 item 5)
  template_unknown_variable: {
    zh: (p) => `模板没有变量 {{${s(p.name)}}}，请从可用变量中选择`,
    en: (p) => `the template offers no variable {{${s(p.name)}}}; pick one of the variables listed`,
  },
  template_missing_variable: {
    zh: (p) => `正文必须包含变量 {{${s(p.name)}}}`,
    en: (p) => `the body must use the variable {{${s(p.name)}}}`,
  },
  template_unbalanced_braces: {
    zh: (p) => `第 ${s(p.at)} 个字符处的花括号不成对，变量应写作 {{变量名}}`,
    en: (p) => `unbalanced braces at character ${s(p.at)}; write a variable as {{name}}`,
  },
  template_too_long: { zh: (p) => `内容过长，最多 ${s(p.max)} 个字符`, en: (p) => `is too long; at most ${s(p.max)} characters` },
  // compensation and improvement actions (R-D3)
  due_at_not_in_future: { zh: () => '期限必须晚于当前时间', en: () => 'must be in the future' },
  in_future: { zh: () => '不能晚于当前时间', en: () => 'must not be in the future' },
  // messages leaving the system (#11)
  message_not_found: { zh: () => '消息不存在', en: () => 'message not found' },
  message_not_resendable: {
    zh: (p) => `只有发送失败的消息可以重发（当前状态：${s(p.status)}）`,
    en: (p) => `only a failed message can be resent (it is ${s(p.status)})`,
  },
  job_not_failed: { zh: () => '该后台任务不是失败状态，无需重试', en: () => 'the job has not failed; nothing to retry' },
  receipt_token_invalid: { zh: () => '回执令牌无效', en: () => 'invalid receipt token' },
  mailbox_not_found: { zh: () => '收件邮箱不存在', en: () => 'mailbox not found' },
  mailbox_address_taken: { zh: () => '其他收件邮箱已使用该地址', en: () => 'another mailbox has this address' },
  mailbox_address_invalid: {
    zh: () => '请填写有效的电子邮箱地址，例如 tousu@example.com',
    en: () => 'give a valid e-mail address, such as complaints@example.com',
  },
  inbound_mail_not_found: { zh: () => '来信记录不存在', en: () => 'incoming e-mail not found' },
  inbound_mail_not_reprocessable: {
    zh: (p) =>
      `只有已隔离的来信可以重新导入（当前：${({ created: '已生成投诉', threaded: '已归入投诉', ignored: '已忽略' } as Record<string, string>)[p.outcome] ?? s(p.outcome)}）`,
    en: (p) =>
      `only a quarantined e-mail can be imported again (this one ${({ created: 'became a complaint', threaded: 'was added to a complaint', ignored: 'was ignored' } as Record<string, string>)[p.outcome] ?? s(p.outcome)})`,
  },
  hotline_not_configured: {
    zh: () => '未配置热线接入（HOTLINE_WEBHOOK_SECRET），不接收来电事件',
    en: () => 'the hotline integration is not configured (HOTLINE_WEBHOOK_SECRET); call events are not accepted',
  },
  hotline_signature_invalid: { zh: () => '来电事件签名无效', en: () => 'invalid call event signature' },
  hotline_signature_stale: {
    zh: () => '来电事件的时间戳超出允许范围（前后 5 分钟）',
    en: () => 'the call event timestamp is outside the allowed window (5 minutes either way)',
  },
  hotline_replayed: { zh: () => '该来电事件已接收过（重放）', en: () => 'this call event was received before (replay)' },
  hotline_call_not_found: { zh: () => '来电记录不存在', en: () => 'call not found' },
  hotline_call_closed: {
    zh: (p) => `该来电已${p.status === 'registered' ? '登记为投诉' : p.status === 'dismissed' ? '标记为非投诉' : '处理'}`,
    en: (p) =>
      `the call has already been ${p.status === 'registered' ? 'registered as a complaint' : p.status === 'dismissed' ? 'dismissed' : 'handled'}`,
  },
  hotline_call_busy: { zh: (p) => `${s(p.by)} 正在登记该来电`, en: (p) => `${s(p.by)} is registering this call` },
  // reports (#13 items 4, 5)
  report_not_found: { zh: () => '报告不存在', en: () => 'report not found' },
  report_not_editable: {
    zh: (p) => `报告${p.status === 'final' ? '已定稿' : p.status === 'failed' ? '生成失败' : '尚在生成'}，不能修改`,
    en: (p) =>
      `the report cannot be changed: it is ${p.status === 'final' ? 'final' : p.status === 'failed' ? 'failed' : 'still being built'}`,
  },
  report_not_ready: {
    zh: (p) => `报告${p.status === 'failed' ? '生成失败' : '尚在生成'}，暂无文件`,
    en: (p) => `the report has no file: it ${p.status === 'failed' ? 'failed to build' : 'is still being built'}`,
  },
  report_file_unavailable: { zh: () => '专项报告只有 PDF 文件', en: () => 'a special report has a PDF only' },
  report_month_in_future: { zh: () => '不能为尚未开始的月份生成报告', en: () => 'the month has not begun yet' },
  // inspections (#14 item 1)
  inspection_checklist_not_found: { zh: () => '检查清单不存在', en: () => 'inspection checklist not found' },
  inspection_plan_not_found: { zh: () => '检查计划不存在', en: () => 'inspection plan not found' },
  inspection_item_not_found: { zh: () => '抽样投诉不存在', en: () => 'sampled complaint not found' },
  inspection_finding_not_found: { zh: () => '检查发现不存在', en: () => 'finding not found' },
  rectification_not_found: { zh: () => '整改要求不存在', en: () => 'rectification request not found' },
  rectification_step_refused: {
    zh: (p) => `整改要求当前状态（${s(p.status)}）不允许此操作（${s(p.step)}）`,
    en: (p) => `the rectification request is ${s(p.status)}: ${s(p.step)} is not allowed`,
  },
  rectification_not_addressed: {
    zh: () => '只有整改对象本人或所在部门的人员可以答复',
    en: () => 'only the addressee or a member of the addressed department can answer',
  },
  inspection_plan_completed: { zh: () => '检查计划已完成，不能再修改', en: () => 'the inspection plan is completed' },
  inspection_unknown_item: { zh: (p) => `检查清单没有该项：${s(p.value)}`, en: (p) => `the checklist has no item ${s(p.value)}` },
  inspection_already_sampled: { zh: () => '该投诉已在样本中', en: () => 'the complaint is already in the sample' },
  inspection_addressee_required: { zh: () => '请指定部门或人员', en: () => 'name a department or a person' },
  inspection_checklist_codes_not_unique: { zh: () => '检查项编号不能重复', en: () => 'item codes must be unique' },
  kpi_subject_not_found: {
    zh: () => '部门或人员不存在，或无权查看其考核指标',
    en: () => 'no such department or person, or not yours to see',
  },
  assessment_not_found: { zh: () => '考核不存在', en: () => 'assessment not found' },
  assessment_line_not_found: { zh: () => '考核中没有该指标', en: () => 'the assessment has no such line' },
  assessment_exists: {
    zh: (p) => `${s(p.period)} 的该项考核已经存在`,
    en: (p) => `an assessment of ${s(p.period)} for this subject exists already`,
  },
  assessment_period_not_ended: {
    zh: (p) => `考核期间 ${s(p.period)} 尚未结束`,
    en: (p) => `the period ${s(p.period)} has not ended yet`,
  },
  assessment_signed: {
    zh: (p) => `考核已由 ${s(p.signedBy)} 签署，不能再更改`,
    en: (p) => `the assessment was signed off by ${s(p.signedBy)} and cannot change`,
  },
  assessment_period_invalid: {
    zh: (p) => `考核期间格式不正确：${s(p.value)}（月度如 2026-11，季度如 2026-Q4）`,
    en: (p) => `not a period of that kind: ${s(p.value)} (a month as 2026-11, a quarter as 2026-Q4)`,
  },
  import_run_not_found: { zh: () => '导入记录不存在', en: () => 'import run not found' },
  import_missing_columns: {
    zh: (p) => `文件缺少映射 ${s(p.mapping)} 所需的列：${s(p.columns)}`,
    en: (p) => `the file lacks columns the ${s(p.mapping)} mapping needs: ${s(p.columns)}`,
  },
  import_run_not_runnable: {
    zh: (p) => `只有已完成且尚未执行的试运行可以正式导入（当前状态：${s(p.status)}）`,
    en: (p) => `only a finished dry run not yet carried out can be imported for real (status: ${s(p.status)})`,
  },
  report_period_too_long: {
    zh: (p) => `统计期间不能超过 ${s(p.maxMonths)} 个月`,
    en: (p) => `the period may not be longer than ${s(p.maxMonths)} months`,
  },
  no_contact_for_method: {
    zh: (p) => `投诉人没有登记${p.method === 'sms' ? '手机号码' : '电子邮箱'}，无法以此方式发送`,
    en: (p) => `the complainant has no ${p.method === 'sms' ? 'phone number' : 'e-mail address'} to send it to`,
  },
  paid_at_only_when_paid: { zh: () => '只有已支付时才填写支付时间', en: () => 'is given only with status paid' },
  nothing_to_change: { zh: () => '至少指定一项要变更的内容', en: () => 'name at least one thing to change' },
  // plan, evidence, extensions, pauses, merge (issue #4)
  file_type_not_allowed: {
    zh: (p) => `${fileZh(p.fileName)}不允许的文件类型 ${s(p.value)}，可用：${s(p.allowed)}`,
    en: (p) => `${fileEn(p.fileName)}file type ${s(p.value)} is not allowed; allowed: ${s(p.allowed)}`,
  },
  file_empty: { zh: (p) => `${fileZh(p.fileName)}文件为空`, en: (p) => `${fileEn(p.fileName)}the file is empty` },
  file_too_large: {
    zh: (p) => `${fileZh(p.fileName)}文件过大，最大 ${s(p.maxMb)} MB（${s(p.max)} 字节）`,
    en: (p) => `${fileEn(p.fileName)}the file is too large; at most ${s(p.maxMb)} MB (${s(p.max)} bytes)`,
  },
  file_content_mismatch: {
    zh: (p) => `${fileZh(p.fileName)}文件内容与类型 ${s(p.contentType)} 不符`,
    en: (p) => `${fileEn(p.fileName)}the content is not a ${s(p.contentType)} file`,
  },
  // evidence upload as multipart/form-data (#9 item 8)
  multipart_required: {
    zh: (p) => `不支持的内容类型 ${s(p.contentType)}，请以 multipart/form-data 上传（字段 method、note、file）`,
    en: (p) => `Unsupported content type ${s(p.contentType)}; upload as multipart/form-data (fields method, note, file)`,
  },
  invalid_multipart: { zh: () => '不是有效的 multipart/form-data 请求体', en: () => 'is not a valid multipart/form-data body' },
  unknown_field: { zh: (p) => `未知字段：${s(p.name)}`, en: (p) => `unknown field: ${s(p.name)}` },
  duplicate_field: { zh: () => '字段重复', en: () => 'is given more than once' },
  field_too_long: { zh: (p) => `内容过长，最多 ${s(p.max)} 字节`, en: (p) => `is too long; at most ${s(p.max)} bytes` },
  too_many_files: { zh: (p) => `最多上传 ${s(p.max)} 个文件`, en: (p) => `at most ${s(p.max)} file per upload` },
  too_many_fields: { zh: () => '字段过多', en: () => 'has too many fields' },
  unknown_complaint: { zh: (p) => `投诉不存在：${s(p.value)}`, en: (p) => `no such complaint: ${s(p.value)}` },
  merge_into_itself: { zh: () => '不能合并到自身', en: () => 'a complaint cannot be merged into itself' },
  regulatory_days_not_allowed: {
    zh: (p) => `监管时限只能延长至 ${s(p.allowed)} 天`,
    en: (p) => `the regulatory limit can only become ${s(p.allowed)} days`,
  },
  customer_agreement_required: { zh: () => '须经客户同意', en: () => 'the customer must have agreed' },
  formal_review_required: {
    zh: (p) =>
      `该投诉已进入第 ${s(p.round)} 轮处理，须正式复核：经办人不能办结，由复核人（${s(p.reviewer) || '投诉处理领导小组'}）作出复核结论后办结`,
    en: (p) =>
      `round ${s(p.round)}: the complaint is under formal review; its handler cannot close it, the reviewer (${s(p.reviewer) || 'the leadership group'}) records the conclusion`,
  },
  not_the_reviewer: {
    zh: (p) => `只有复核人（${s(p.reviewer) || '投诉处理领导小组成员'}）可以作出复核结论`,
    en: (p) => `only the reviewer (${s(p.reviewer) || 'a leadership group member'}) records the review's conclusion`,
  },
  handler_of_original: {
    zh: (p) => `${s(p.username)} 曾处理原投诉 ${s(p.number)}，不能处理针对该投诉处理情况的投诉，请指派其他人员`,
    en: (p) =>
      `${s(p.username)} handled the original complaint ${s(p.number)} and cannot handle a complaint about its handling: choose someone else`,
  },
  about_complaint_unknown: { zh: (p) => `原投诉不存在：${s(p.value)}`, en: (p) => `no complaint ${s(p.value)} to complain about` },
  about_complaint_other_complainant: {
    zh: (p) => `原投诉 ${s(p.value)} 不是您本人的投诉`,
    en: (p) => `complaint ${s(p.value)} is not one of yours`,
  },
  not_about_handling: {
    zh: () => '该投诉不是针对投诉处理情况的投诉，没有可重新处理的原投诉',
    en: () => 'this complaint is not about the handling of another complaint: there is no original to reopen',
  },
  // public portal (R-G3, R-H3)
  track_not_found: {
    zh: () => '未找到与该投诉编号和联系方式相符的投诉，请核对后重试',
    en: () => 'No complaint matches this number and contact; check both and try again',
  },
  reply_letter_without_feedback: {
    zh: () => '尚未向投诉人反馈处理结果，暂无书面答复函可打印',
    en: () => 'No feedback has been given to the complainant yet: there is no reply letter to print',
  },
  invalid_complaint_number: {
    zh: () => '投诉编号格式不正确（如 TS202611250001）',
    en: () => 'is not a complaint number (such as TS202611250001)',
  },
  invalid_contact: {
    zh: () => '请填写登记时留下的手机号码或电子邮箱',
    en: () => 'give the phone number or e-mail address given when the complaint was registered',
  },
  // one-time codes and sessions of the portal and the app (#12 item 1)
  invalid_phone_or_email: { zh: () => '请填写有效的手机号码或电子邮箱', en: () => 'give a valid mobile number or e-mail address' },
  code_invalid: {
    zh: (p) => `验证码不正确，还可以再试 ${s(p.attemptsLeft)} 次`,
    en: (p) => `the code is wrong; ${s(p.attemptsLeft)} ${p.attemptsLeft === 1 ? 'try' : 'tries'} left`,
  },
  code_expired: { zh: () => '验证码已失效，请重新获取', en: () => 'the code is no longer valid; ask for a new one' },
  code_attempts_exceeded: {
    zh: () => '验证码输错次数过多，请重新获取',
    en: () => 'too many wrong tries; ask for a new code',
  },
  code_resend_too_soon: {
    zh: (p) => `验证码已发送，请 ${waitInWords(p.retryAfterSeconds, 'zh')}后再重新获取`,
    en: (p) => `a code was just sent; ask again in ${waitInWords(p.retryAfterSeconds, 'en')}`,
  },
  rate_limited: {
    zh: (p) => `请求过于频繁，请 ${waitInWords(p.retryAfterSeconds, 'zh')}后再试`,
    en: (p) => `Too many requests; try again in ${waitInWords(p.retryAfterSeconds, 'en')}`,
  },
  portal_session_required: {
    zh: () => '验证已过期或无效，请重新获取验证码',
    en: () => 'Your verification has expired or is not valid; verify with a new code',
  },
  portal_session_used: {
    zh: () => '此次验证已用于提交一件投诉，如需再次提交请重新验证',
    en: () => 'This verification was used to submit a complaint already; verify again to submit another',
  },
  survey_not_open: {
    zh: () => '目前没有待评价的满意度回访',
    en: () => 'There is no satisfaction survey to answer now',
  },
  information_closed: {
    zh: () => '该投诉已撤回、转办或合并，不能再补充材料',
    en: () => 'This complaint was withdrawn, transferred or merged; information can no longer be added',
  },
  // text at the edge (#9 item 1)
  invalid_characters: {
    zh: () => '含有不允许的字符（空字符 U+0000 或不成对的 UTF-16 代理项）',
    en: () => 'contains characters that are not allowed (NUL U+0000 or an unpaired UTF-16 surrogate)',
  },
  nesting_too_deep: { zh: (p) => `嵌套层级过深，最多 ${s(p.max)} 层`, en: (p) => `is nested too deeply; at most ${s(p.max)} levels` },
} satisfies Messages;

/** The same table read with parameters checked by the caller's types, or passed on from zod as they came. */
interface LooseMessage {
  zh(p: ZodIssueParams): string;
  en(p: ZodIssueParams): string;
}
const byCode: Readonly<Record<ErrorCode, LooseMessage>> = messages;

/** A code's message, with the parameters its catalogue entry names. */
export function translate<C extends ErrorCode>(code: C, locale: Locale, ...args: ErrorParamArgs<C>): string {
  return translateIssue(code, locale, args[0]);
}

/** A code's message from parameters typed only loosely: a zod issue's fields, a field issue read back. */
export function translateIssue(code: ErrorCode, locale: Locale, params: ZodIssueParams = {}): string {
  const m = byCode[code];
  return locale === 'en-US' ? m.en(params) : m.zh(params);
}
