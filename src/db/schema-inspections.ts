/** Tables of inspections (#14 item 1, R-E4; migration 0021_inspections.sql). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface StoredChecklistItem {
  code: string;
  text: string;
  weight: number;
}

export interface InspectionChecklistsTable {
  id: string;
  name: string;
  description: string;
  active: boolean;
  current_version: number;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
}

export interface InspectionChecklistVersionsTable {
  checklist_id: string;
  version: number;
  items: Json<StoredChecklistItem[]>;
  frozen_at: NullableTimestamp;
  created_at: Timestamp;
  created_by: string;
}

export interface InspectionPlansTable {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  period_from: string;
  period_to: string;
  department_ids: string[];
  rules: Json<unknown[]>;
  checklist_id: string;
  checklist_version: number;
  status: 'planned' | 'in_progress' | 'completed';
  summary: string | null;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  completed_at: NullableTimestamp;
  completed_by: string | null;
}

export interface InspectionSamplingRunsTable {
  id: string;
  plan_id: string;
  seq: number;
  /** bigint: read as a string */
  seed: ColumnType<string, number | string, number | string>;
  rules: Json<unknown[]>;
  population_size: number;
  population: Json<unknown[]>;
  drawn_ids: string[];
  drawn_at: Timestamp;
  drawn_by: string;
}

export interface InspectionItemsTable {
  id: string;
  plan_id: string;
  run_id: string | null;
  complaint_id: string;
  source: 'drawn' | 'manual';
  reasons: Json<unknown[]>;
  manual_reason: string | null;
  department_ids: string[];
  handler: string | null;
  answers: Json<{ code: string; result: string; comment?: string }[]>;
  /** numeric: read as a string */
  score: ColumnType<string | null, number | string | null, number | string | null>;
  scored_at: NullableTimestamp;
  scored_by: string | null;
  added_at: Timestamp;
  added_by: string;
  removed_at: NullableTimestamp;
  removed_by: string | null;
  removed_reason: string | null;
}

export interface InspectionFindingsTable {
  id: string;
  plan_id: string | null;
  item_id: string | null;
  complaint_id: string | null;
  department_id: string | null;
  person: string | null;
  severity: 'minor' | 'major' | 'critical';
  text: string;
  answer: string | null;
  answered_at: NullableTimestamp;
  answered_by: string | null;
  created_at: Timestamp;
  created_by: string;
}

export interface RectificationRequestsTable {
  id: string;
  plan_id: string | null;
  finding_id: string | null;
  complaint_id: string | null;
  department_id: string | null;
  addressee: string | null;
  text: string;
  status: 'open' | 'answered' | 'verified' | 'cancelled';
  working_days: number;
  started_at: Timestamp;
  first_due_at: NullableTimestamp;
  clock_status: 'running' | 'met' | 'breached' | 'cancelled';
  due_at: NullableTimestamp;
  warn_at: ColumnType<Date[], string, string>;
  warnings_sent: number;
  escalation_step: number;
  breached_at: NullableTimestamp;
  next_check_at: NullableTimestamp;
  policy_version: number;
  answer: string | null;
  answered_at: NullableTimestamp;
  answered_by: string | null;
  last_answered_at: NullableTimestamp;
  verified_at: NullableTimestamp;
  verified_by: string | null;
  verdict_note: string | null;
  rounds: number;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
}

export interface RectificationEventsTable {
  id: Generated<string>;
  request_id: string;
  type: string;
  actor: string;
  occurred_at: Timestamp;
  details: Json<Record<string, unknown>>;
}

export interface InspectionTables {
  inspection_checklists: InspectionChecklistsTable;
  inspection_checklist_versions: InspectionChecklistVersionsTable;
  inspection_plans: InspectionPlansTable;
  inspection_sampling_runs: InspectionSamplingRunsTable;
  inspection_items: InspectionItemsTable;
  inspection_findings: InspectionFindingsTable;
  rectification_requests: RectificationRequestsTable;
  rectification_events: RectificationEventsTable;
}
