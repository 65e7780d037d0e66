/**
 * Printed documents of a complaint (#11 item 9): the acceptance receipt (受理回执), printed at the
 * counter or mailed to a letter's sender (any channel may print it), and the written reply letter
 * (书面答复函) once the feedback step recorded the answer. Whoever may read the complaint may print
 * them (complaint.read, within the data scope: out of scope is 404 like a wrong number); every print
 * is recorded in the audit log (R-H1), like every read of the complaint.
 */
import type { Principal } from '../../../domain/access/permissions.js';
import { documentFileName, expectedAnswerBy, type DocumentKind } from '../../../domain/documents/printed-documents.js';
import { DomainError } from '../../../domain/errors.js';
import type { Policy } from '../../../domain/policy/policy.schema.js';
import { listClocks } from '../../../db/repositories/clock.repository.js';
import type { ComplaintRecord } from '../../../db/repositories/complaint.repository.js';
import { listRecords } from '../../../db/repositories/record.repository.js';
import { audit } from '../../administration/audit.service.js';
import { currentPolicy } from '../../administration/policy.service.js';
import { complaintInScope } from '../../complaints/complaint-access.js';
import type { RequestMeta, ServiceContext } from '../../context.js';
import { channelsOf } from '../channel-settings.js';
import { receiptContent, replyLetterContent, type DocumentFacts, type ReplyFacts } from './document-content.js';
import { renderDocumentPdf } from './document-pdf.js';

export const PRINT_AUDIT_ACTION = 'complaint.print_document';

export interface PrintedFile {
  fileName: string;
  pdf: Buffer;
}

/** The document as a PDF, recorded in the audit log. */
export async function printComplaintDocument(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  idOrNumber: string,
  kind: DocumentKind,
): Promise<PrintedFile> {
  const c = await complaintInScope(ctx.db, p, idOrNumber);
  const [clocks, { policy }] = await Promise.all([listClocks(ctx.db, [c.id]), currentPolicy(ctx.db)]);
  const facts = documentFacts(ctx, c, policy, expectedAnswerBy(clocks));
  const content = kind === 'reply-letter' ? replyLetterContent(facts, await replyFacts(ctx, c, policy)) : receiptContent(facts);
  const pdf = await renderDocumentPdf(content);
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: PRINT_AUDIT_ACTION,
    outcome: 'success',
    targetType: 'complaint',
    targetId: c.id,
    // the documents name the complainant and nothing else personal: no more than the masked detail shows
    details: { number: c.number, kind, masked: true },
  });
  return { fileName: documentFileName(kind, c.number), pdf };
}

function documentFacts(ctx: ServiceContext, c: ComplaintRecord, policy: Policy, expectedBy: Date | null): DocumentFacts {
  const { companyName, publicUrl } = channelsOf(ctx);
  const t = policy.taxonomies;
  const line = t.businessLines.find((l) => l.code === c.business_line);
  return {
    companyName,
    publicUrl,
    timeZone: ctx.timeZone,
    number: c.number,
    complainantName: c.complainant_name,
    receivedAt: c.received_at,
    now: ctx.now(),
    channel: t.channels.find((e) => e.code === c.channel)?.zh ?? c.channel,
    businessLine: line?.zh ?? c.business_line,
    // a line no longer in the taxonomy: the insurance regulator, the sector most lines belong to
    sector: line?.sector ?? 'insurance',
    category: t.categories.find((e) => e.code === c.category)?.zh ?? c.category,
    expectedBy,
  };
}

/** The latest feedback and the conclusion: the outcome on closing, else the latest findings'. */
async function replyFacts(ctx: ServiceContext, c: ComplaintRecord, policy: Policy): Promise<ReplyFacts> {
  const [feedback, findings] = await Promise.all([listRecords(ctx.db, c.id, 'feedback'), listRecords(ctx.db, c.id, 'findings')]);
  const latest = feedback.at(-1);
  const content = latest?.data.content;
  if (!latest || typeof content !== 'string') throw new DomainError('reply_letter_without_feedback', {}, 'kind');
  const concluded = findings.at(-1)?.data.conclusion;
  const outcome = c.outcome ?? (typeof concluded === 'string' ? concluded : null);
  return {
    content,
    sentAt: latest.created_at,
    outcome: outcome === null ? null : (policy.taxonomies.outcomes.find((o) => o.code === outcome)?.zh ?? outcome),
  };
}
