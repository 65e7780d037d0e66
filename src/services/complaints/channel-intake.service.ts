/**
 * Complaints and messages that arrive without staff typing them (#12, R-B1, R-H3): the portal and
 * the mobile app, e-mail (SMTP listener and IMAP polling), the hotline's drafts. Two writes, each
 * one transaction: a new complaint (registered like any other, but unassigned, with its files) and
 * an inbound message on an existing complaint (a record of kind `correspondence` with its files and
 * an event, and a notice to the people handling it).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CorrespondenceChannel } from '../../domain/codes.js';
import type { IntakeInput } from '../../domain/complaint/intake.js';
import { DomainError } from '../../domain/errors.js';
import { findComplaint, touchComplaint } from '../../db/repositories/complaint.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { insertRecord } from '../../db/repositories/record.repository.js';
import { notify } from '../workflow/notify.service.js';
import type { StagedEvidenceFile } from '../workflow/handlers/evidence.handlers.js';
import type { ServiceContext } from '../context.js';
import { storeFiles } from './attachment-store.js';
import { registerComplaint } from './complaint-intake.service.js';
import { sanitizeFileName } from '../workflow/handlers/evidence-file.js';

export interface ChannelIntake {
  /** input.channel names the channel: 'web', 'app', 'email', 'hotline'… */
  input: IntakeInput;
  files: readonly StagedEvidenceFile[];
  /** who or what registered it: 'portal', 'app', 'mail:<mailboxId>', or a username */
  by: string;
  idempotencyKey?: string;
  /** the customer wrote it themself (portal, app, e-mail): `input.aboutComplaint` must name one of their own complaints (R-E5) */
  aboutOwnComplaint?: boolean;
}

/**
 * Registers a complaint that arrived by itself: graded, numbered and clocked like every other,
 * unassigned (its department's supervisors are told), its files stored under an `attachment`
 * record, and its acknowledgment sent by the `complaint.registered` outbox row (R-B2).
 */
export async function registerFromChannel(
  ctx: ServiceContext,
  intake: ChannelIntake,
): Promise<{ complaintId: string; number: string; replayed: boolean }> {
  const result = await registerComplaint(
    ctx,
    { id: intake.by },
    { branchIds: [], departmentIds: [] },
    intake.input,
    intake.idempotencyKey,
    { files: intake.files, attachmentSource: intake.input.channel, unassigned: true, aboutOwnComplaint: intake.aboutOwnComplaint === true },
  );
  const c = await findComplaint(ctx.db, result.complaintId);
  if (!c) throw new Error(`complaint ${result.complaintId} vanished after registration`);
  return { ...result, number: c.number };
}

export interface InboundCorrespondence {
  channel: CorrespondenceChannel;
  subject?: string | null;
  text: string;
  /** the sender as written (an e-mail address, a phone); personal data, masked when shown */
  from?: string | null;
  /** the e-mail's Message-ID, for threading and dedupe */
  messageId?: string | null;
  files: readonly StagedEvidenceFile[];
  by: string;
}

/**
 * Adds an inbound message to a complaint (#12 item 5): a portal addition, an e-mail reply, a letter
 * received. Accepted in every status (a customer may write after the close; the handler decides
 * whether to reopen). Its handler and tracker are told, or the supervisors when it has neither.
 */
export async function addCorrespondence(
  ctx: ServiceContext,
  complaintId: string,
  item: InboundCorrespondence,
): Promise<{ recordId: string }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await findComplaint(trx, complaintId, true);
    if (!c) throw new DomainError('not_found', { id: complaintId });
    const recordId = randomUUID();
    const files = await storeFiles(trx, { complaintId: c.id, recordId, files: item.files, by: item.by, at: now });
    const subject = item.subject ?? null;
    const messageId = item.messageId ?? null;
    await insertRecord(trx, {
      id: recordId,
      complaintId: c.id,
      kind: 'correspondence',
      round: c.round,
      status: null,
      data: { direction: 'inbound', channel: item.channel, subject, text: item.text, from: item.from ?? null, messageId, files },
      at: now,
      by: item.by,
    });
    await appendEvents(trx, c.id, [
      {
        type: 'correspondence_received',
        actor: item.by,
        occurredAt: now,
        payload: { recordId, channel: item.channel, subject, messageId, files },
      },
    ]);
    await touchComplaint(trx, c.id, now);
    const handled = c.assignee !== null || c.tracker !== null;
    await notify(
      trx,
      { id: c.id, number: c.number, departmentIds: c.department_ids, branchId: c.branch_id, assignee: c.assignee, tracker: c.tracker },
      handled ? ['assignee', 'tracker'] : ['supervisors'],
      {
        kind: 'customer_wrote',
        sourceKey: `correspondence:${recordId}`,
        message: { template: 'complaint.customer_wrote', params: { number: c.number, channel: item.channel } },
      },
      now,
    );
    return { recordId };
  });
}

/**
 * Writes bytes held in memory (an e-mail's attachment) to a temp file with its sha256, in the shape
 * an upload is staged in, for the two functions above. Call `cleanup` whatever happens next.
 */
export async function stageBuffer(
  bytes: Buffer,
  name: string,
  contentType: string,
): Promise<{ file: StagedEvidenceFile; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intake-'));
  const target = path.join(dir, 'file');
  await writeFile(target, bytes);
  return {
    file: {
      path: target,
      name: sanitizeFileName(name || 'file'),
      contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
