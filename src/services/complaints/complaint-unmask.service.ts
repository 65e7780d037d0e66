import { MASKED_FIELDS } from '../../domain/personal-data/masking.js';
import type { Principal } from '../../domain/access/permissions.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { audit } from '../administration/audit.service.js';
import { complaintInScope } from './complaint-access.js';
import type { RequestMeta, ServiceContext } from '../context.js';

/**
 * An explicit request, with a reason, to see one complaint's personal data unmasked (PIPL,
 * R-H1). Recorded on the complaint's chain and in the audit log in the same transaction.
 */
export async function recordUnmask(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  idOrNumber: string,
  reason: string,
): Promise<string> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await complaintInScope(trx, p, idOrNumber, true);
    await appendEvents(trx, c.id, [
      { type: 'personal_data_viewed', actor: p.username, occurredAt: now, reason, payload: { fields: [...MASKED_FIELDS] } },
    ]);
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'complaint.unmask',
      outcome: 'success',
      targetType: 'complaint',
      targetId: c.id,
      details: { number: c.number, reason, fields: [...MASKED_FIELDS] },
    });
    return c.id;
  });
}
