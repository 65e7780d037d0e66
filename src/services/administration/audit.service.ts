import type { Database } from '../../db/database.js';
import { auditNames, type AuditNames } from '../../db/repositories/audit-names.repository.js';
import { insertAudit, listAudit, type AuditEntry, type AuditQuery, type AuditRow } from '../../db/repositories/audit.repository.js';
import type { RequestMeta } from '../context.js';

/**
 * Sign-ins, failed sign-ins, password changes, denials, reads of a complaint, unmasking, exports and
 * every administrative change (users, org units, tokens, policy versions, the calendar) land here (R-H1).
 */
export async function audit(db: Database, meta: RequestMeta | null, e: Omit<AuditEntry, 'ip'>): Promise<void> {
  await insertAudit(db, { ...e, ip: meta?.ip ?? null });
}

/**
 * A page of the audit log, newest first. Besides the raw ids, each row names its object as a person
 * reads it (`targetLabel`: the complaint number, "name (username)", the org unit in the reader's
 * language, "v3" for a policy version, the calendar year or day) and the actor's display name.
 */
export async function auditLog(db: Database, q: AuditQuery, english = false) {
  const { rows, hasMore } = await listAudit(db, q);
  const of = (type: string) => rows.filter((r) => r.target_type === type && r.target_id !== null).map((r) => r.target_id!);
  const names = await auditNames(db, {
    userIds: of('user'),
    usernames: rows.map((r) => r.actor),
    orgUnitIds: of('org_unit'),
    complaintRefs: of('complaint'),
    tokenIds: of('api_token'),
  });
  return {
    items: rows.map((r) => {
      const actor = names.users.get(r.actor);
      return {
        id: String(r.id),
        at: r.at,
        actor: r.actor,
        actorName: actor?.name ?? null,
        action: r.action,
        outcome: r.outcome,
        targetType: r.target_type,
        targetId: r.target_id,
        targetLabel: targetLabel(r, names, english),
        ip: r.ip,
        details: r.details,
      };
    }),
    nextCursor: hasMore && rows.length > 0 ? String(rows[rows.length - 1]!.id) : null,
  };
}

function targetLabel(r: AuditRow, names: AuditNames, english: boolean): string | null {
  const id = r.target_id;
  if (id === null) return null;
  const detail = (key: string) => (typeof r.details[key] === 'string' ? (r.details[key] as string) : null);
  switch (r.target_type) {
    case 'user': {
      const u = names.users.get(id);
      return u ? `${u.name} (${u.username})` : (detail('username') ?? id);
    }
    case 'org_unit': {
      const o = names.orgUnits.get(id);
      return o ? (english ? o.en : o.zh) : (detail('code') ?? id);
    }
    case 'complaint':
      // a refused read keeps what was asked for: a number or id that may not exist
      return names.complaints.get(id) ?? detail('number') ?? id;
    case 'api_token':
      return names.tokens.get(id) ?? detail('name') ?? id;
    case 'policy_version':
      return `v${id}`;
    case 'webhook':
    case 'mailbox':
      return detail('name') ?? id;
    case 'inbound_mail':
      return detail('messageId') ?? id;
    default:
      return id;
  }
}
