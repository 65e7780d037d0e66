/**
 * The catalogue of error codes: every code the API can answer with, its HTTP status and the types of
 * its parameters, grouped by area (as twenty's exception modules: one list of codes per area, mapped
 * exhaustively). Pure: the statuses are numbers, the messages live in src/http/i18n/messages.ts,
 * which must translate every code here into zh-CN and en-US (checked by tsc).
 *
 * A code used only for one field (inside `validation_failed`) still has a status: the one it gets
 * when thrown on its own.
 */
import type { z } from 'zod';

/** The statuses an error answer may have. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** A code without parameters. */
type None = Readonly<Record<string, never>>;

/** The fields of a zod issue (origin, minimum, values…), as zod or a service passed them on. */
export type ZodIssueParams = Readonly<Record<string, unknown>>;

/** One catalogue entry: the status, and the parameters' type (carried by the type only). */
interface Entry<P> {
  readonly status: ErrorStatus;
  readonly params?: P;
}

const code = <P extends ZodIssueParams = None>(status: ErrorStatus): Entry<P> => ({ status });

/** Why a workflow step was refused (the `reason` of `invalid_transition`). */
export type TransitionReason =
  | 'status'
  | 'level'
  | 'only_level_3_on_the_spot'
  | 'customer_dissatisfied'
  | 'survey_missing'
  | 'exceeds_maximum'
  | 'milestone_not_open'
  | 'regulatory_clock_not_running'
  | 'days_out_of_range'
  | 'compensation_not_proposed'
  | 'compensation_not_approved'
  | 'payment_status'
  | 'improvement_not_open'
  | 'improvement_not_done'
  | 'improvement_verified'
  | 'extension_not_pending'
  | 'investigation_clock_not_running'
  | 'regulatory_clock_breached'
  | 'clocks_already_paused'
  | 'clocks_not_paused'
  | 'no_clock_to_pause'
  | 'merge_target_not_open'
  | 'four_eyes'
  | 'level_not_confirmed'
  | 'compensation_unpaid'
  | 'merge_in_progress'
  | 'no_first_contact_clock'
  | 'already_resolved'
  | 'already_major'
  | 'not_major'
  | 'not_in_formal_review';

/** The request itself, before any use case: the HTTP edge. */
const request = {
  validation_failed: code(400),
  invalid_json: code(400),
  empty_body: code(400),
  unsupported_media_type: code<{ contentType: string }>(415),
  payload_too_large: code(413),
  route_not_found: code<{ route: string }>(404),
  too_many_requests: code(429),
  database_unavailable: code(503),
  internal: code(500),
  idempotency_key_reused: code(422),
  invalid_cursor: code(400),
  invalid_characters: code(400),
  nesting_too_deep: code<{ max: number }>(400),
} as const;

/** Generic outcomes of a use case (DomainErrorCode). */
const common = {
  /** Input a domain function refused although the schema let it pass (a programming error, mostly). */
  validation: code<{ reason?: string; value?: string; detail?: string; businessLine?: string }>(400),
  not_found: code<{ id?: string }>(404),
  conflict: code(409),
  forbidden: code<{ action?: string; approver?: string; reason?: string }>(403),
} as const;

/** Signing in, sessions, passwords and API tokens. */
const access = {
  unauthenticated: code(401),
  invalid_credentials: code(401),
  csrf_failed: code(403),
  password_change_required: code(403),
  too_many_attempts: code<{ retryAfterSeconds: number }>(429),
  password_wrong: code(400),
  password_unchanged: code(400),
  password_too_short: code(400),
  password_too_long: code(400),
  password_too_simple: code(400),
  password_contains_username: code(400),
  password_common: code(400),
  action_not_held: code<{ action: string }>(400),
} as const;

/** Complaints: intake, reading, search, export and the public portal. */
const complaints = {
  complaint_not_found: code(404),
  saved_view_not_found: code(404),
  export_too_large: code<{ max: number }>(422),
  track_not_found: code(404),
  /** a reply letter (书面答复函) is printed from the feedback step's record: none yet */
  reply_letter_without_feedback: code(409),
  invalid_complaint_number: code(400),
  invalid_contact: code(400),
  /** one-time codes and sessions of the portal and the app (#12 item 1) */
  invalid_phone_or_email: code(400),
  code_invalid: code<{ attemptsLeft: number }>(400),
  code_expired: code(400),
  code_attempts_exceeded: code(400),
  code_resend_too_soon: code<{ retryAfterSeconds: number }>(429),
  rate_limited: code<{ retryAfterSeconds: number }>(429),
  portal_session_required: code(401),
  portal_session_used: code(409),
  survey_not_open: code(409),
  information_closed: code(409),
  received_at_in_future: code(400),
  contact_required: code(400),
  unknown_code: code<{ taxonomy: string; value: string }>(400),
  category_not_of_business_line: code<{
    value: string;
    businessLine: string;
    categoryZh?: string;
    categoryEn?: string;
    lineZh?: string;
    lineEn?: string;
  }>(400),
  reason_required: code(400),
  unknown_complaint: code<{ value: string }>(400),
  merge_into_itself: code(400),
  invalid_amount: code(400),
  amount_negative: code(400),
  amount_too_many_decimals: code(400),
  amount_too_large: code(400),
} as const;

