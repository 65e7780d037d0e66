/**
 * Mailboxes, managed by administrators (#12 item 2): the SMTP listener's addresses and the IMAP
 * accounts polled, each with its health (last success, last error, backlog, quarantined). The IMAP
 * password is stored only encrypted with the key ring (as webhook secrets are) and never answered;
 * a change without a password keeps the stored one. Every change writes its audit row in the same
 * transaction, without the password.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../domain/errors.js';
import { assertNoIssues } from '../../../domain/validation.js';
import {
  mailboxIssues,
  movesFolder,
  normalizeMailbox,
  type MailboxInput,
  type MailboxSettings,
} from '../../../domain/messages/mailbox-settings.js';
import {
  addressTaken,
  findMailboxWithCounts,
  insertMailbox,
  listMailboxes,
  listMailboxPasswords,
  lockMailbox,
  rewriteMailboxPassword,
  updateMailbox,
  type MailboxWithCounts,
} from '../../../db/repositories/mailbox.repository.js';
import type { Database } from '../../../db/database.js';
import { decryptField, encryptField, isEncrypted, needsRotation, type KeyRing } from '../../../security/pii-crypto.js';
import { audit } from '../../administration/audit.service.js';
import { currentPolicy } from '../../administration/policy.service.js';
import type { Actor, RequestMeta, ServiceContext } from '../../context.js';
import { healthOf } from './mail-alerts.js';
import { testMailbox } from './imap-poll.js';
import { queuePoll } from './mail-schedule.js';
import type { MailIntakeSettings } from './mail-intake-settings.js';

export function presentMailbox(m: MailboxWithCounts, now: Date) {
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    address: m.address,
    host: m.host,
    port: m.port,
    tls: m.tls,
    username: m.username,
    hasPassword: m.password !== null,
    folder: m.folder,
    intervalSeconds: m.interval_seconds,
    stallMinutes: m.stall_minutes,
    enabled: m.enabled,
    defaultBusinessLine: m.default_business_line,
    defaultCategory: m.default_category,
    health: {
      state: healthOf(m, now),
      lastPollAt: m.last_poll_at,
      lastSuccessAt: m.last_success_at,
      lastErrorAt: m.last_error_at,
      lastError: m.last_error,
      backlog: m.backlog,
      quarantined: m.quarantined,
    },
  };
}

export type MailboxAnswer = ReturnType<typeof presentMailbox>;

export async function mailboxList(ctx: ServiceContext): Promise<{ items: MailboxAnswer[] }> {
  const now = ctx.now();
  return { items: (await listMailboxes(ctx.db)).map((m) => presentMailbox(m, now)) };
}

async function checked(db: Database, s: MailboxSettings, hasPassword: boolean, exceptId: string | null): Promise<void> {
  const { policy } = await currentPolicy(db);
  assertNoIssues(mailboxIssues(s, hasPassword, policy));
  if (s.address !== null && (await addressTaken(db, s.address, exceptId))) throw new DomainError('mailbox_address_taken', {}, 'address');
}

/** What the audit trail keeps of the settings: everything but the password (only whether it changed). */
function audited(s: MailboxSettings, passwordChanged: boolean) {
  return {
    name: s.name,
    kind: s.kind,
    address: s.address,
    host: s.host,
    port: s.port,
    tls: s.tls,
    username: s.username,
    folder: s.folder,
    intervalSeconds: s.intervalSeconds,
    stallMinutes: s.stallMinutes,
    enabled: s.enabled,
    defaultBusinessLine: s.defaultBusinessLine,
    defaultCategory: s.defaultCategory,
    passwordChanged,
  };
}

/** The settings as the mailbox row's columns (the password aside: created, replaced or kept by the caller). */
function settingColumns(s: MailboxSettings) {
  return {
    name: s.name,
    kind: s.kind,
    address: s.address,
    host: s.host,
    port: s.port,
    tls: s.tls,
    username: s.username,
    folder: s.folder,
    interval_seconds: s.intervalSeconds,
    stall_minutes: s.stallMinutes,
    enabled: s.enabled,
    default_business_line: s.defaultBusinessLine,
    default_category: s.defaultCategory,
  };
}

const givenPassword = (input: MailboxInput) =>
  input.password === undefined || input.password === null || input.password === '' ? null : input.password;

