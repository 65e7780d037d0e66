/**
 * Every portal and app attempt lands in the audit log (#12, like public.track): asking for a code,
 * trying one, submitting, viewing, adding information, answering the survey; refused ones too. The
 * contact is never written, nor the code: only the kind of contact and a short reference (the head
 * of its keyed hash), enough to see that attempts concern the same contact.
 */
import type { PortalPurpose } from '../../domain/portal/one-time-code.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';

export type PortalAuditAction =
  'public.code' | 'public.session' | 'public.submit' | 'public.view' | 'public.add_information' | 'public.survey';

export interface PortalAttempt {
  action: PortalAuditAction;
  outcome: 'success' | 'failure' | 'denied';
  reason?: string;
  purpose?: PortalPurpose;
  contactKind?: 'phone' | 'email' | null;
  /** the contact's keyed hash; only its head is kept */
  contactHash?: string | null;
  /** the complaint number as typed or found */
  number?: string | null;
}

export async function auditPortal(ctx: ServiceContext, meta: RequestMeta, a: PortalAttempt): Promise<void> {
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: 'public',
    action: a.action,
    outcome: a.outcome,
    targetType: a.number ? 'complaint' : null,
    targetId: a.number ? a.number.slice(0, 64) : null,
    details: {
      ...(a.reason ? { reason: a.reason } : {}),
      ...(a.purpose ? { purpose: a.purpose } : {}),
      contactKind: a.contactKind ?? null,
      contactRef: a.contactHash ? a.contactHash.slice(0, 16) : null,
      userAgent: meta.userAgent?.slice(0, 200) ?? null,
    },
  });
}
