/**
 * One stored e-mail processed (#12 item 2, R-B1): automatic mail (auto-replies, bounces, lists) is
 * ignored and never answered; a reply naming a complaint (its number in the subject, sent by the
 * complainant's address, or In-Reply-To/References naming a message we sent or received about it)
 * is added to that complaint's correspondence; anything else becomes a new complaint on channel
 * `email`. A message naming one of the sender's complaints in its subject and saying it is about how
 * that complaint was handled (domain/workflow/handling-complaint.ts) becomes a new complaint about its
 * handling (R-E5), routed to the supervision department. Whatever throws while parsing or importing quarantines the message (raw kept, the
 * administrators told) and the job completes, so one bad message never blocks the others. Only the
 * database being away is thrown, for the job to retry.
 *
 * The row stays locked (FOR UPDATE SKIP LOCKED) while it is processed: a second job for the same
 * message (a requeue after a lost job) skips it. Registration carries the idempotency key
 * `mail:<id>`, and a reply already recorded (a crash before the outcome was written) is not added
 * twice, so a retried import never creates a second complaint or item.
 */
import type { ParsedMail } from 'mailparser';
import {
  automaticReason,
  complaintNumbersIn,
  mailIntakeTaxonomy,
  repliedMessageIds,
  type QuarantineReason,
} from '../../../domain/messages/inbound-mail.js';
import { readHeaders, storable } from '../../../domain/messages/mail-headers.js';
import { isAboutHandling } from '../../../domain/workflow/handling-complaint.js';
import { isDatabaseUnavailable } from '../../../db/connection-errors.js';
import type { Database } from '../../../db/database.js';
import {
  complaintByNumberAndEmail,
  complaintOfMessageIds,
  countAttempt,
  finishInboundMail,
  hasCorrespondenceFor,
  lockInboundMail,
  type InboundMailRow,
  type InboundOutcome,
} from '../../../db/repositories/inbound-mail.repository.js';
import { findMailbox } from '../../../db/repositories/mailbox.repository.js';
import { currentPolicy } from '../../administration/policy.service.js';
import { addCorrespondence, registerFromChannel } from '../../complaints/channel-intake.service.js';
import type { ServiceContext } from '../../context.js';
import { complaintDescription, parseMail, replyText, senderOf, stageAttachments, type MailSender } from './inbound-import.js';
import { alertQuarantined } from './mail-alerts.js';
import type { MailIntakeSettings } from './mail-intake-settings.js';

/** Attempts at one message before it is quarantined unprocessed (it crashed the importer each time). */
export const MAX_INGEST_ATTEMPTS = 5;

export type IngestResult =
  | { outcome: 'skipped' }
  | { outcome: 'created' | 'threaded'; complaintId: string }
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'quarantined'; reason: QuarantineReason; detail: string };