async function answer(ctx: ServiceContext, id: string): Promise<MailboxAnswer> {
  const m = await findMailboxWithCounts(ctx.db, id);
  if (!m) throw new DomainError('mailbox_not_found', {}, 'id');
  return presentMailbox(m, ctx.now());
}

export async function createMailbox(ctx: ServiceContext, meta: RequestMeta, actor: Actor, input: MailboxInput): Promise<MailboxAnswer> {
  const s = normalizeMailbox(input);
  const password = s.kind === 'imap' ? givenPassword(input) : null;
  const now = ctx.now();
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await checked(trx, s, password !== null, null);
    await insertMailbox(trx, {
      id,
      ...settingColumns(s),
      password: password === null ? null : encryptField(ctx.security.keyRing, password),
      uid_validity: null,
      last_uid: 0,
      poll_lease_until: null,
      last_poll_at: null,
      last_success_at: null,
      last_error_at: null,
      last_error: null,
      watched_since: now,
      created_at: now,
      created_by: actor.id,
      updated_at: now,
    });
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'mailbox.create',
      outcome: 'success',
      targetType: 'mailbox',
      targetId: id,
      details: audited(s, password !== null),
    });
  });
  return answer(ctx, id);
}

/** Changes a mailbox's settings; without a password the stored one is kept. */
export async function changeMailbox(
  ctx: ServiceContext,
  meta: RequestMeta,
  actor: Actor,
  id: string,
  input: MailboxInput,
): Promise<MailboxAnswer> {
  const s = normalizeMailbox(input);
  const password = s.kind === 'imap' ? givenPassword(input) : null;
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockMailbox(trx, id);
    if (!before) throw new DomainError('mailbox_not_found', {}, 'id');
    const keeps = s.kind === 'imap' && password === null && before.kind === 'imap' && before.password !== null;
    await checked(trx, s, password !== null || keeps, id);
    await updateMailbox(trx, id, {
      ...settingColumns(s),
      password: password !== null ? encryptField(ctx.security.keyRing, password) : keeps ? before.password : null,
      // enabled again: a stall counts from now, not from before it was switched off
      ...(s.enabled && !before.enabled ? { watched_since: now } : {}),
      // another server, account or folder: its UIDs start again (what was stored is deduplicated by Message-ID)
      ...(movesFolder(before, s) || s.kind !== before.kind ? { uid_validity: null, last_uid: 0 } : {}),
      updated_at: now,
    });
    await audit(trx, meta, {
      at: now,
      actor: actor.id,
      action: 'mailbox.update',
      outcome: 'success',
      targetType: 'mailbox',
      targetId: id,
      details: audited(s, password !== null),
    });
  });
  return answer(ctx, id);
}

/** "Poll now": a poll job for an IMAP mailbox (one per half minute however often it is asked). */
export async function requestPoll(ctx: ServiceContext, id: string): Promise<{ queued: true }> {
  const m = await findMailboxWithCounts(ctx.db, id);
  if (!m) throw new DomainError('mailbox_not_found', {}, 'id');
  if (m.kind === 'imap' && m.enabled) await queuePoll(ctx.db, id);
  return { queued: true };
}

/** Connects and logs in with the stored settings (IMAP only); the answer says what went wrong. */
export async function testMailboxConnection(
  ctx: ServiceContext,
  id: string,
  s: MailIntakeSettings,
): Promise<{ ok: boolean; error: string | null }> {
  const result = await testMailbox(ctx, id, s);
  if (!result) throw new DomainError('mailbox_not_found', {}, 'id');
  return result;
}

/**
 * Re-encrypts IMAP passwords stored under a retired key (key rotation, as webhook secrets): run at
 * start-up and by `npm run rotate-keys`. Idempotent; a password whose key is missing stops it.
 */
export async function protectMailboxPasswords(db: Database, ring: KeyRing): Promise<number> {
  let changed = 0;
  for (const r of await listMailboxPasswords(db)) {
    if (isEncrypted(r.password) && !needsRotation(ring, r.password)) continue;
    const clear = isEncrypted(r.password) ? decryptField(ring, r.password) : r.password;
    await rewriteMailboxPassword(db, r.id, encryptField(ring, clear));
    changed += 1;
  }
  return changed;
}
