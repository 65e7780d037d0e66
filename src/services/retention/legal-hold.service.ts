/**
 * Legal holds (#15 item 4, R-H6): a hold stops the anonymisation of a complaint's personal data
 * when its retention period ends. Placed with a reason and an optional end date, released with a
 * reason; one unreleased hold per complaint. Each write is one transaction with the complaint row
 * locked: the hold, a hash-chained event on the complaint and an audit entry.
 */
import { can, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { localDate } from '../../domain/time/zoned.js';
import type { Database } from '../../db/database.js';
import type { ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import {
  findUnreleasedHold,
  insertHold,
  listHoldsOfComplaint,
  releaseHold,
  type LegalHoldView,
} from '../../db/repositories/legal-hold.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { complaintForRetention } from './legal-hold-access.js';
import { retentionStatusOf, type RetentionStatus } from './legal-hold-status.js';

export interface HoldView {
  id: string;
  reason: string;
  placedAt: Date;
  placedBy: string;
  placedByName: string;
  /** company-time date; null: until released */
  until: string | null;
  /** unreleased and not past its end date */
  inForce: boolean;
  releasedAt: Date | null;
  releasedBy: string | null;
  releasedByName: string | null;
  releaseReason: string | null;
}

export interface LegalHoldPanel {
  complaintId: string;
  number: string;
  retention: RetentionStatus;
  /** the unreleased hold, if any (in force or past its end date) */
  current: HoldView | null;
  history: HoldView[];
  canHold: boolean;
}

export function holdView(h: LegalHoldView, today: string): HoldView {
  return {
    id: h.id,
    reason: h.reason,
    placedAt: h.placed_at,
    placedBy: h.placed_by_username,
    placedByName: h.placed_by_name,
    until: h.until,
    inForce: h.released_at === null && (h.until === null || h.until >= today),
    releasedAt: h.released_at,
    releasedBy: h.released_by_username,
    releasedByName: h.released_by_name,
    releaseReason: h.release_reason,
  };
}

async function panelOf(ctx: ServiceContext, db: Database, p: Principal, c: ComplaintRecord): Promise<LegalHoldPanel> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const [holds, { policy }] = await Promise.all([listHoldsOfComplaint(db, c.id), currentPolicy(db)]);
  const views = holds.map((h) => holdView(h, today));
  const current = views.find((h) => h.releasedAt === null) ?? null;
  return {
    complaintId: c.id,
    number: c.number,
    retention: retentionStatusOf(c, policy, ctx.timeZone, today, current?.inForce ?? false),
    current,
    history: views,
    canHold: can(p, 'retention.hold'),
  };
}

function mustHold(p: Principal): void {
  if (!can(p, 'retention.hold')) throw new DomainError('forbidden', { action: 'retention.hold' });
}

/** GET /api/complaints/:id/legal-hold (`retention.read`): the retention status and the holds. */
export async function getLegalHoldPanel(ctx: ServiceContext, p: Principal, idOrNumber: string): Promise<LegalHoldPanel> {
  if (!can(p, 'retention.read')) throw new DomainError('forbidden', { action: 'retention.read' });
  const c = await complaintForRetention(ctx.db, p, idOrNumber);
  return panelOf(ctx, ctx.db, p, c);
}

/** Places a hold on an open or closed complaint; refused while another hold is unreleased. */
export async function placeLegalHold(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  idOrNumber: string,
  input: { reason: string; until?: string | null },
): Promise<LegalHoldPanel> {
  mustHold(p);
  const now = ctx.now();
  const today = localDate(now, ctx.timeZone);
  const until = input.until ?? null;
  if (until !== null && until < today) throw new DomainError('legal_hold_until_past', { value: until }, 'until');
  return ctx.db.transaction().execute(async (trx) => {
    const c = await complaintForRetention(trx, p, idOrNumber, true);
    const existing = await findUnreleasedHold(trx, c.id, true);
    if (existing) {
      const by = (await listHoldsOfComplaint(trx, c.id)).find((h) => h.id === existing.id);
      throw new DomainError('legal_hold_exists', { placedBy: by?.placed_by_username ?? '' });
    }
    const hold = await insertHold(trx, { complaintId: c.id, reason: input.reason, placedBy: p.userId, placedAt: now, until });
    await appendEvents(trx, c.id, [
      { type: 'legal_hold_placed', actor: p.username, occurredAt: now, reason: input.reason, payload: { holdId: hold.id, until } },
    ]);
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'legal_hold.place',
      outcome: 'success',
      targetType: 'complaint',
      targetId: c.id,
      details: { number: c.number, holdId: hold.id, reason: input.reason, until },
    });
    return panelOf(ctx, trx, p, c);
  });
}

/** Releases the complaint's unreleased hold with a reason. */
export async function releaseLegalHold(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  idOrNumber: string,
  input: { reason: string },
): Promise<LegalHoldPanel> {
  mustHold(p);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await complaintForRetention(trx, p, idOrNumber, true);
    const hold = await findUnreleasedHold(trx, c.id, true);
    if (!hold) throw new DomainError('legal_hold_not_found');
    const placedBy = (await listHoldsOfComplaint(trx, c.id)).find((h) => h.id === hold.id)?.placed_by_username ?? '';
    await releaseHold(trx, hold.id, { by: p.userId, at: now, reason: input.reason });
    await appendEvents(trx, c.id, [
      {
        type: 'legal_hold_released',
        actor: p.username,
        occurredAt: now,
        reason: input.reason,
        payload: { holdId: hold.id, placedAt: hold.placed_at, placedBy, holdReason: hold.reason },
      },
    ]);
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'legal_hold.release',
      outcome: 'success',
      targetType: 'complaint',
      targetId: c.id,
      details: { number: c.number, holdId: hold.id, reason: input.reason },
    });
    return panelOf(ctx, trx, p, c);
  });
}
