/**
 * Mailboxes complaints arrive in by e-mail (#12 item 2): their settings (the password encrypted by
 * pii-crypto; this file never sees it in clear), the IMAP position (UIDVALIDITY, last UID), the poll
 * lease that keeps two app instances from polling one mailbox at once, and the health facts.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB, MailboxesTable } from '../schema.js';

export type MailboxRow = Selectable<MailboxesTable>;

/** A mailbox with what its health is computed from: messages waiting, quarantined, the oldest waiting. */
export interface MailboxWithCounts extends MailboxRow {
  backlog: number;
  quarantined: number;
  oldest_pending_at: Date | null;
}

function withCounts(db: Kysely<DB>) {
  return db
    .selectFrom('mailboxes as m')
    .selectAll('m')
    .select([
      sql<number>`(SELECT count(*)::int FROM inbound_mail i WHERE i.mailbox_id = m.id AND i.outcome = 'pending')`.as('backlog'),
      sql<number>`(SELECT count(*)::int FROM inbound_mail i WHERE i.mailbox_id = m.id AND i.outcome = 'quarantined')`.as('quarantined'),
      sql<Date | null>`(SELECT min(i.stored_at) FROM inbound_mail i WHERE i.mailbox_id = m.id AND i.outcome = 'pending')`.as(
        'oldest_pending_at',
      ),
    ]);
}

export async function listMailboxes(db: Kysely<DB>): Promise<MailboxWithCounts[]> {
  return withCounts(db).orderBy('m.created_at').orderBy('m.name').orderBy('m.id').execute();
}

export async function findMailboxWithCounts(db: Kysely<DB>, id: string): Promise<MailboxWithCounts | undefined> {
  return withCounts(db).where('m.id', '=', id).executeTakeFirst();
}

export async function findMailbox(db: Kysely<DB>, id: string): Promise<MailboxRow | undefined> {
  return db.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locked until the caller's transaction ends (a change and its audit row). */
export async function lockMailbox(db: Kysely<DB>, id: string): Promise<MailboxRow | undefined> {
  return db.selectFrom('mailboxes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Whether another mailbox has this address already. */
export async function addressTaken(db: Kysely<DB>, address: string, exceptId: string | null): Promise<boolean> {
  let q = db.selectFrom('mailboxes').select('id').where('address', '=', address);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertMailbox(db: Kysely<DB>, row: Insertable<MailboxesTable>): Promise<void> {
  await db.insertInto('mailboxes').values(row).execute();
}

export type MailboxSettingsPatch = Partial<
  Pick<
    Updateable<MailboxesTable>,
    | 'name'
    | 'kind'
    | 'address'
    | 'host'
    | 'port'
    | 'tls'
    | 'username'
    | 'password'
    | 'folder'
    | 'interval_seconds'
    | 'stall_minutes'
    | 'enabled'
    | 'default_business_line'
    | 'default_category'
    | 'watched_since'
    | 'uid_validity'
    | 'last_uid'
  >
> & { updated_at: Date };

export async function updateMailbox(db: Kysely<DB>, id: string, patch: MailboxSettingsPatch): Promise<void> {
  await db.updateTable('mailboxes').set(patch).where('id', '=', id).execute();
}

/** The enabled SMTP mailbox the listener accepts mail to this address for (lower case). */
export async function smtpMailboxForAddress(db: Kysely<DB>, address: string): Promise<MailboxRow | undefined> {
  return db
    .selectFrom('mailboxes')
    .selectAll()
    .where('address', '=', address)
    .where('kind', '=', 'smtp')
    .where('enabled', '=', true)
    .executeTakeFirst();
}

/** Every enabled IMAP mailbox (the poller picks those due). */
export async function enabledImapMailboxes(db: Kysely<DB>): Promise<MailboxRow[]> {
  return db.selectFrom('mailboxes').selectAll().where('kind', '=', 'imap').where('enabled', '=', true).orderBy('id').execute();
}

/**
 * Takes the poll lease of an enabled IMAP mailbox until `until`, unless another poller holds it:
 * the mailbox's row, or undefined when it is leased, disabled or not IMAP.
 */
export async function claimPollLease(db: Kysely<DB>, id: string, now: Date, until: Date): Promise<MailboxRow | undefined> {
  return db
    .updateTable('mailboxes')
    .set({ poll_lease_until: until })
    .where('id', '=', id)
    .where('kind', '=', 'imap')
    .where('enabled', '=', true)
    .where((eb) => eb.or([eb('poll_lease_until', 'is', null), eb('poll_lease_until', '<', now)]))
    .returningAll()
    .executeTakeFirst();
}

export async function releasePollLease(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('mailboxes').set({ poll_lease_until: null }).where('id', '=', id).execute();
}

/** A new UIDVALIDITY: the folder's UIDs start again (messages already stored are deduplicated by Message-ID). */
export async function resetUidValidity(db: Kysely<DB>, id: string, uidValidity: string): Promise<void> {
  await db.updateTable('mailboxes').set({ uid_validity: uidValidity, last_uid: 0 }).where('id', '=', id).execute();
}

/** The highest UID stored; never moves back (two pollers racing, a late commit). */
export async function advanceLastUid(db: Kysely<DB>, id: string, uid: number): Promise<void> {
  await db
    .updateTable('mailboxes')
    .set({ last_uid: sql<string>`GREATEST(last_uid, ${uid}::bigint)` })
    .where('id', '=', id)
    .execute();
}

export async function recordPoll(db: Kysely<DB>, id: string, at: Date, error: string | null): Promise<void> {
  await db
    .updateTable('mailboxes')
    .set(error === null ? { last_poll_at: at, last_success_at: at } : { last_poll_at: at, last_error_at: at, last_error: error })
    .where('id', '=', id)
    .execute();
}

/** An SMTP mailbox's last message accepted (its "last success"). */
export async function recordSmtpReceived(db: Kysely<DB>, id: string, at: Date): Promise<void> {
  await db
    .updateTable('mailboxes')
    .set({ last_success_at: sql<Date>`GREATEST(last_success_at, ${at}::timestamptz)` })
    .where('id', '=', id)
    .execute();
}

/** The stored (encrypted) passwords, for key rotation. */
export async function listMailboxPasswords(db: Kysely<DB>): Promise<Array<{ id: string; password: string }>> {
  const rows = await db.selectFrom('mailboxes').select(['id', 'password']).where('password', 'is not', null).orderBy('id').execute();
  return rows.flatMap((r) => (r.password === null ? [] : [{ id: r.id, password: r.password }]));
}

export async function rewriteMailboxPassword(db: Kysely<DB>, id: string, password: string): Promise<void> {
  await db.updateTable('mailboxes').set({ password }).where('id', '=', id).execute();
}

/** Sets the alert flag; false when it already had that value (another instance changed it first). */
export async function setAlertRaised(db: Kysely<DB>, id: string, raised: boolean): Promise<boolean> {
  const r = await db
    .updateTable('mailboxes')
    .set({ alert_raised: raised })
    .where('id', '=', id)
    .where('alert_raised', '=', !raised)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