/** Workflow steps, plans, compensation, extensions and improvement actions. */
const workflow = {
  invalid_transition: code<{
    action: string;
    status: string;
    reason: TransitionReason;
    targetStatus?: string;
    from?: string;
    to?: string;
  }>(409),
  assignment_empty: code(400),
  due_at_not_in_future: code(400),
  in_future: code(400),
  no_contact_for_method: code<{ method: string }>(400),
  paid_at_only_when_paid: code(400),
  nothing_to_change: code(400),
  range_inverted: code(400),
  regulatory_days_not_allowed: code<{ value: number; allowed: string }>(400),
  customer_agreement_required: code(400),
  /** from the formal-review round the handler no longer closes the complaint: its reviewer concludes it (#14 item 3) */
  formal_review_required: code<{ round: number; reviewer: string }>(409),
  /** only the named reviewer (or, for the leadership group, one of its members) concludes the formal review */
  not_the_reviewer: code<{ reviewer: string }>(403),
  /** a complaint about complaint handling is never handled by who handled the original (R-E5) */
  handler_of_original: code<{ username: string; number: string }>(409),
  /** the complaint named as the one whose handling is complained about (R-E5) */
  about_complaint_unknown: code<{ value: string }>(400),
  about_complaint_other_complainant: code<{ value: string }>(400),
  not_about_handling: code(400),
} as const;

/** Evidence files, as JSON (base64) or multipart/form-data uploads. */
const evidence = {
  /** `fileName`: which file, when an upload carries several (multipart-upload.ts) */
  file_too_large: code<{ max: number; maxMb: number; fileName?: string }>(413),
  file_type_not_allowed: code<{ value: string; allowed: string; fileName?: string }>(415),
  multipart_required: code<{ contentType: string }>(415),
  file_empty: code<{ fileName?: string }>(400),
  file_content_mismatch: code<{ contentType: string; fileName?: string }>(400),
  invalid_multipart: code(400),
  unknown_field: code<{ name: string }>(400),
  duplicate_field: code<{ name: string }>(400),
  field_too_long: code<{ max: number }>(400),
  too_many_files: code<{ max: number }>(400),
  too_many_fields: code(400),
} as const;

/** Users, roles and the organisation. */
const people = {
  user_not_found: code(404),
  org_unit_not_found: code(404),
  username_taken: code(409),
  code_taken: code(409),
  cannot_lock_yourself_out: code(409),
  unknown_role: code<{ value: string }>(400),
  unknown_org_unit: code<{ value: string }>(400),
  unknown_user: code<{ value: string }>(400),
} as const;

/** The policy (rules and taxonomies) and the working calendar. */
const administration = {
  policy_version_not_found: code<{ version?: number }>(404),
  invalid_policy: code<ZodIssueParams>(400),
  year_out_of_range: code<{ year?: number }>(400),
  invalid_ics: code<{ detail: string }>(400),
  calendar_import_invalid: code<{ detail: string }>(400),
  invalid_date: code(400),
  invalid_datetime: code(400),
  /** webhook subscriptions (#11 item 8) */
  webhook_not_found: code(404),
  webhook_url_invalid: code<{ reason: 'format' | 'scheme' | 'credentials' }>(400),
  webhook_inactive: code(409),
  /** message templates (#11 item 5): a placeholder not offered, a required one missing, braces that do not pair, too long */
  template_unknown_variable: code<{ name: string }>(400),
  template_missing_variable: code<{ name: string }>(400),
  template_unbalanced_braces: code<{ at: number }>(400),
  template_too_long: code<{ max: number }>(400),
} as const;