class Quarantine extends Error {
  constructor(
    readonly reason: QuarantineReason,
    message: string,
  ) {
    super(message);
  }
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The complaint a message answers, when it can be told: by a Message-ID, or by a number in the subject with the complainant's address. */
async function threadOf(db: Database, row: InboundMailRow, mail: ParsedMail, sender: MailSender): Promise<string | null> {
  const byReference = await complaintOfMessageIds(db, repliedMessageIds(readHeaders(row.raw)));
  if (byReference) return byReference;
  return complaintByNumberAndEmail(db, complaintNumbersIn(mail.subject ?? null), sender.address);
}

async function importMail(ctx: ServiceContext, row: InboundMailRow, settings: MailIntakeSettings): Promise<InboundOutcome> {
  const now = ctx.now();
  const automatic = automaticReason({ headers: readHeaders(row.raw), envelopeFrom: row.envelope_from });
  if (automatic) return { outcome: 'ignored', reason: automatic, detail: null, complaint_id: null, processed_at: now };

  let mail: ParsedMail;
  try {
    mail = await parseMail(row.raw);
  } catch (err) {
    throw new Quarantine('parse_failed', describe(err));
  }
  const sender = senderOf(mail);
  if (!sender) throw new Quarantine('no_sender', 'the From header names no valid e-mail address');
  const facts = { sender: sender.address, subject: mail.subject === undefined ? row.subject : storable(mail.subject, 1000) };
  const by = `mail:${row.mailbox_id}`;

  // a message naming one of the sender's complaints in its subject and saying it is about its handling is a
  // new complaint about that handling (R-E5, #14), not a message on its thread
  const about = isAboutHandling(mail.subject ?? null, mail.text ?? null)
    ? await complaintByNumberAndEmail(ctx.db, complaintNumbersIn(mail.subject ?? null), sender.address)
    : null;
  const target = about ? null : await threadOf(ctx.db, row, mail, sender);
  const staged = await stageAttachments(mail, settings);
  try {
    if (target) {
      if (!(await hasCorrespondenceFor(ctx.db, target, row.message_id))) {
        await addCorrespondence(ctx, target, {
          channel: 'email',
          subject: facts.subject,
          text: replyText(mail, staged.skipped),
          from: sender.address,
          messageId: row.message_id,
          files: staged.files,
          by,
        });
      }
      return { outcome: 'threaded', reason: null, detail: null, complaint_id: target, processed_at: ctx.now(), ...facts };
    }
    const mailbox = await findMailbox(ctx.db, row.mailbox_id);
    const { policy } = await currentPolicy(ctx.db);
    const taxonomy = mailIntakeTaxonomy(policy, {
      businessLine: mailbox?.default_business_line ?? null,
      category: mailbox?.default_category ?? null,
    });
    const received = row.received_at.getTime() > now.getTime() ? now : row.received_at;
    const created = await registerFromChannel(ctx, {
      input: {
        channel: 'email',
        ...taxonomy,
        description: complaintDescription(mail, staged.skipped),
        receivedAt: received,
        urgent: false,
        riskFlags: [],
        jointComplainants: 1,
        complainant: { name: sender.name, email: sender.address },
        aboutComplaint: about,
      },
      files: staged.files,
      by,
      idempotencyKey: `mail:${row.id}`,
      aboutOwnComplaint: true,
    });
    return { outcome: 'created', reason: null, detail: null, complaint_id: created.complaintId, processed_at: ctx.now(), ...facts };
  } finally {
    await staged.cleanup();
  }
}

function resultOf(o: InboundOutcome): IngestResult {
  if (o.outcome === 'created' || o.outcome === 'threaded') return { outcome: o.outcome, complaintId: o.complaint_id ?? '' };
  if (o.outcome === 'ignored') return { outcome: 'ignored', reason: o.reason ?? '' };
  return { outcome: 'quarantined', reason: (o.reason ?? 'import_failed') as QuarantineReason, detail: o.detail ?? '' };
}

/**
 * Processes one stored message if it is still waiting (a job repeated for a processed one does
 * nothing). Throws only when the database is unavailable.
 */
export async function ingestInboundMail(ctx: ServiceContext, id: string, settings: MailIntakeSettings): Promise<IngestResult> {
  const attempts = await countAttempt(ctx.db, id);
  if (attempts === null) return { outcome: 'skipped' };
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockInboundMail(trx, id);
    if (!row || row.outcome !== 'pending') return { outcome: 'skipped' as const };
    let outcome: InboundOutcome;
    try {
      if (attempts > MAX_INGEST_ATTEMPTS)
        throw new Quarantine('import_failed', `gave up after ${attempts - 1} attempts that did not finish`);
      outcome = await importMail(ctx, row, settings);
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw err;
      const reason = err instanceof Quarantine ? err.reason : 'import_failed';
      outcome = { outcome: 'quarantined', reason, detail: storable(describe(err), 2000), complaint_id: null, processed_at: ctx.now() };
      await alertQuarantined(trx, { id: row.id, mailboxId: row.mailbox_id, subject: row.subject, reason }, outcome.processed_at);
    }
    await finishInboundMail(trx, id, outcome);
    return resultOf(outcome);
  });
}
