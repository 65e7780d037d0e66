import type { ColumnType, Generated } from 'kysely';

type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** A legal hold on a complaint (migration 0029, #15 item 4, R-H6). */
export interface ComplaintLegalHoldsTable {
  id: Generated<string>;
  complaint_id: string;
  reason: string;
  /** users.id */
  placed_by: string;
  placed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** company-time date YYYY-MM-DD; null: until released */
  until: string | null;
  released_at: NullableTimestamp;
  released_by: string | null;
  release_reason: string | null;
}

export interface LegalHoldTables {
  complaint_legal_holds: ComplaintLegalHoldsTable;
}