/** Messages leaving the system: the message log, resends, background jobs, delivery receipts (#11). */
const channels = {
  message_not_found: code(404),
  message_not_resendable: code<{ status: string }>(409),
  job_not_failed: code(409),
  receipt_token_invalid: code(401),
  /** e-mail intake (#12 item 2): mailboxes and the inbound list */
  mailbox_not_found: code(404),
  mailbox_address_taken: code(409),
  mailbox_address_invalid: code(400),
  inbound_mail_not_found: code(404),
  inbound_mail_not_reprocessable: code<{ outcome: string }>(409),
} as const;

/** The telephony webhook and hotline calls (#12 item 3). */
const hotline = {
  hotline_not_configured: code(404),
  hotline_signature_invalid: code(401),
  hotline_signature_stale: code(401),
  hotline_replayed: code(409),
  hotline_call_not_found: code(404),
  hotline_call_closed: code<{ status: string }>(409),
  hotline_call_busy: code<{ by: string }>(409),
} as const;

/** Reports to the leadership: monthly and special reports (#13 items 4, 5). */
const reports = {
  report_not_found: code(404),
  /** the commentary, recommendations or finalising of a report that is not a draft (building, failed or final) */
  report_not_editable: code<{ status: string }>(409),
  /** a file of a report still building or failed */
  report_not_ready: code<{ status: string }>(409),
  /** a special report has no workbook */
  report_file_unavailable: code<{ format: string }>(404),
  report_month_in_future: code(400),
  report_period_too_long: code<{ maxMonths: number }>(400),
} as const;

/** Historical import (#13 item 7, R-H7). */
const imports = {
  import_run_not_found: code(404),
  /** the uploaded CSV lacks columns the chosen mapping needs */
  import_missing_columns: code<{ columns: string; mapping: string }>(400),
  /** only a finished dry run can be carried out for real, once */
  import_run_not_runnable: code<{ status: string }>(409),
} as const;

/** Inspections, findings and rectification requests (#14 item 1, R-E4). */
const inspections = {
  inspection_checklist_not_found: code(404),
  inspection_plan_not_found: code(404),
  inspection_item_not_found: code(404),
  inspection_finding_not_found: code(404),
  rectification_not_found: code(404),
  /** a step not allowed in the request's status (answer an open one, verify or reject an answered one) */
  rectification_step_refused: code<{ step: string; status: string }>(409),
  /** only the addressee or a member of the addressed department answers */
  rectification_not_addressed: code(403),
  inspection_plan_completed: code(409),
  /** a checklist answer names an item the plan's checklist does not have */
  inspection_unknown_item: code<{ value: string }>(400),
  inspection_already_sampled: code(409),
  /** a finding or request needs a department or a person */
  inspection_addressee_required: code(400),
  inspection_checklist_codes_not_unique: code(400),
} as const;

/** Training (#15 item 1, R-G1). */
const training = {
  training_plan_not_found: code(404),
  training_session_not_found: code(404),
  training_material_not_found: code(404),
  /** a score above the session's maximum, or a score where the session has no assessment */
  training_score_out_of_range: code<{ max: number | null }>(400),
  /** attendance or a score for someone not enrolled in the session's plan */
  training_not_enrolled: code<{ username: string }>(409),
  /** the spike or finding a special-topic plan is started from does not exist */
  training_origin_not_found: code(404),
  /** a completed or cancelled plan is not changed */
  training_plan_closed: code<{ status: string }>(409),
  /** a person, department or role to enrol that does not exist */
  training_attendee_unknown: code<{ value: string }>(400),
  /** a session lists only published teaching cases */
  training_case_not_published: code<{ value: string }>(400),
} as const;

/** KPIs and periodic assessments (#14 item 5, R-E6). */
const assessments = {
  /** a department or person that does not exist or whose KPIs the reader may not see (indistinguishable) */
  kpi_subject_not_found: code(404),
  /** an assessment that does not exist or that the reader may not see */
  assessment_not_found: code(404),
  /** a line of an assessment (subject and KPI) it does not have */
  assessment_line_not_found: code(404),
  /** one assessment per period and subject */
  assessment_exists: code<{ period: string }>(409),
  /** an assessment is opened for a period that has ended */
  assessment_period_not_ended: code<{ period: string }>(409),
  /** a signed assessment is immutable */
  assessment_signed: code<{ signedBy: string }>(409),
  /** a period key not of its kind (2026-11, 2026-Q4) */
  assessment_period_invalid: code<{ value: string }>(400),
} as const;

