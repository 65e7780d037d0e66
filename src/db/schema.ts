import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { OrgUnitKind } from '../domain/codes.js';
import type { InspectionTables } from './schema-inspections.js';
import type { AssessmentTables } from './schema-assessments.js';
import type { TrainingTables } from './schema-training.js';
import type { LegalHoldTables } from './schema-legal-holds.js';
import type { PublicityTables } from './schema-publicity.js';
import type { RetentionTables } from './schema-retention.js';
import type { CaseTables } from './schema-cases.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type JsonValue = unknown;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

export interface PolicyVersionsTable {
  version: number;
  document: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
  created_by: string;
  reason: string | null;
}

export interface CalendarYearsTable {
  year: number;
  confirmed: boolean;
  source: string;
  updated_at: Generated<Date>;
  updated_by: string;
}

export interface CalendarDaysTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: Generated<Date>;
  updated_by: string;
}

export interface CalendarRevisionTable {
  id: Generated<boolean>;
  revision: ColumnType<string, string | number, string | number>;
}

export interface ComplaintNumberCountersTable {
  day: string;
  last: number;
}

export interface ComplaintsTable {
  id: string;
  number: string;
  status: string;
  channel: string;
  business_line: string;
  category: string;
  product: string | null;
  description: string;
  requested_remedy: string | null;
  amount: string | null;
  received_at: Timestamp;
  registered_at: Timestamp;
  urgent: boolean;
  risk_flags: string[];
  branch: string | null;
  subject_party: string | null;
  call_reference: string | null;
  joint_complainants: number;
  complainant_name: string;
  complainant_phone: string | null;
  complainant_email: string | null;
  complainant_address: string | null;
  complainant_id_type: string | null;
  complainant_id_number: string | null;
  complainant_account: string | null;
  contact_keys: string[];
  proposed_level: number;
  level: number;
  level_confirmed: boolean;
  grading_reasons: JSONColumnType<JsonValue[], string, string>;
  major: boolean;
  policy_version: number;
  search_text: string;
  created_by: string;
  updated_at: Timestamp;
  row_version: Generated<number>;
  /** set when the retention sweep anonymised the complaint's personal data (migration 0028) */
  anonymised_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  branch_id: string | null;
  department_ids: string[];
  complainant_id_number_hash: string | null;
  complainant_account_hash: string | null;
  round: Generated<number>;
  assignee: string | null;
  tracker: string | null;
  outcome: string | null;
  closed_at: NullableTimestamp;
  regulatory_days: Generated<number>;
  investigation_days: Generated<number>;
  last_progress_at: NullableTimestamp;
  merged_into: string | null;
  /** the complainant's customer group (#13, migration 0014): a code of the policy's customerGroups list */
  customer_group: ColumnType<string | null, string | null | undefined, string | null>;
  /** where an imported complaint came from and its id there (#13, migration 0016); both null for the rest */
  import_source: ColumnType<string | null, string | null | undefined, string | null>;
  import_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** major complaints (#14, migration 0023): the intake's facts and how it came to be major */
  major_cause: ColumnType<'disaster' | 'accident' | 'public_health' | null, string | null | undefined, string | null>;
  regulator_named: ColumnType<boolean, boolean | undefined, boolean>;
  regulator_named_reference: ColumnType<string | null, string | null | undefined, string | null>;
  major_source: ColumnType<'rules' | 'leader' | null, 'rules' | 'leader' | null | undefined, 'rules' | 'leader' | null>;
  major_rules: ColumnType<string[], string[] | undefined, string[]>;
  major_reason: ColumnType<string | null, string | null | undefined, string | null>;
  major_marked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  major_marked_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** the formal review from round three (#14 item 3, migration 0022): who reviews, the named department head, how it was closed */
  review_by: ColumnType<
    'department_head' | 'leadership' | null,
    'department_head' | 'leadership' | null | undefined,
    'department_head' | 'leadership' | null
  >;
  reviewer: ColumnType<string | null, string | null | undefined, string | null>;
  closed_as: ColumnType<'concluded' | null, 'concluded' | null | undefined, 'concluded' | null>;
}

/** A major complaint's emergency plan (#14, migration 0023). */
export interface MajorPlansTable {
  complaint_id: string;
  summary: string;
  owners: string[];
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
}

/** An action or milestone of the emergency plan; a milestone's clock has its id as subject. */
export interface MajorPlanItemsTable {
  id: string;
  complaint_id: string;
  kind: 'action' | 'milestone';
  title: string;
  owner: string;
  due_at: NullableTimestamp;
  status: 'open' | 'done';
  created_at: Timestamp;
  created_by: string;
  done_at: NullableTimestamp;
  done_by: string | null;
  done_note: string | null;
}

/** A report of a major complaint to the regulator. */
export interface MajorRegulatorReportsTable {
  id: string;
  complaint_id: string;
  reported_at: Timestamp;
  recipient: string;
  reference: string | null;
  body: string;
  recorded_at: Timestamp;
  recorded_by: string;
}

export interface ComplaintEventsTable {
  id: Generated<string>;
  complaint_id: string;
  seq: number;
  type: string;
  actor: string;
  occurred_at: Timestamp;
  reason: string | null;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
  /** 1: hash over reason and payload; 2: over the salted commitment (migration 0028) */
  hash_version: ColumnType<number, number | undefined, never>;
  commitment: ColumnType<string | null, string | null | undefined, never>;
  /** set when the retention job redacted payload and reason */
  redacted_at: ColumnType<Date | null, never, Date | string>;
}

export interface ComplaintClocksTable {
  id: string;
  complaint_id: string;
  kind: string;
  amount: ColumnType<string, string | number, string | number>;
  unit: string;
  started_at: Timestamp;
  due_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  warn_at: ColumnType<Date[], string, string>;
  status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  met_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  breached_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  cancelled_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  pauses: JSONColumnType<Array<{ from: string; to: string | null; reason?: string }>, string, string>;
  calendar_confirmed: boolean;
  policy_version: number;
  created_at: Timestamp;
  subject_id: string | null;
  label: string | null;
  round: Generated<number>;
  warnings_sent: Generated<number>;
  escalation_step: Generated<number>;
  next_check_at: NullableTimestamp;
}

export interface ComplaintLinksTable {
  complaint_id: string;
  related_id: string;
  kind: string;
  details: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  response_status: number | null;
  response_body: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Date>;
}

export interface OutboxTable {
  id: Generated<string>;
  topic: string;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  idempotency_key: string;
  created_at: Timestamp;
  available_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  /** handed to its channels (each channel's message then has its own status, messages table) */
  dispatched_at: NullableTimestamp;
}

export type MessageChannel = 'email' | 'sms' | 'webhook';
export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'failed' | 'dead';
/** 'contact': a phone or e-mail being verified by a one-time code (#12), recipient_ref = portal_codes.id */
export type MessageRecipientKind = 'user' | 'complainant' | 'webhook' | 'contact';
export type MessageLocale = 'zh-CN' | 'en-US';

export interface MessagesTable {
  id: string;
  outbox_id: string | null;
  idempotency_key: string;
  channel: MessageChannel;
  purpose: string;
  recipient_kind: MessageRecipientKind;
  recipient_ref: string;
  recipient_label: string;
  complaint_id: string | null;
  template: string;
  params: JSONColumnType<Record<string, unknown>, string, string>;
  locale: Generated<MessageLocale>;
  status: MessageStatus;
  attempts: Generated<number>;
  last_error: string | null;
  provider: string | null;
  provider_id: string | null;
  subject: string | null;
  body: string | null;
  segments: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  dead_at: NullableTimestamp;
  resent_at: NullableTimestamp;
  resent_by: string | null;
}

export interface DevelopmentMessagesTable {
  id: Generated<string>;
  message_id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  html: string | null;
  idempotency_key: string;
  created_at: Timestamp;
}

export interface WebhookSubscriptionsTable {
  id: string;
  name: string;
  url: string;
  event_types: string[];
  /** encrypted (pii-crypto) */
  secret: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
}

export interface MessageTemplateVersionsTable {
  template: string;
  locale: MessageLocale;
  version: number;
  subject: string | null;
  body: string;
  created_at: Timestamp;
  created_by: string;
  reason: string | null;
}

export interface OrgUnitsTable {
  id: string;
  kind: OrgUnitKind;
  code: string;
  name_zh: string;
  name_en: string;
  active: boolean;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  /** mobile phone for SMS notices (#11 item 6) */
  mobile: string | null;
  locale: Generated<MessageLocale>;
  /** per kind of notice, the channels chosen: { "level1_alert": ["in_app","email","sms"], … } */
  notice_channels: ColumnType<Record<string, string[]>, string | undefined, string>;
  /** {start:"22:00", end:"07:00"} local time: e-mail and SMS wait until the end (level-1 alerts excepted) */
  quiet_hours: JSONColumnType<{ start: string; end: string } | null, string | null, string | null>;
  digest_sent_through: NullableTimestamp;
  password_hash: string;
  must_change_password: boolean;
  active: boolean;
  password_changed_at: Timestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface UserOrgUnitsTable {
  user_id: string;
  org_unit_id: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  actions: string[];
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  use_count: ColumnType<string, string | number | undefined, string | number>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor: string;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: JSONColumnType<Record<string, unknown>, string, string>;
}

export interface ComplaintRecordsTable {
  id: string;
  complaint_id: string;
  kind: string;
  round: number;
  status: string | null;
  data: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  complaint_id: string | null;
  kind: string;
  source_key: string;
  /** a code of the message catalogue (domain/messages/message-templates.ts), rendered when shown */
  template: string;
  params: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface ComplaintExceptionsTable {
  id: string;
  /** null for a spike (#13): it is about many complaints, named by subject_kind and subject_code */
  complaint_id: string | null;
  kind: 'breach' | 'dissatisfied' | 'stalled' | 'message_failed' | 'spike';
  clock_id: string | null;
  source_key: string;
  subject_kind: Generated<'product' | 'category' | 'branch' | null>;
  subject_code: Generated<string | null>;
  status: 'open' | 'resolved';
  raised_at: Timestamp;
  details: JSONColumnType<Record<string, unknown>, string, string>;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  resolution: string | null;
}

export interface ImprovementActionsTable {
  id: string;
  complaint_id: string;
  title: string;
  description: string;
  owner: string;
  department_id: string | null;
  cause_codes: string[];
  status: 'open' | 'done' | 'verified';
  due_at: Timestamp;
  created_at: Timestamp;
  created_by: string;
  done_at: NullableTimestamp;
  done_by: string | null;
  done_note: string | null;
  verified_at: NullableTimestamp;
  verified_by: string | null;
  verified_note: string | null;
  updated_at: Timestamp;
}

export interface SavedViewsTable {
  id: string;
  user_id: string;
  name: string;
  query: string;
  columns: string[];
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Sign-in throttle scores (0006, issue #9 item 4). */
export interface SignInThrottleTable {
  kind: 'source' | 'account' | 'address' | 'password';
  username: string;
  address: string;
  score: number;
  scored_at: Timestamp;
  blocked_until: NullableTimestamp;
  window_start: Timestamp;
  window_failures: number;
  alerted_window: NullableTimestamp;
}

/** Evidence files (0004) and, from 0009, their bytes in 1 MiB chunks (issue #9 item 8). */
export interface EvidenceFilesTable {
  id: string;
  complaint_id: string;
  record_id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  /** files stored before migration 0009; later files are in evidence_file_chunks */
  content: Buffer | null;
  chunks: number | null;
  created_at: Timestamp;
  created_by: string;
  /** set when the retention job erased the bytes (migration 0028) */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface EvidenceFileChunksTable {
  file_id: string;
  seq: number;
  bytes: Buffer;
}

/** A hotline call and its draft complaint (#12 item 3, migration 0013). */
export interface HotlineCallsTable {
  id: string;
  call_id: string;
  /** personal data: masked on the way out */
  caller: string;
  callee: string | null;
  agent: string | null;
  status: 'ringing' | 'ended' | 'registered' | 'dismissed';
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  recording_url: string | null;
  started_event_at: NullableTimestamp;
  ended_event_at: NullableTimestamp;
  claimed_by: string | null;
  claimed_until: NullableTimestamp;
  complaint_id: string | null;
  dismiss_reason: string | null;
  closed_by: string | null;
  closed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Signatures of hotline events seen inside their window (replay protection). */
export interface HotlineSignaturesTable {
  signature: string;
  expires_at: Timestamp;
}

export interface DB
  extends InspectionTables, AssessmentTables, TrainingTables, LegalHoldTables, PublicityTables, RetentionTables, CaseTables {
  saved_views: SavedViewsTable;
  complaint_records: ComplaintRecordsTable;
  notifications: NotificationsTable;
  complaint_exceptions: ComplaintExceptionsTable;
  improvement_actions: ImprovementActionsTable;
  major_plans: MajorPlansTable;
  major_plan_items: MajorPlanItemsTable;
  major_regulator_reports: MajorRegulatorReportsTable;
  org_units: OrgUnitsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  user_org_units: UserOrgUnitsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  policy_versions: PolicyVersionsTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  calendar_revision: CalendarRevisionTable;
  complaint_number_counters: ComplaintNumberCountersTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  complaint_clocks: ComplaintClocksTable;
  complaint_links: ComplaintLinksTable;
  idempotency_keys: IdempotencyKeysTable;
  outbox: OutboxTable;
  messages: MessagesTable;
  development_messages: DevelopmentMessagesTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  message_template_versions: MessageTemplateVersionsTable;
  sign_in_throttle: SignInThrottleTable;
  evidence_files: EvidenceFilesTable;
  evidence_file_chunks: EvidenceFileChunksTable;
  mailboxes: MailboxesTable;
  inbound_mail: InboundMailTable;
  hotline_calls: HotlineCallsTable;
  hotline_signatures: HotlineSignaturesTable;
  reports: ReportsTable;
  complaint_facts: ComplaintFactsTable;
  statistics_settings: StatisticsSettingsTable;
  statistics_month_changes: StatisticsMonthChangesTable;
  statistics_month_prunes: StatisticsMonthPrunesTable;
  statistics_cache: StatisticsCacheTable;
  portal_codes: PortalCodesTable;
  portal_sessions: PortalSessionsTable;
  rate_limit_counters: RateLimitCountersTable;
  import_runs: ImportRunsTable;
  import_run_chunks: ImportRunChunksTable;
  import_run_errors: ImportRunErrorsTable;
}

/** A one-time code sent to a phone or e-mail by the public portal (#12, migration 0012): only its keyed hash is kept. */
export interface PortalCodesTable {
  id: string;
  purpose: 'submit' | 'track';
  contact_kind: 'phone' | 'email';
  /** keyed hash of the normalised contact */
  contact_hash: string;
  /** the contact, encrypted (enc:v1) */
  contact: string;
  number: Generated<string>;
  complaint_id: string | null;
  code_hash: string;
  attempts: Generated<number>;
  max_attempts: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  superseded_at: NullableTimestamp;
}

/** A portal session opened by a right code (#12): only the token's SHA-256 is kept. */
export interface PortalSessionsTable {
  id: string;
  token_hash: string;
  purpose: 'submit' | 'track';
  contact_kind: 'phone' | 'email';
  contact_hash: string;
  /** the verified contact, encrypted (enc:v1) */
  contact: string;
  complaint_id: string | null;
  code_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** Fixed-window request counters shared by every app instance (#12). */
export interface RateLimitCountersTable {
  key: string;
  window_start: Timestamp;
  hits: number;
  expires_at: Timestamp;
}

/** A mailbox complaints arrive in by e-mail (#12, migration 0011): the SMTP listener's address or an IMAP account. */
export interface MailboxesTable {
  id: string;
  name: string;
  kind: 'smtp' | 'imap';
  /** lower case; the SMTP listener accepts mail to it */
  address: string | null;
  host: string | null;
  port: number | null;
  tls: 'implicit' | 'starttls' | 'none';
  username: string | null;
  /** encrypted (pii-crypto) */
  password: string | null;
  folder: string;
  interval_seconds: number;
  stall_minutes: number;
  enabled: boolean;
  default_business_line: string | null;
  default_category: string | null;
  /** bigint: pg answers a string */
  uid_validity: ColumnType<string | null, string | number | null, string | number | null>;
  last_uid: ColumnType<string, string | number, string | number>;
  poll_lease_until: NullableTimestamp;
  last_poll_at: NullableTimestamp;
  last_success_at: NullableTimestamp;
  last_error_at: NullableTimestamp;
  last_error: string | null;
  watched_since: Timestamp;
  alert_raised: Generated<boolean>;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
}

export type InboundMailOutcome = 'pending' | 'created' | 'threaded' | 'ignored' | 'quarantined';

/** Every message that arrived in a mailbox, raw, with what became of it (#12, migration 0011). */
export interface InboundMailTable {
  id: string;
  mailbox_id: string;
  message_id: string;
  raw: Buffer;
  size: number;
  sha256: string;
  envelope_from: string | null;
  sender: string | null;
  subject: string | null;
  received_at: Timestamp;
  stored_at: Timestamp;
  imap_uid: ColumnType<string | null, string | number | null, string | number | null>;
  outcome: Generated<InboundMailOutcome>;
  reason: string | null;
  detail: string | null;
  complaint_id: string | null;
  processed_at: NullableTimestamp;
  attempts: Generated<number>;
}

/** A report to the leadership (#13 items 4 and 5, migration 0015): one version of a monthly or special report. */
export interface ReportsTable {
  id: string;
  kind: 'monthly' | 'special';
  series: string;
  version: number;
  title: string;
  period_from: string;
  period_to: string;
  parameters: JSONColumnType<Record<string, unknown>, string, string>;
  status: 'queued' | 'building' | 'draft' | 'final' | 'failed';
  progress: number;
  step: string | null;
  error: string | null;
  automatic: boolean;
  figures: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  commentary: string | null;
  recommendations: string | null;
  pdf: Buffer | null;
  xlsx: Buffer | null;
  requested_by: string;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  built_at: NullableTimestamp;
  commentary_by: string | null;
  commentary_at: NullableTimestamp;
  finalised_by: string | null;
  finalised_at: NullableTimestamp;
  updated_at: Timestamp;
}

type Numeric = ColumnType<string, string | number, string | number>;
type NullableNumeric = ColumnType<string | null, string | number | null, string | number | null>;

/**
 * The statistics read model (#13, migration 0014): one row per complaint, recomputed at commit of every
 * transaction that writes the complaint, its clocks or its records (deferred triggers); read-only for the code.
 */
export interface ComplaintFactsTable {
  id: string;
  number: string;
  created_by: string;
  assignee: string | null;
  tracker: string | null;
  received_at: Timestamp;
  /** local date (company time zone), YYYY-MM-DD */
  received_on: string;
  closed_at: NullableTimestamp;
  closed_on: string | null;
  status: string;
  level: number;
  channel: string;
  business_line: string;
  sector: 'insurance' | 'securities' | null;
  category: string;
  product: string | null;
  /** causes of the latest analysis record */
  causes: string[];
  branch_id: string | null;
  department_ids: string[];
  outcome: string | null;
  customer_group: string | null;
  imported: boolean;
  urgent: boolean;
  major: boolean;
  risk_flags: string[];
  /** round - 1 */
  reopen_count: number;
  surveyed: boolean;
  /** the latest survey's answer */
  satisfied: boolean | null;
  amount: NullableNumeric;
  compensation_proposed: Numeric;
  compensation_paid: Numeric;
  /** the level's result clock: l1_result | l2_result | l3_answer */
  policy_clock: string | null;
  policy_due_at: NullableTimestamp;
  policy_met_at: NullableTimestamp;
  policy_breached: boolean | null;
  regulatory_due_at: NullableTimestamp;
  regulatory_met_at: NullableTimestamp;
  regulatory_breached: boolean | null;
  /** when the decision was told to the customer: the regulatory clock's met time, else closed_at */
  decided_at: NullableTimestamp;
  /** calendar days from received to closed (4 decimals), null while open */
  handling_days: NullableNumeric;
  refreshed_at: Timestamp;
  refreshed_xid: string | null;
}

/** The company time zone the facts' local dates were computed in (#13, migration 0014). */
export interface StatisticsSettingsTable {
  id: Generated<boolean>;
  time_zone: string;
}

/** Months of complaint_facts rows changed, with the writing transaction (migration 0020, the statistics cache). */
export interface StatisticsMonthChangesTable {
  month: string;
  xid: Generated<string>;
}

export interface StatisticsMonthPrunesTable {
  month: string;
  pruned_xmax: string;
}

/** Figures of ended months, with the snapshot they were computed in (migration 0020). */
export interface StatisticsCacheTable {
  key: string;
  months: string[];
  snapshot: string;
  valid_from: Date | null;
  valid_until: Date | null;
  rows: JSONColumnType<unknown[], string, string>;
  created_at: Generated<Date>;
}

/** A historical import (#13 item 7, migration 0016): a CSV file, its mapping, progress and counts. */
export interface ImportRunsTable {
  id: string;
  mapping: string;
  file_name: string;
  file_size: ColumnType<string, string | number, string | number>;
  file_sha256: string;
  dry_run: boolean;
  status: 'queued' | 'running' | 'done' | 'failed';
  from_run_id: string | null;
  rows_read: Generated<number>;
  rows_valid: Generated<number>;
  rows_imported: Generated<number>;
  rows_skipped: Generated<number>;
  rows_failed: Generated<number>;
  rows_closed: Generated<number>;
  rows_open: Generated<number>;
  bytes_read: ColumnType<string, string | number | undefined, string | number>;
  error: string | null;
  created_by: string;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

/** The uploaded file of an import run, in 1 MiB chunks. */
export interface ImportRunChunksTable {
  run_id: string;
  seq: number;
  bytes: Buffer;
}

/** One problem of a row an import refused. */
export interface ImportRunErrorsTable {
  run_id: string;
  row_number: number;
  seq: number;
  source_id: string | null;
  column_name: string | null;
  code: string;
  params: JSONColumnType<Record<string, string | number>, string, string>;
}
