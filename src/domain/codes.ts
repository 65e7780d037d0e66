/**
 * The closed lists of codes that the server and the web app share: a complaint's statuses and
 * levels, the intake form's and the workflow steps' choices, the policy's units and approvers, the
 * kinds of org units and calendar days. The server's schemas are built from these lists and the web
 * app offers and labels them (web/src/codes.ts), so a code is added in one place.
 *
 * No imports and nothing but data: the web app bundles this file as it is.
 */

/** A code of the policy's editable lists (channels, business lines, categories…): snake_case. */
export const SNAKE_CASE_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** A complaint's life (policy §3–§5, R-C3..C5, R-D1..D5, R-E1..E3). */
export const STATUSES = [
  'registered', // 受理登记: received, graded, clocks running
  'assigned', // 已分派: an agent / responsible department handles it
  'investigating', // 调查中
  'resolving', // 处理中: findings recorded; analysis, settlement, compensation, improvement
  'feedback_sent', // 已反馈: result told to the customer; satisfaction follow-up pending
  'closed', // 已办结
  'withdrawn', // 已撤诉
  'transferred', // 已转办
  'merged', // 已合并 into another complaint
] as const;
export type Status = (typeof STATUSES)[number];

/** Complaint levels (policy §3): 1 major, 2 significant, 3 general. */
export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Channels have behaviour in code (acknowledgment for letter/email, online first reply for web/app,
 * regulator referral grading), so their codes are a fixed set; the policy only labels them.
 */
export const CHANNEL_CODES = ['hotline', 'web', 'app', 'branch', 'letter', 'email', 'regulator_referral', 'other'] as const;
export type ChannelCode = (typeof CHANNEL_CODES)[number];

// intake (R-B1, R-C1)
export const RISK_FLAGS = ['reputational', 'legal', 'mass_incident', 'media', 'agitated_customer'] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];
/** What caused a major complaint besides its number of complainants (policy defaults; #14): a disaster, an accident, a public-health event. */
export const MAJOR_CAUSES = ['disaster', 'accident', 'public_health'] as const;
export type MajorCause = (typeof MAJOR_CAUSES)[number];
export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent_id', 'other'] as const;