/** Legal holds and the data subject's export (#15 item 4, R-H6). */
const legalHolds = {
  /** one hold in force per complaint: release it first */
  legal_hold_exists: code<{ placedBy: string }>(409),
  /** no unreleased hold on the complaint to release */
  legal_hold_not_found: code(404),
  /** a hold's end date must not be in the past (company time) */
  legal_hold_until_past: code<{ value: string }>(400),
  /** a data subject query names at least one of phone, ID number, e-mail, name */
  subject_query_empty: code(400),
} as const;

/** Publicity on the portal and customer education articles (#15 item 3, R-G3). */
const publicity = {
  publicity_article_not_found: code(404),
  /** an image that does not exist, or (public) that no published article uses */
  publicity_image_not_found: code(404),
  /** an upload that is not a PNG, JPEG, GIF or WebP image by its content */
  publicity_image_not_allowed: code<{ allowed: string }>(415),
  publicity_image_too_large: code<{ maxBytes: number }>(413),
  /** a cover or body image id that is not an uploaded image */
  publicity_image_unknown: code<{ value: string }>(400),
  /** nothing is left of the body once the HTML allow-list has been applied */
  publicity_article_empty: code(400),
  /** a telephone number of the portal's channels that is not digits with spaces, +, - or parentheses */
  invalid_phone_number: code(400),
  /** a post code that is not six digits */
  invalid_post_code: code(400),
} as const;

/** The case library (#15 item 2, R-G2). */
const cases = {
  case_not_found: code(404),
  /** only a closed complaint is proposed as a teaching case */
  case_source_not_closed: code<{ status: string }>(409),
  /** the complaint already has a case that is not rejected or withdrawn */
  case_already_proposed: code<{ caseId: string }>(409),
  /** the step does not fit the case's status (edit a published case, approve a draft ...) */
  case_step_refused: code<{ status: string }>(409),
  /** a proposer does not review their own case */
  case_self_review: code(403),
} as const;

/** A field's problem as zod names it (its issue codes), plus `required` for a missing value. */
const field = {
  required: code(400),
  invalid_type: code<ZodIssueParams>(400),
  too_small: code<ZodIssueParams>(400),
  too_big: code<ZodIssueParams>(400),
  invalid_format: code<ZodIssueParams>(400),
  invalid_value: code<ZodIssueParams>(400),
  unrecognized_keys: code<ZodIssueParams>(400),
  not_multiple_of: code<ZodIssueParams>(400),
  invalid_union: code<ZodIssueParams>(400),
  invalid_key: code<ZodIssueParams>(400),
  invalid_element: code<ZodIssueParams>(400),
  custom: code<ZodIssueParams>(400),
} as const;

/** The codes by area. */
export const errorAreas = {
  request,
  common,
  access,
  complaints,
  workflow,
  evidence,
  people,
  administration,
  channels,
  hotline,
  reports,
  imports,
  inspections,
  assessments,
  training,
  legalHolds,
  publicity,
  cases,
  field,
} as const;

/** Every code; a code listed in two areas is a tsc error (see `NoOverlap` below). */
export const errorCatalogue = {
  ...request,
  ...common,
  ...access,
  ...complaints,
  ...workflow,
  ...evidence,
  ...people,
  ...administration,
  ...channels,
  ...hotline,
  ...reports,
  ...imports,
  ...inspections,
  ...assessments,
  ...training,
  ...legalHolds,
  ...publicity,
  ...cases,
  ...field,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** The parameters a code's message takes. */
export type ErrorParams<C extends ErrorCode> = NonNullable<(typeof errorCatalogue)[C]['params']>;

/** The parameters after the code: optional when the code needs none. */
export type ErrorParamArgs<C extends ErrorCode> =
  Record<never, never> extends ErrorParams<C> ? [params?: ErrorParams<C>] : [params: ErrorParams<C>];

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalogue, value);
}

export function errorStatus(code: ErrorCode): ErrorStatus {
  return errorCatalogue[code].status;
}

// compile-time checks ---------------------------------------------------------------------------

type Areas = typeof errorAreas;
/** Codes listed in more than one area (the spread would silently keep the last). */
type Overlap = {
  [A in keyof Areas]: keyof Areas[A] & { [B in Exclude<keyof Areas, A>]: keyof Areas[B] }[Exclude<keyof Areas, A>];
}[keyof Areas];
type Assert<T extends true> = T;
/** No code is in two areas. */
export type NoOverlap = Assert<[Overlap] extends [never] ? true : false>;
/** Every zod issue code is catalogued, so a route schema's refusal always has a message. */
export type ZodCodesCatalogued = Assert<z.core.$ZodIssue['code'] extends ErrorCode ? true : false>;
