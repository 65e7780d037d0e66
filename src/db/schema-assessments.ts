/** Tables of periodic assessments (#14 item 5, R-E6; migration 0024_assessments.sql). */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
/** numeric: read as a string, written as a number */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null, number | string | null>;

export interface AssessmentsTable {
  id: string;
  period_kind: 'month' | 'quarter';
  period: string;
  /** YYYY-MM-DD */
  period_from: string;
  period_to: string;
  department_id: string | null;
  status: 'frozen' | 'signed';
  policy_version: number;
  computed_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
  signed_by: string | null;
  signed_at: NullableTimestamp;
  sign_comment: string | null;
}

export interface AssessmentSubjectsTable {
  assessment_id: string;
  seq: number;
  kind: 'department' | 'person';
  subject_id: string;
  name_zh: string;
  name_en: string;
  department_ids: string[];
  score: NullableNumeric;
}

export interface AssessmentLinesTable {
  assessment_id: string;
  subject_seq: number;
  code: string;
  value: NullableNumeric;
  numerator: number | null;
  denominator: number | null;
  target: NullableNumeric;
  weight: Numeric;
  achieved: NullableNumeric;
  met: boolean | null;
  base_ids: string[];
  hit_ids: string[];
}

export interface AssessmentTables {
  assessments: AssessmentsTable;
  assessment_subjects: AssessmentSubjectsTable;
  assessment_lines: AssessmentLinesTable;
}
