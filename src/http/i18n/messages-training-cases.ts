/**
 * The messages of the areas issue #15 added (training, the case library, legal holds and the data
 * subject's export, publicity), in both languages, typed by each code's parameters like the rest of
 * the catalogue (messages.ts spreads them in).
 */
import type { ErrorCode, ErrorParams } from '../../domain/errors.js';

interface Message<P> {
  zh: (p: P) => string;
  en: (p: P) => string;
}

type Codes = Extract<
  ErrorCode,
  | `training_${string}`
  | `case_${string}`
  | `legal_hold_${string}`
  | `publicity_${string}`
  | 'subject_query_empty'
  | 'invalid_phone_number'
  | 'invalid_post_code'
>;

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const CASE_STATUS_ZH: Readonly<Record<string, string>> = {
  draft: '草稿',
  in_review: '审核中',
  published: '已发布',
  rejected: '已退回',
  withdrawn: '已撤下',
};
const caseStatusZh = (status: unknown) => CASE_STATUS_ZH[s(status)] ?? s(status);

export const trainingCasesPrivacyMessages = {
  training_plan_not_found: { zh: () => '培训计划不存在', en: () => 'training plan not found' },
  training_session_not_found: { zh: () => '培训场次不存在', en: () => 'training session not found' },
  training_material_not_found: { zh: () => '培训资料不存在', en: () => 'training material not found' },
  training_score_out_of_range: {
    zh: (p) => (p.max == null ? '该场次不设考核，不能录入成绩' : `成绩须在 0 到 ${s(p.max)} 之间`),
    en: (p) => (p.max == null ? 'this session has no assessment: no score can be recorded' : `the score must be between 0 and ${s(p.max)}`),
  },
  training_not_enrolled: {
    zh: (p) => `${s(p.username) || '该人员'}未报名该培训计划`,
    en: (p) => `${s(p.username) || 'the person'} is not enrolled in this training plan`,
  },
  training_origin_not_found: {
    zh: () => '所选的异动预警或检查发现不存在',
    en: () => 'the spike alert or inspection finding does not exist',
  },
  training_plan_closed: {
    zh: () => '培训计划已结束或已取消，不能再修改',
    en: () => 'the training plan is completed or cancelled: it cannot change',
  },
  training_attendee_unknown: { zh: (p) => `找不到参训对象：${s(p.value)}`, en: (p) => `no such attendee: ${s(p.value)}` },
  training_case_not_published: { zh: (p) => `案例不存在或未发布：${s(p.value)}`, en: (p) => `no published teaching case ${s(p.value)}` },
  legal_hold_exists: {
    zh: (p) => `该投诉已有 ${s(p.placedBy)} 设置的法律保留，请先解除`,
    en: (p) => `the complaint is already under a legal hold placed by ${s(p.placedBy)}: release it first`,
  },
  legal_hold_not_found: { zh: () => '该投诉没有未解除的法律保留', en: () => 'the complaint has no legal hold to release' },
  legal_hold_until_past: {
    zh: (p) => `保留截止日期 ${s(p.value)} 已过`,
    en: (p) => `the hold's end date ${s(p.value)} is in the past`,
  },
  subject_query_empty: {
    zh: () => '请至少填写电话、证件号码、电子邮箱或姓名之一',
    en: () => 'give at least one of phone, ID number, e-mail or name',
  },
  // publicity (#15 item 3)
  publicity_article_not_found: { zh: () => '文章不存在或尚未发布', en: () => 'article not found or not published' },
  publicity_image_not_found: { zh: () => '图片不存在', en: () => 'image not found' },
  publicity_image_not_allowed: {
    zh: (p) => `只能上传图片（${s(p.allowed)}）`,
    en: (p) => `only images can be uploaded (${s(p.allowed)})`,
  },
  publicity_image_too_large: {
    zh: (p) => `图片不能超过 ${Math.round(Number(p.maxBytes) / 1024 / 1024)} MB`,
    en: (p) => `the image may be at most ${Math.round(Number(p.maxBytes) / 1024 / 1024)} MB`,
  },
  publicity_image_unknown: { zh: (p) => `图片不存在：${s(p.value)}`, en: (p) => `no such image: ${s(p.value)}` },
  publicity_article_empty: { zh: () => '正文不能为空', en: () => 'the article has no text' },
  invalid_phone_number: {
    zh: () => '电话号码格式不正确（只能包含数字、空格、+、- 和括号）',
    en: () => 'not a telephone number (digits, spaces, +, - and parentheses only)',
  },
  invalid_post_code: { zh: () => '邮编应为 6 位数字', en: () => 'a post code is six digits' },
  // the case library (#15 item 2)
  case_not_found: { zh: () => '教学案例不存在', en: () => 'teaching case not found' },
  case_source_not_closed: {
    zh: () => '只有已结案的投诉才能推荐为教学案例',
    en: () => 'only a closed complaint can be proposed as a teaching case',
  },
  case_already_proposed: {
    zh: () => '该投诉已有教学案例（草稿、审核中或已发布）',
    en: () => 'the complaint already has a teaching case (draft, in review or published)',
  },
  case_step_refused: {
    zh: (p) => `案例当前状态（${caseStatusZh(p.status)}）不允许此操作`,
    en: (p) => `not possible while the case is ${s(p.status).replace('_', ' ')}`,
  },
  case_self_review: { zh: () => '不能审核自己推荐的案例', en: () => 'you cannot review a case you proposed' },
} satisfies { readonly [C in Codes]: Message<ErrorParams<C>> };
