import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { DB, UsersTable } from '../schema.js';

export type UserRow = Selectable<UsersTable>;

export interface UserWithAccess extends UserRow {
  roles: string[];
  orgUnitIds: string[];
}

async function withAccess(db: Kysely<DB>, users: UserRow[]): Promise<UserWithAccess[]> {
  if (users.length === 0) return [];
  const ids = users.map((u) => u.id);
  const [roles, units] = await Promise.all([
    db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', ids).orderBy('role').execute(),
    db.selectFrom('user_org_units').select(['user_id', 'org_unit_id']).where('user_id', 'in', ids).execute(),
  ]);
  return users.map((u) => ({
    ...u,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
    orgUnitIds: units.filter((r) => r.user_id === u.id).map((r) => r.org_unit_id),
  }));
}

export async function findUser(
  db: Kysely<DB>,
  by: { id: string } | { username: string },
  forUpdate = false,
): Promise<UserWithAccess | undefined> {
  let q = db.selectFrom('users').selectAll();
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('username', '=', by.username);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? (await withAccess(db, [row]))[0] : undefined;
}

export async function listUsers(db: Kysely<DB>, q: { includeInactive?: boolean } = {}): Promise<UserWithAccess[]> {
  let query = db.selectFrom('users').selectAll().orderBy('username');
  if (!q.includeInactive) query = query.where('active', '=', true);
  return withAccess(db, await query.execute());
}

/** Inserts the user with roles and org units; false (nothing written) when the username is taken meanwhile. */
/** A new user's row: contact preferences start empty (the column defaults). */
export type NewUserRow = Omit<UserRow, 'mobile' | 'locale' | 'notice_channels' | 'quiet_hours' | 'digest_sent_through'>;

export async function insertUser(
  db: Kysely<DB>,
  row: NewUserRow,
  roles: readonly string[],
  orgUnitIds: readonly string[],
): Promise<boolean> {
  const r = await db
    .insertInto('users')
    .values(row)
    .onConflict((oc) => oc.column('username').doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await replaceUserAccess(db, row.id, roles, orgUnitIds);
  return true;
}

export async function replaceUserAccess(
  db: Kysely<DB>,
  userId: string,
  roles?: readonly string[],
  orgUnitIds?: readonly string[],
): Promise<void> {
  if (roles) {
    await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roles.length > 0)
      await db
        .insertInto('user_roles')
        .values(roles.map((role) => ({ user_id: userId, role })))
        .execute();
  }
  if (orgUnitIds) {
    await db.deleteFrom('user_org_units').where('user_id', '=', userId).execute();
    if (orgUnitIds.length > 0) {
      await db
        .insertInto('user_org_units')
        .values(orgUnitIds.map((org_unit_id) => ({ user_id: userId, org_unit_id })))
        .execute();
    }
  }
}

export async function updateUser(
  db: Kysely<DB>,
  id: string,
  patch: Partial<
    Pick<UserRow, 'display_name' | 'email' | 'password_hash' | 'must_change_password' | 'active' | 'password_changed_at' | 'last_login_at'>
  > & { updated_at: Date },
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Active users holding a role, optionally only those in one of the given org units. */
export async function usersWithRole(
  db: Kysely<DB>,
  role: string,
  unitIds?: readonly string[],
): Promise<Array<{ id: string; username: string }>> {
  let q = db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.username'])
    .where('u.active', '=', true)
    .where('r.role', '=', role);
  if (unitIds) {
    if (unitIds.length === 0) return [];
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('user_org_units as m').select('m.user_id').whereRef('m.user_id', '=', 'u.id').where('m.org_unit_id', 'in', unitIds),
      ),
    );
  }
  return q.orderBy('u.username').execute();
}

export async function activeUsersByUsername(
  db: Kysely<DB>,
  usernames: readonly string[],
): Promise<Array<{ id: string; username: string }>> {
  if (usernames.length === 0) return [];
  return db.selectFrom('users').select(['id', 'username']).where('active', '=', true).where('username', 'in', usernames).execute();
}

/** Which of the usernames exist (active or not). */
export async function existingUsernames(db: Kysely<DB>, usernames: readonly string[]): Promise<string[]> {
  return (await db.selectFrom('users').select('username').where('username', 'in', usernames).execute()).map((u) => u.username);
}

/** The roles of the given users, one row per user and role. */
export async function listUserRoles(db: Kysely<DB>, userIds: readonly string[]): Promise<Array<{ user_id: string; role: string }>> {
  return db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).execute();
}

/** The organisation units the given users belong to, one row per user and unit. */
export async function listUserOrgUnits(
  db: Kysely<DB>,
  userIds: readonly string[],
): Promise<Array<{ user_id: string; org_unit_id: string }>> {
  return db.selectFrom('user_org_units').select(['user_id', 'org_unit_id']).where('user_id', 'in', userIds).execute();
}

/** Active users with an e-mail address who chose a daily digest for some kind of notice. */
export async function listDigestUsers(db: Kysely<DB>): Promise<UserRow[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('active', '=', true)
    .where('email', 'is not', null)
    .where(sql<SqlBool>`notice_channels::text LIKE '%"digest"%'`)
    .execute();
}

export async function markDigestSent(db: Kysely<DB>, userId: string, through: Date): Promise<void> {
  await db.updateTable('users').set({ digest_sent_through: through }).where('id', '=', userId).execute();
}

export interface NoticeSettingsPatch {
  email?: string | null;
  mobile?: string | null;
  locale?: 'zh-CN' | 'en-US';
  noticeChannels?: Record<string, string[]>;
  quietHours?: { start: string; end: string } | null;
}

export async function updateNoticeSettings(db: Kysely<DB>, userId: string, p: NoticeSettingsPatch, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(p.email !== undefined ? { email: p.email } : {}),
      ...(p.mobile !== undefined ? { mobile: p.mobile } : {}),
      ...(p.locale !== undefined ? { locale: p.locale } : {}),
      ...(p.noticeChannels !== undefined ? { notice_channels: JSON.stringify(p.noticeChannels) } : {}),
      ...(p.quietHours !== undefined ? { quiet_hours: p.quietHours === null ? null : JSON.stringify(p.quietHours) } : {}),
      updated_at: at,
    })
    .where('id', '=', userId)
    .execute();
}
