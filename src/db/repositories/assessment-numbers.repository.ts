/**
 * The complaint numbers behind one assessment line, a keyset page at a time (#16 item 5): the
 * workbook's "complaints behind each figure" sheet is written as these pages come, so its memory
 * does not grow with the number of complaints of the period.
 */
import { sql } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';
import type { Database } from '../database.js';
import { scopeSql } from './complaint-scope.js';

/** Numbers after `after` (in number order) of the line's complaints in the reader's scope, and whether each is counted. */
export async function assessmentLineNumbersPage(
  db: Database,
  line: { assessmentId: string; seq: number; code: string },
  scope: ScopeFilter,
  after: string | null,
  limit: number,
): Promise<Array<{ number: string; counted: boolean }>> {
  const { rows } = await sql<{ number: string; counted: boolean }>`
    SELECT c.number, c.id = ANY(l.hit_ids) AS counted
    FROM assessment_lines l
    CROSS JOIN LATERAL unnest(l.base_ids || l.hit_ids) AS u(id)
    JOIN complaints c ON c.id = u.id
    WHERE l.assessment_id = ${line.assessmentId} AND l.subject_seq = ${line.seq} AND l.code = ${line.code}
      AND ${scopeSql(scope, 'c')} AND (${after}::text IS NULL OR c.number > ${after}::text)
    GROUP BY c.number, c.id, l.hit_ids
    ORDER BY c.number
    LIMIT ${limit}`.execute(db);
  return rows;
}
