/**
 * A complaint submitted on the portal or in the app (#12 item 1, R-B1, R-B2): registered like any
 * complaint that arrives by itself (registerFromChannel: graded, numbered, clocked, unassigned, its
 * files stored, the acknowledgment sent through the `complaint.registered` outbox row), with the
 * contact the customer verified as the complainant's phone or e-mail. One submit session registers
 * one complaint: the session is the idempotency key, so a retry (the answer lost on a bad mobile
 * connection) answers the same complaint, and another complaint needs a new verification.
 */
import { isDomainError } from '../../domain/errors.js';
import { DomainError } from '../../domain/errors.js';
import type { IntakeInput } from '../../domain/complaint/intake.js';
import { expectedAnswerBy } from '../../domain/documents/printed-documents.js';
import { localDate } from '../../domain/time/zoned.js';
import { ValidationError } from '../../domain/validation.js';
import { listClocks } from '../../db/repositories/clock.repository.js';
import { findComplaint } from '../../db/repositories/complaint.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import { registerFromChannel } from '../complaints/channel-intake.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import type { StagedEvidenceFile } from '../workflow/handlers/evidence.handlers.js';
import { auditPortal } from './portal-audit.js';
import { sessionsAfterSubmission, type PortalSession } from './portal-session.service.js';
import type { PortalSettings } from './portal-settings.js';

/** The `complaint` part of the form, as the route's schema parsed it. */
export interface PortalComplaintInput {
  channel: 'web' | 'app';
  name: string;
  businessLine: string;
  category: string;
  description: string;
  requestedRemedy?: string | null;
  amount?: string | null;
  product?: string | null;
  /** a second contact besides the verified one (the verified one always wins for its kind) */
  phone?: string | null;
  email?: string | null;
  /** a complaint about how one of the customer's complaints was handled (R-E5): its number */
  aboutComplaint?: string | null;
}

export interface SubmitAnswer {
  number: string;
  receivedAt: Date;
  /** the date the acknowledgment names for the answer (YYYY-MM-DD, company time zone) */
  expectedBy: string;
  /** the policy's regulatory decision time, in calendar days */
  expectedDays: number;
  /** a track session for the new complaint */
  token: string;
  tokenExpiresAt: Date;
}

/** The registrant recorded on the complaint and its history. */
const REGISTRANT = 'portal';

/** The fields of the form's `complaint` part, for the intake's own field names. */
function inForm(field: string): string {
  if (field.startsWith('complainant.')) return `complaint.${field.slice('complainant.'.length)}`;
  if (field === 'complainant') return 'complaint.name';
  return `complaint.${field}`;
}

export async function submitComplaint(
  ctx: ServiceContext,
  settings: PortalSettings,
  meta: RequestMeta,
  session: PortalSession,
  body: PortalComplaintInput,
  files: readonly StagedEvidenceFile[],
): Promise<SubmitAnswer> {
  const verified = session.contact;
  const input: IntakeInput = {
    channel: body.channel,
    businessLine: body.businessLine,
    category: body.category,
    product: body.product ?? null,
    description: body.description,
    requestedRemedy: body.requestedRemedy ?? null,
    amount: body.amount ?? null,
    urgent: false,
    riskFlags: [],
    jointComplainants: 1,
    aboutComplaint: body.aboutComplaint ?? null,
    complainant: {
      name: body.name,
      phone: verified.kind === 'phone' ? verified.value : (body.phone ?? null),
      email: verified.kind === 'email' ? verified.value : (body.email ?? null),
    },
  };
  const attempt = { action: 'public.submit' as const, contactKind: verified.kind, contactHash: session.contactHash };
  let registered: Awaited<ReturnType<typeof registerFromChannel>>;
  try {
    registered = await registerFromChannel(ctx, {
      input,
      files,
      by: REGISTRANT,
      idempotencyKey: `portal-session:${session.id}`,
      aboutOwnComplaint: true,
    });
  } catch (err) {
    if (err instanceof ValidationError) {
      await auditPortal(ctx, meta, { ...attempt, outcome: 'failure', reason: 'invalid' });
      throw new ValidationError(err.issues.map((i) => ({ ...i, field: inForm(i.field) })));
    }
    if (isDomainError(err) && err.code === 'idempotency_key_reused') {
      await auditPortal(ctx, meta, { ...attempt, outcome: 'failure', reason: 'session_used' });
      throw new DomainError('portal_session_used', {}, 'Authorization');
    }
    throw err;
  }
  const c = await findComplaint(ctx.db, registered.complaintId);
  if (!c) throw new Error(`complaint ${registered.complaintId} vanished after registration`);
  const [clocks, { policy }] = await Promise.all([listClocks(ctx.db, [c.id]), currentPolicy(ctx.db)]);
  const due = expectedAnswerBy(clocks);
  const track = await sessionsAfterSubmission(ctx, session, c.id, settings.code.sessionTtlSeconds);
  await auditPortal(ctx, meta, {
    ...attempt,
    outcome: 'success',
    number: c.number,
    ...(registered.replayed ? { reason: 'replayed' } : {}),
  });
  return {
    number: c.number,
    receivedAt: c.received_at,
    expectedBy: due ? localDate(due, ctx.timeZone) : '',
    expectedDays: policy.regulatory.decisionDays,
    token: track.token,
    tokenExpiresAt: track.expiresAt,
  };
}
