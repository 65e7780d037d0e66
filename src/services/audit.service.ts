import type { Database } from '../db/database.js';
import { insertAudit, listAudit, type AuditEntry, type AuditQuery } from '../db/repositories/audit.repository.js';
import type { RequestMeta } from './context.js';

/** Sign-ins, failed sign-ins, denials, unmasking, exports and administration land here (R-H1). */
export async function audit(db: Database, meta: RequestMeta | null, e: Omit<AuditEntry, 'ip'>): Promise<void> {
  await insertAudit(db, { ...e, ip: meta?.ip ?? null });
}

export async function auditLog(db: Database, q: AuditQuery) {
  const { rows, hasMore } = await listAudit(db, q);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      actor: r.actor,
      action: r.action,
      outcome: r.outcome,
      targetType: r.target_type,
      targetId: r.target_id,
      ip: r.ip,
      details: r.details,
    })),
    nextCursor: hasMore && rows.length > 0 ? String(rows[rows.length - 1]!.id) : null,
  };
}
