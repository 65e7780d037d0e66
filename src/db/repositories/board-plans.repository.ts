/**
 * Open level-1 complaints with their leadership plans (R-C3): the meeting records that
 * record-meeting writes (complaint_records kind 'meeting', data.milestones with id, title, owner,
 * dueAt) and the milestone clocks (kind 'milestone', subject_id = milestone id, label = title).
 */
import { sql } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';
import { OPEN_STATUSES } from '../../domain/workflow/workflow.types.js';
import type { Database } from '../database.js';
import { overdueClockOf, scopeOf } from './board.repository.js';

export interface Level1Row {
  id: string;
  number: string;
  status: string;
  category: string;
  businessLine: string;
  amount: string | null;
  receivedAt: Date;
  assignee: string | null;
  tracker: string | null;
  overdue: boolean;
  total: number;
}

/** Open level-1 complaints in scope, the earliest received first (the longest waiting on top). */
export async function openLevel1(db: Database, scope: ScopeFilter, now: Date, limit: number): Promise<Level1Row[]> {
  const r = await sql<Level1Row>`
    SELECT c.id, c.number, c.status, c.category, c.business_line AS "businessLine", c.amount, c.received_at AS "receivedAt",
           c.assignee, c.tracker, ${overdueClockOf(now)} AS overdue, (count(*) OVER ())::int AS total
    FROM complaints c
    WHERE c.level = 1 AND c.status IN (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))}) AND ${scopeOf(scope)}
    ORDER BY c.received_at, c.id
    LIMIT ${limit}`.execute(db);
  return r.rows;
}

export interface MeetingRow {
  complaintId: string;
  round: number;
  createdAt: Date;
  data: Record<string, unknown>;
}

/** Every leadership meeting of these complaints, oldest first. */
export async function meetingsOf(db: Database, complaintIds: readonly string[]): Promise<MeetingRow[]> {
  if (complaintIds.length === 0) return [];
  return db
    .selectFrom('complaint_records')
    .select(['complaint_id as complaintId', 'round', 'created_at as createdAt', 'data'])
    .where('kind', '=', 'meeting')
    .where('complaint_id', 'in', complaintIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface MilestoneClockRow {
  complaintId: string;
  subjectId: string | null;
  label: string | null;
  dueAt: Date | null;
  status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  metAt: Date | null;
  breachedAt: Date | null;
}

/** The milestone clocks of these complaints. */
export async function milestoneClocksOf(db: Database, complaintIds: readonly string[]): Promise<MilestoneClockRow[]> {
  if (complaintIds.length === 0) return [];
  return db
    .selectFrom('complaint_clocks')
    .select([
      'complaint_id as complaintId',
      'subject_id as subjectId',
      'label',
      'due_at as dueAt',
      'status',
      'met_at as metAt',
      'breached_at as breachedAt',
    ])
    .where('kind', '=', 'milestone')
    .where('complaint_id', 'in', complaintIds)
    .execute();
}

export interface NamedRow {
  key: string;
  zh: string;
  en: string;
}

/** Display names of users (by username) for owners. */
export async function userNames(db: Database, usernames: readonly string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['username', 'display_name']).where('username', 'in', usernames).execute();
  return new Map(rows.map((r) => [r.username, r.display_name]));
}

/** zh / en names of org units by id. */
export async function unitNames(db: Database, ids: readonly string[]): Promise<Map<string, NamedRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'code', 'name_zh', 'name_en']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { key: r.code, zh: r.name_zh, en: r.name_en }]));
}
