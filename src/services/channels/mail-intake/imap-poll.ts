/**
 * IMAP polling (#12 item 2) with imapflow: for one enabled mailbox, the messages of its folder above
 * the last UID stored (all of them again when UIDVALIDITY changed; the Message-ID dedupes), each
 * stored with its ingest job and the UID advanced in one transaction, and only then marked seen on
 * the server. A poll that fails (server down, login refused, a timeout) is recorded on the mailbox
 * (its health) and never thrown: the next interval tries again, and other mailboxes are not held.
 * One poll at a time per mailbox, across app instances: a lease on the mailbox's row.
 */
import { ImapFlow } from 'imapflow';
import { decryptField } from '../../../security/pii-crypto.js';
import { inboundMailExists } from '../../../db/repositories/inbound-mail.repository.js';
import {
  advanceLastUid,
  claimPollLease,
  findMailbox,
  recordPoll,
  releasePollLease,
  resetUidValidity,
  type MailboxRow,
} from '../../../db/repositories/mailbox.repository.js';
import { storable } from '../../../domain/messages/mail-headers.js';
import type { ServiceContext } from '../../context.js';
import { storeArrivedMail } from './inbound-store.js';
import type { MailIntakeSettings } from './mail-intake-settings.js';

export interface PollResult {
  /** not polled: another poller holds the mailbox, or it is disabled or not IMAP */
  skipped: boolean;
  stored: number;
  duplicates: number;
  error: string | null;
}

/** How an IMAP account is reached (the password in clear, for this connection only). */
export interface ImapAccount {
  host: string;
  port: number;
  tls: 'implicit' | 'starttls' | 'none';
  username: string;
  password: string;
}

export function accountOf(ctx: ServiceContext, m: MailboxRow): ImapAccount {
  if (m.host === null || m.port === null || m.username === null) throw new Error('the mailbox has no IMAP host, port or user name');
  return {
    host: m.host,
    port: m.port,
    tls: m.tls,
    username: m.username,
    password: m.password === null ? '' : decryptField(ctx.security.keyRing, m.password),
  };
}

export function imapClient(a: ImapAccount, s: MailIntakeSettings): ImapFlow {
  const client = new ImapFlow({
    host: a.host,
    port: a.port,
    secure: a.tls === 'implicit',
    doSTARTTLS: a.tls === 'starttls' ? true : a.tls === 'none' ? false : undefined,
    auth: { user: a.username, pass: a.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: s.imapTimeoutMs,
    greetingTimeout: s.imapTimeoutMs,
    socketTimeout: s.imapTimeoutMs * 2,
    // a message over the limit is never fetched whole (see below); this bounds what a broken server can make us hold
    maxLiteralSize: s.maxBytes + 1024 * 1024,
    tls: s.tlsRejectUnauthorized ? undefined : { rejectUnauthorized: false },
  });
  // an error after the connection is up (the server closing it) is reported by the pending command
  client.on('error', () => undefined);
  return client;
}

/** An error as the mailbox's health shows it: the server's answer when it gave one, never the password. */
export function pollError(err: unknown, a: ImapAccount | null): string {
  const e = err as { message?: unknown; responseText?: unknown; code?: unknown };
  const parts = [typeof e.code === 'string' ? e.code : null, typeof e.message === 'string' ? e.message : String(err)];
  if (typeof e.responseText === 'string' && e.responseText !== '') parts.push(e.responseText);
  let text = parts.filter((p): p is string => p !== null && p !== '').join(': ');
  if (a && a.password !== '') text = text.split(a.password).join('***');
  return storable(text, 1000);
}

/** One message stored with its ingest job and its UID advanced, in one transaction; false when its Message-ID was stored before. */
async function storeOne(ctx: ServiceContext, client: ImapFlow, m: MailboxRow, uid: number, s: MailIntakeSettings): Promise<boolean> {
  const meta = await client.fetchOne(String(uid), { uid: true, size: true, internalDate: true, envelope: true }, { uid: true });
  if (!meta) return false;
  const known = meta.envelope?.messageId ? await inboundMailExists(ctx.db, meta.envelope.messageId) : false;
  let stored = false;
  const now = ctx.now();
  if (known) {
    // stored before (the same message in another mailbox, or fetched again after a UIDVALIDITY change): not downloaded again
    await advanceLastUid(ctx.db, m.id, uid);
  } else {
    const tooLarge = (meta.size ?? 0) > s.maxBytes;
    const part = await client.fetchOne(String(uid), tooLarge ? { uid: true, headers: true } : { uid: true, source: true }, { uid: true });
    const raw = (tooLarge ? part && part.headers : part && part.source) || Buffer.alloc(0);
    const internal = meta.internalDate === undefined ? null : new Date(meta.internalDate);
    stored = await ctx.db.transaction().execute(async (trx) => {
      const r = await storeArrivedMail(trx, {
        mailboxId: m.id,
        raw,
        envelopeFrom: null,
        receivedAt: internal && !Number.isNaN(internal.getTime()) && internal <= now ? internal : now,
        storedAt: now,
        imapUid: uid,
        ...(tooLarge
          ? { quarantined: { reason: 'too_large' as const, detail: `${meta.size ?? 0} bytes; the limit is ${s.maxBytes} (headers kept)` } }
          : {}),
      });
      await advanceLastUid(trx, m.id, uid);
      return r.stored;
    });
  }
  // seen only once stored: a crash before this leaves it unseen with its UID advanced. A folder that
  // refuses flags (read-only) does not fail the poll: the UID is what counts.
  await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true }).catch(() => false);
  return stored;
}