/** The ledger's sort keys (R-B5). */
export const LEDGER_SORTS = ['receivedAt', 'registeredAt', 'level', 'number'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];
/** The ledger columns a saved view may name (the web app's column chooser), in the chooser's order. */
export const LEDGER_COLUMNS = [
  'number',
  'level',
  'status',
  'channel',
  'businessLine',
  'category',
  'branch',
  'complainant',
  'amount',
  'receivedAt',
  'nextDue',
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

// the workflow steps' choices (R-D1..D5, R-E1..E3)
/** Whom a complaint is escalated to (escalate). */
export const ESCALATION_TARGETS = ['supervisor', 'leadership'] as const;
/** Who reviews a complaint from the formal-review round on (#14 item 3, policy reopen.formalReviewBy). */
export const FORMAL_REVIEWERS = ['department_head', 'leadership'] as const;
/** How a complaint links to another (complaint_links.kind as shown on each side): a suspected duplicate, a merge, a complaint about the other's handling (R-E5). */
export const LINK_KINDS = ['possible_duplicate', 'merged', 'about_handling', 'handling_complaint'] as const;
/** The findings' conclusion and the closing outcome. */
export const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export const EVIDENCE_METHODS = ['document_review', 'interview', 'site_visit', 'external_expert'] as const;
/** Impact, likelihood and priority in the root-cause analysis and the improvement plan. */
export const IMPACT_LEVELS = ['low', 'medium', 'high'] as const;
/** How the result is told to the customer (send_feedback). */
export const FEEDBACK_METHODS = ['phone', 'sms', 'email', 'letter', 'in_person'] as const;
/** How the satisfaction survey is taken (record_survey); 'online': answered by the customer on the portal or in the app (#12). */
export const SURVEY_METHODS = ['phone', 'questionnaire', 'sms', 'in_person', 'online'] as const;
/** Channels of correspondence with the complainant (#12 item 5): inbound and outbound messages of a complaint's thread. */
export const CORRESPONDENCE_CHANNELS = ['email', 'sms', 'portal', 'letter', 'hotline'] as const;
export type CorrespondenceChannel = (typeof CORRESPONDENCE_CHANNELS)[number];
/** At most this many files in one staff upload of attachments or a letter's scans (#12 item 4); each within the evidence size limit. */
export const STAFF_UPLOAD_MAX_FILES = 20;
/** How the first contact was made (record_contact). */
export const CONTACT_METHODS = ['phone', 'sms', 'email', 'letter', 'in_person', 'online'] as const;
/** Tracked exceptions (R-E3): breaches, dissatisfied customers, stalled progress, a message to the customer that could not be delivered (#11). */
/** spike (#13): a product, category or branch rising sharply above its baseline; about many complaints, none in particular */
export const EXCEPTION_KINDS = ['breach', 'dissatisfied', 'stalled', 'message_failed', 'spike'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** How the customer was told of an extended regulatory limit (extend_regulatory). */
export const NOTICE_METHODS = ['phone', 'sms', 'email', 'letter'] as const;
/** Why the clocks stand still (pause_clocks). */
export const PAUSE_REASONS = ['mediation', 'appraisal', 'awaiting_documents'] as const;

/** A compensation: proposed, then approved or rejected (R-D3). */
export const COMPENSATION_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];
/** Payment of an approved compensation: pending until paid; a failed payment is retried (pending again). */
export const PAYMENT_STATUSES = ['pending', 'paid', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

// the policy
export const DURATION_UNITS = ['minutes', 'hours', 'working_hours', 'working_days', 'calendar_days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
/** Who approves a compensation band. */
export const COMPENSATION_APPROVERS = ['supervisor', 'department_head', 'leadership_group'] as const;
export type CompensationApprover = (typeof COMPENSATION_APPROVERS)[number];
/** The sector a business line belongs to. */
export const SECTORS = ['insurance', 'securities'] as const;
export type Sector = (typeof SECTORS)[number];

// organisation and access
export const ORG_UNIT_KINDS = ['branch', 'department', 'leadership_group', 'supervision', 'senior_management'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
/** How far a role sees complaints: none, its branches, its departments, or all of them. */
export const ROLE_SCOPES = ['none', 'branch', 'department', 'all'] as const;
export type RoleScope = (typeof ROLE_SCOPES)[number];

/** A calendar day: a holiday or an adjusted working day set by the calendar, else a weekday or weekend. */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday', 'weekend', 'weekday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

// statistics and reports (#13, R-F1..R-F5)
/**
 * What statistics group by (one or two at a time). Time dimensions take the instant the measure is
 * about: received measures group by the month/week/day received, closed measures by the one closed.
 * month 'YYYY-MM', week ISO 'YYYY-Www', day 'YYYY-MM-DD', all in the company time zone.
 */
export const STATISTICS_DIMENSIONS = [
  'month',
  'week',
  'day',
  'level',
  'channel',
  'business_line',
  'category',
  'cause',
  'product',
  'branch',
  'department',
  'handler',
  'outcome',
  'customer_group',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];
export const TIME_DIMENSIONS = ['month', 'week', 'day'] as const;

/**
 * What statistics count. Each measure is about one set of complaints, so each figure opens as a
 * ledger of exactly those complaints (rates open their numerator, percentiles their closed set):
 * - received-based (complaints received in the period): received, the six timeliness counts
 *   (the level's result clock = policy, the regulator's calendar-day clock = regulatory; open_overdue
 *   is judged now), reopen_rate, satisfaction_rate (satisfied / surveyed), compensation_proposed,
 *   compensation_paid, amount_involved;
 * - closed-based (closed in the period): closed, handling_days_p50, handling_days_p90 (calendar days
 *   from received to closed);
 * - open_at_end: received by the period's end and not closed by then.
 */
export const STATISTICS_MEASURES = [
  'received',
  'closed',
  'open_at_end',
  'policy_on_time',
  'policy_late',
  'policy_open_overdue',
  'regulatory_on_time',
  'regulatory_late',
  'regulatory_open_overdue',
  'handling_days_p50',
  'handling_days_p90',
  'reopen_rate',
  'satisfaction_rate',
  'compensation_proposed',
  'compensation_paid',
  'amount_involved',
] as const;
export type StatisticsMeasure = (typeof STATISTICS_MEASURES)[number];
/** The ledger's timeliness filter (drill-down of the six timeliness measures). */
export const TIMELINESS_STATES = [
  'policy_on_time',
  'policy_late',
  'policy_open_overdue',
  'regulatory_on_time',
  'regulatory_late',
  'regulatory_open_overdue',
] as const;
export type TimelinessState = (typeof TIMELINESS_STATES)[number];
/** Who the complainant is, for statistics by customer group (R-F2); the policy's list labels them. */
export const DEFAULT_CUSTOMER_GROUPS = ['individual', 'senior', 'small_business', 'institution', 'professional_investor', 'other'] as const;
/** Report kinds and their life (#13 items 4–6). */
export const REPORT_KINDS = ['monthly', 'special'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ['queued', 'building', 'draft', 'final', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Historical import (#13 item 7, R-H7): the shipped column mappings. */
export const IMPORT_MAPPINGS = ['tdi', 'cfpb'] as const;
export type ImportMapping = (typeof IMPORT_MAPPINGS)[number];
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
