import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { AuditLogTable, DB } from '../schema.js';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function insertAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor: e.actor,
      action: e.action,
      outcome: e.outcome,
      target_type: e.targetType ?? null,
      target_id: e.targetId ?? null,
      ip: e.ip ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  outcome?: 'success' | 'denied' | 'failure';
  targetId?: string;
  from?: Date;
  to?: Date;
  /** id of the last row of the previous page (newest first) */
  before?: string;
  limit: number;
}

export async function listAudit(db: Kysely<DB>, q: AuditQuery): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.actor) query = query.where('actor', '=', q.actor);
  if (q.action) query = query.where(sql<SqlBool>`action LIKE ${`${q.action.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  if (q.outcome) query = query.where('outcome', '=', q.outcome);
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.before) query = query.where('id', '<', q.before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return { rows: rows.slice(0, q.limit), hasMore: rows.length > q.limit };
}