/**
 * The new messages of the folder. The first poll of a mailbox (or of another folder, or after the
 * folder's UIDVALIDITY changed) takes the unseen messages only, so connecting an existing mailbox
 * does not turn its read history into complaints (a message stored before is recognised by its
 * Message-ID, not downloaded again); after it, every UID above the last one stored, read or not.
 */
async function fetchNew(
  ctx: ServiceContext,
  client: ImapFlow,
  m: MailboxRow,
  s: MailIntakeSettings,
): Promise<{ stored: number; duplicates: number }> {
  const lock = await client.getMailboxLock(m.folder);
  try {
    const box = client.mailbox;
    if (!box) throw new Error(`folder ${m.folder} could not be opened`);
    const validity = box.uidValidity.toString();
    // a new folder, or its UIDs started again (a restored mail store): what is unseen is what is new
    const first = m.uid_validity !== validity;
    const last = first ? 0 : Number(m.last_uid);
    const found = await client.search(first ? { seen: false } : { uid: `${last + 1}:*` }, { uid: true });
    // "n:*" names the last message even when its UID is below n
    const uids = (found || []).filter((u) => u > last).sort((a, b) => a - b);
    const batch = uids.slice(0, s.maxMessagesPerPoll);
    let stored = 0;
    let duplicates = 0;
    for (const uid of batch) {
      if (await storeOne(ctx, client, m, uid, s)) stored += 1;
      else duplicates += 1;
    }
    // the first poll done: from now on every UID above what the folder held (the rest of the unseen ones on the next poll)
    if (first && batch.length === uids.length) {
      await resetUidValidity(ctx.db, m.id, validity);
      const top = Number.isFinite(box.uidNext) ? box.uidNext - 1 : Math.max(0, ...uids);
      await advanceLastUid(ctx.db, m.id, Math.max(top, 0));
    }
    return { stored, duplicates };
  } finally {
    lock.release();
  }
}

/** Polls one mailbox now, if no other poller holds it; the outcome is recorded on the mailbox. */
export async function pollMailbox(ctx: ServiceContext, mailboxId: string, s: MailIntakeSettings): Promise<PollResult> {
  const start = ctx.now();
  // a poll past this is taken for crashed: another instance may poll again
  const leaseUntil = new Date(start.getTime() + Math.max(10 * 60_000, s.imapTimeoutMs * 10));
  const m = await claimPollLease(ctx.db, mailboxId, start, leaseUntil);
  if (!m) return { skipped: true, stored: 0, duplicates: 0, error: null };
  let account: ImapAccount | null = null;
  let client: ImapFlow | null = null;
  try {
    account = accountOf(ctx, m);
    client = imapClient(account, s);
    await client.connect();
    const counts = await fetchNew(ctx, client, m, s);
    await recordPoll(ctx.db, m.id, ctx.now(), null);
    return { skipped: false, ...counts, error: null };
  } catch (err) {
    const error = pollError(err, account);
    await recordPoll(ctx.db, m.id, ctx.now(), error);
    return { skipped: false, stored: 0, duplicates: 0, error };
  } finally {
    if (client) await client.logout().catch(() => client?.close());
    await releasePollLease(ctx.db, m.id);
  }
}

/** Connects and logs in with the mailbox's stored settings, and opens its folder (the administrators' "test"). */
export async function testMailbox(
  ctx: ServiceContext,
  mailboxId: string,
  s: MailIntakeSettings,
): Promise<{ ok: boolean; error: string | null } | null> {
  const m = await findMailbox(ctx.db, mailboxId);
  if (!m) return null;
  if (m.kind !== 'imap') return { ok: false, error: 'only an IMAP mailbox can be tested' };
  let account: ImapAccount | null = null;
  let client: ImapFlow | null = null;
  try {
    account = accountOf(ctx, m);
    client = imapClient(account, s);
    await client.connect();
    const lock = await client.getMailboxLock(m.folder);
    lock.release();
    return { ok: true, error: null };
  } catch (err) {
    return { ok: false, error: pollError(err, account) };
  } finally {
    if (client) await client.logout().catch(() => client?.close());
  }
}
