/** Tables of training (#15 item 1, R-G1; migration 0026_training.sql). */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric comes back as a string */
type Numeric = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export interface TrainingPlansTable {
  id: string;
  kind: string;
  title: string;
  content_areas: string[];
  period_from: string;
  period_to: string;
  description: string;
  status: string;
  origin_kind: string | null;
  origin_id: string | null;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
}

export interface TrainingSessionsTable {
  id: string;
  plan_id: string;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  trainer: string;
  place: string | null;
  online_url: string | null;
  max_score: Numeric;
  pass_mark: Numeric;
  status: string;
  reminded_at: NullableTimestamp;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
}

export interface TrainingEnrolmentsTable {
  plan_id: string;
  username: string;
  source: string;
  source_ref: string | null;
  enrolled_at: Timestamp;
  enrolled_by: string;
}

export interface TrainingAttendanceTable {
  session_id: string;
  username: string;
  status: string;
  score: Numeric;
  recorded_at: Timestamp;
  recorded_by: string;
}

export interface TrainingMaterialsTable {
  id: string;
  session_id: string;
  name: string;
  content_type: string;
  size: ColumnType<string, string | number, string | number>;
  sha256: string;
  chunks: number;
  created_at: Timestamp;
  created_by: string;
}

export interface TrainingMaterialChunksTable {
  material_id: string;
  seq: number;
  bytes: Buffer;
}

export interface TrainingSessionCasesTable {
  session_id: string;
  case_id: string;
  added_at: Timestamp;
  added_by: string;
}

export interface TrainingTables {
  training_session_cases: TrainingSessionCasesTable;
  training_plans: TrainingPlansTable;
  training_sessions: TrainingSessionsTable;
  training_enrolments: TrainingEnrolmentsTable;
  training_attendance: TrainingAttendanceTable;
  training_materials: TrainingMaterialsTable;
  training_material_chunks: TrainingMaterialChunksTable;
}
