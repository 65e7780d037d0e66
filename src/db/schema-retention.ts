/** Tables of retention and anonymisation (#15 item 4, R-H6; migration 0028_retention.sql). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** One random 32-byte salt per complaint: hash version 2 commits to {reason, payload} with it. Deleted at anonymisation. */
export interface ComplaintSaltsTable {
  complaint_id: string;
  salt: Buffer;
  created_at: Generated<Date>;
}

export interface RetentionRunsTable {
  id: string;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  /** the time the run took for "now" (injected in tests) */
  now_used: Timestamp;
  status: 'running' | 'done' | 'failed';
  triggered_by: string;
  counts: ColumnType<Record<string, number>, string | undefined, string>;
  anonymised: ColumnType<string[], string[] | undefined, string[]>;
  held: ColumnType<string[], string[] | undefined, string[]>;
  errors: ColumnType<Array<{ complaintId: string | null; message: string }>, string | undefined, string>;
}

export interface RetentionTables {
  complaint_salts: ComplaintSaltsTable;
  retention_runs: RetentionRunsTable;
}
