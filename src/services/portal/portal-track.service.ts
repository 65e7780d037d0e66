/**
 * Tracking with a code (#12 item 1): the customer's view of their complaint (the public stages,
 * the business line and category in words, and the thread of what they wrote and what they were
 * sent: texts only, no addresses, no staff, no notes), adding information and files, and answering
 * the satisfaction survey online. Each is audited (public.view, public.add_information,
 * public.survey); the session was checked by the route.
 */
import type { Principal } from '../../domain/access/permissions.js';
import type { CorrespondenceChannel } from '../../domain/codes.js';
import { DomainError } from '../../domain/errors.js';
import type { Status } from '../../domain/workflow/workflow.types.js';
import type { ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { listComplainantMessages, listFilesOfRecords, listRecordsOfKinds } from '../../db/repositories/correspondence.repository.js';
import { listRecords } from '../../db/repositories/record.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import { addCorrespondence } from '../complaints/channel-intake.service.js';
import { publicView, type PublicTrackView } from '../complaints/public-track.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { recordSurvey } from '../workflow/handlers/core.handlers.js';
import type { StagedEvidenceFile } from '../workflow/handlers/evidence.handlers.js';
import { performAction } from '../workflow/workflow.service.js';
import { auditPortal } from './portal-audit.js';
import type { PortalSession } from './portal-session.service.js';

export interface PortalThreadItem {
  id: string;
  direction: 'inbound' | 'outbound';
  channel: CorrespondenceChannel;
  at: Date;
  text: string;
  files: Array<{ id: string; name: string; size: number }>;
}

export interface PortalComplaintView extends PublicTrackView {
  businessLineLabel: string;
  categoryLabel: string;
  thread: PortalThreadItem[];
  survey: { open: boolean; answered: boolean };
  canAddInformation: boolean;
}

/** Where the customer may no longer write: the complaint left the company's handling (a closed one may still be written to). */
const NO_ADDITIONS: readonly Status[] = ['withdrawn', 'transferred', 'merged'];

/**
 * The synthetic principal the portal records the survey as: may read every complaint and take the
 * feedback steps, and nothing else (the token-style narrowing keeps it to these two actions).
 */
const PORTAL_PRINCIPAL: Principal = {
  userId: 'portal',
  username: 'portal',
  roles: ['agent', 'supervision_inspector'],
  branchIds: [],
  departmentIds: [],
  tokenActions: ['complaint.read', 'complaint.feedback'],
};

const CORRESPONDENCE: readonly string[] = ['email', 'sms', 'portal', 'letter', 'hotline'];
const asChannel = (v: unknown): CorrespondenceChannel => (CORRESPONDENCE.includes(String(v)) ? (v as CorrespondenceChannel) : 'letter');

/** What the customer wrote (correspondence records) and what they were sent (messages sent to them), oldest first. */
async function threadOf(ctx: ServiceContext, c: ComplaintRecord): Promise<PortalThreadItem[]> {
  const records = await listRecordsOfKinds(ctx.db, c.id, ['correspondence']);
  const files = await listFilesOfRecords(
    ctx.db,
    c.id,
    records.map((r) => r.id),
  );
  const items: PortalThreadItem[] = records.map((r) => ({
    id: r.id,
    direction: r.data.direction === 'outbound' ? 'outbound' : 'inbound',
    channel: asChannel(r.data.channel),
    at: r.created_at,
    text: typeof r.data.text === 'string' ? r.data.text : '',
    files: files.filter((f) => f.record_id === r.id).map((f) => ({ id: f.id, name: f.name, size: f.size })),
  }));
  for (const m of await listComplainantMessages(ctx.db, c.id)) {
    // only what reached the customer, as it was sent
    if ((m.status !== 'sent' && m.status !== 'delivered') || m.body === null || (m.channel !== 'email' && m.channel !== 'sms')) continue;
    items.push({ id: m.id, direction: 'outbound', channel: m.channel, at: m.sent_at ?? m.created_at, text: m.body, files: [] });
  }
  return items.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
}

/** A survey is open once the result was sent and the customer has not answered it in this round. */
async function surveyState(ctx: ServiceContext, c: ComplaintRecord): Promise<{ open: boolean; answered: boolean }> {
  const surveys = await listRecords(ctx.db, c.id, 'survey');
  const answered = surveys.some((r) => r.round === c.round);
  return { open: c.status === 'feedback_sent' && !answered, answered };
}

export async function portalComplaintView(
  ctx: ServiceContext,
  meta: RequestMeta,
  session: PortalSession,
  c: ComplaintRecord,
  locale: 'zh-CN' | 'en-US',
): Promise<PortalComplaintView> {
  const [view, thread, survey, { policy }] = await Promise.all([
    publicView(ctx.db, c),
    threadOf(ctx, c),
    surveyState(ctx, c),
    currentPolicy(ctx.db),
  ]);
  const label = (e: { zh: string; en: string } | undefined, code: string) => (e ? (locale === 'en-US' ? e.en : e.zh) : code);
  await auditPortal(ctx, meta, {
    action: 'public.view',
    outcome: 'success',
    contactKind: session.contact.kind,
    contactHash: session.contactHash,
    number: c.number,
  });
  return {
    ...view,
    businessLineLabel: label(
      policy.taxonomies.businessLines.find((e) => e.code === c.business_line),
      c.business_line,
    ),
    categoryLabel: label(
      policy.taxonomies.categories.find((e) => e.code === c.category),
      c.category,
    ),
    thread,
    survey,
    canAddInformation: !NO_ADDITIONS.includes(c.status as Status),
  };
}

/** Refuses before the upload what would be refused after it: 409 when the complaint takes no more information. */
export function checkInformationAccepted(c: ComplaintRecord): void {
  if (NO_ADDITIONS.includes(c.status as Status)) throw new DomainError('information_closed');
}

/** The customer adds information and files: a correspondence record (channel portal), its handler told. */
export async function addInformation(
  ctx: ServiceContext,
  meta: RequestMeta,
  session: PortalSession,
  c: ComplaintRecord,
  item: { text: string; files: readonly StagedEvidenceFile[] },
): Promise<{ id: string }> {
  checkInformationAccepted(c);
  const { recordId } = await addCorrespondence(ctx, c.id, {
    channel: 'portal',
    text: item.text,
    files: item.files,
    by: 'portal',
    from: null,
  });
  await auditPortal(ctx, meta, {
    action: 'public.add_information',
    outcome: 'success',
    contactKind: session.contact.kind,
    contactHash: session.contactHash,
    number: c.number,
  });
  return { id: recordId };
}

/**
 * The customer answers the satisfaction survey: the workflow's record_survey with method 'online',
 * as the principal 'portal'; a dissatisfied answer raises the tracked exception like any other.
 * 409 `survey_not_open` unless the result was sent and the survey not yet answered this round.
 */
export async function answerSurvey(
  ctx: ServiceContext,
  meta: RequestMeta,
  session: PortalSession,
  c: ComplaintRecord,
  answer: { satisfied: boolean; score: number; comment?: string | null },
): Promise<void> {
  const attempt = {
    action: 'public.survey' as const,
    contactKind: session.contact.kind,
    contactHash: session.contactHash,
    number: c.number,
  };
  if (!(await surveyState(ctx, c)).open) {
    await auditPortal(ctx, meta, { ...attempt, outcome: 'failure', reason: 'survey_not_open' });
    throw new DomainError('survey_not_open');
  }
  await performAction(ctx, meta, PORTAL_PRINCIPAL, c.id, recordSurvey, {
    satisfied: answer.satisfied,
    score: answer.score,
    method: 'online',
    comment: answer.comment ?? null,
  });
  await auditPortal(ctx, meta, { ...attempt, outcome: 'success' });
}
