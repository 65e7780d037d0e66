/**
 * Tracking a complaint on the public portal (R-G3, R-H3): number plus the phone or e-mail given at
 * registration. An unknown number and a wrong contact give the same answer (null), so the portal
 * cannot be used to learn which numbers exist; every attempt lands in the audit log, without the
 * contact typed.
 */
import { listClocks } from '../../db/repositories/clock.repository.js';
import type { Database } from '../../db/database.js';
import { findComplaint, type ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { listEvents } from '../../db/repositories/event.repository.js';
import { isStepEvent } from '../../domain/events/event-types.js';
import { contactKind, contactMatches, PUBLIC_NUMBER, publicStages, type PublicStageView } from '../../domain/complaint/public-track.js';
import { FINAL_STATUSES, type Status } from '../../domain/workflow/workflow.types.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';

/** What a customer sees: no personal data, no notes, no staff, no level. */
export interface PublicTrackView {
  number: string;
  status: Status;
  finished: boolean;
  receivedAt: Date;
  /** the regulator's calendar-day deadline for the answer (null when there is none) */
  regulatoryDueAt: Date | null;
  updatedAt: Date;
  stages: PublicStageView[];
}

export const TRACK_AUDIT_ACTION = 'public.track';

type Outcome =
  | { outcome: 'success' }
  | { outcome: 'failure'; reason: 'unknown_number' | 'contact_mismatch' }
  | { outcome: 'denied'; reason: 'rate_limited' };

async function auditAttempt(ctx: ServiceContext, meta: RequestMeta, number: string, contact: string | null, o: Outcome): Promise<void> {
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: 'public',
    action: TRACK_AUDIT_ACTION,
    outcome: o.outcome,
    targetType: 'complaint',
    targetId: number.slice(0, 64),
    details: {
      ...('reason' in o ? { reason: o.reason } : {}),
      contactKind: contact === null ? null : contactKind(contact),
      userAgent: meta.userAgent?.slice(0, 200) ?? null,
    },
  });
}

/** An attempt refused by the rate limit, for the audit log. */
export async function trackRateLimited(ctx: ServiceContext, meta: RequestMeta, number: string, contact: string): Promise<void> {
  await auditAttempt(ctx, meta, number, contact, { outcome: 'denied', reason: 'rate_limited' });
}

/** The complaint's public view, or null for an unknown number or a contact that is not its own. */
export async function trackComplaint(
  ctx: ServiceContext,
  meta: RequestMeta,
  number: string,
  contact: string,
): Promise<PublicTrackView | null> {
  // the pattern keeps ids out: only a number finds a complaint here
  const c = PUBLIC_NUMBER.test(number) ? await findComplaint(ctx.db, number) : undefined;
  if (!c || !contactMatches({ phone: c.complainant_phone, email: c.complainant_email }, contact)) {
    await auditAttempt(ctx, meta, number, contact, { outcome: 'failure', reason: c ? 'contact_mismatch' : 'unknown_number' });
    return null;
  }
  await auditAttempt(ctx, meta, number, contact, { outcome: 'success' });
  return publicView(ctx.db, c);
}

/** The customer's view of a complaint (also the portal's tracking with a code, #12). */
export async function publicView(db: Database, c: ComplaintRecord): Promise<PublicTrackView> {
  const [events, clocks] = await Promise.all([listEvents(db, c.id), listClocks(db, [c.id])]);
  const regulatory = clocks.filter((k) => k.kind === 'regulatory' && k.status !== 'cancelled').at(-1) ?? null;
  const status = c.status as Status;
  return {
    number: c.number,
    status,
    finished: FINAL_STATUSES.includes(status),
    receivedAt: c.received_at,
    regulatoryDueAt: regulatory?.dueAt ?? null,
    updatedAt: c.updated_at,
    stages: publicStages(
      { status, receivedAt: c.received_at, closedAt: c.closed_at },
      events.map((e) => ({
        type: e.type,
        occurredAt: e.occurredAt,
        toStatus: isStepEvent(e) ? (e.payload.toStatus ?? null) : null,
      })),
    ),
  };
}
