/** Tables of the case library (#15 item 2, R-G2; migration 0025_teaching_cases.sql). */
import type { ColumnType, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type TeachingCaseStatus = 'draft' | 'in_review' | 'published' | 'rejected' | 'withdrawn';

/** Placeholders per field of the case: kinds and offsets in the stored (anonymised) text. */
export type StoredRedactions = Record<string, { kind: string; start: number; end: number }[]>;

export interface TeachingCasesTable {
  id: string;
  complaint_id: string;
  status: TeachingCaseStatus;
  title: string;
  background: string;
  handling: string;
  outcome: string;
  lessons: string;
  business_line: string;
  category: string;
  cause_codes: string[];
  lesson_tags: string[];
  attachment_names: string[];
  redactions: JSONColumnType<StoredRedactions, string, string>;
  search_text: string;
  proposed_by: string;
  proposed_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  review_note: string | null;
  published_at: NullableTimestamp;
  withdrawn_by: string | null;
  withdrawn_at: NullableTimestamp;
  withdrawn_reason: string | null;
}

export interface CaseTables {
  teaching_cases: TeachingCasesTable;
}
