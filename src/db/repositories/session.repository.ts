import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { ApiTokensTable, DB, SessionsTable } from '../schema.js';

export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

export async function insertSession(db: Kysely<DB>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function touchSession(db: Kysely<DB>, id: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSessions(
  db: Kysely<DB>,
  where: { id: string } | { userId: string; exceptId?: string },
  at: Date,
): Promise<number> {
  let q = db.updateTable('sessions').set({ revoked_at: at }).where('revoked_at', 'is', null);
  if ('id' in where) q = q.where('id', '=', where.id);
  else {
    q = q.where('user_id', '=', where.userId);
    if (where.exceptId) q = q.where('id', '<>', where.exceptId);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertApiToken(db: Kysely<DB>, row: Omit<ApiTokenRow, 'use_count'>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function listApiTokens(db: Kysely<DB>, userId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}

export async function recordTokenUse(db: Kysely<DB>, id: string, at: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: at, use_count: sql`use_count + 1` })
    .where('id', '=', id)
    .execute();
}

export async function revokeApiTokens(
  db: Kysely<DB>,
  where: { id: string; userId: string } | { userId: string },
  at: Date,
): Promise<number> {
  let q = db.updateTable('api_tokens').set({ revoked_at: at }).where('revoked_at', 'is', null).where('user_id', '=', where.userId);
  if ('id' in where) q = q.where('id', '=', where.id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A user's side of a principal: who, whether active, roles and active org units. */
export interface UserAccess {
  user: { id: string; username: string; active: boolean; mustChangePassword: boolean };
  roles: string[];
  units: { id: string; kind: string }[];
}
/** A session with its user, roles and active org units: what a request's principal needs. */
export interface SessionWithAccess extends UserAccess {
  session: SessionRow;
}
/** An API token with its user, roles and active org units. */
export interface ApiTokenWithAccess extends UserAccess {
  token: ApiTokenRow;
}

interface AccessColumns {
  username: string;
  active: boolean;
  must_change_password: boolean;
  roles: string[];
  units: { id: string; kind: string }[];
}
/** the user columns, roles and active units of `u`, as columns of one row */
const ACCESS_COLUMNS = sql`u.username, u.active, u.must_change_password,
      array(select ur.role from user_roles ur where ur.user_id = u.id order by ur.role) as roles,
      coalesce((select json_agg(json_build_object('id', o.id, 'kind', o.kind) order by o.id)
                  from user_org_units uo join org_units o on o.id = uo.org_unit_id
                 where uo.user_id = u.id and o.active), '[]'::json) as units`;

/** The one row of `x` (a session or token, as a subquery) with its user's access columns, split apart. */
async function oneWithAccess<T extends { user_id: string }>(
  db: Kysely<DB>,
  x: RawBuilder<unknown>,
): Promise<{ row: T; access: UserAccess } | undefined> {
  const r = await sql<T & AccessColumns>`select x.*, ${ACCESS_COLUMNS} from ${x} join users u on u.id = x.user_id`.execute(db);
  const found = r.rows[0];
  if (!found) return undefined;
  const { username, active, must_change_password, roles, units, ...row } = found;
  return {
    row: row as unknown as T,
    access: { user: { id: found.user_id, username, active, mustChangePassword: must_change_password }, roles, units },
  };
}

/**
 * The session behind a cookie with everything its principal is made of, read in ONE round trip (#16:
 * the principal used to take five statements, most of a ledger page's). Nothing is cached, so a
 * revoked session or a changed role counts from the next request on every instance.
 */
export async function findSessionWithAccess(db: Kysely<DB>, id: string): Promise<SessionWithAccess | undefined> {
  const found = await oneWithAccess<SessionRow>(db, sql`(select * from sessions where id = ${id}) x`);
  return found && { session: found.row, ...found.access };
}

/** The API token with the hash and its user's access, in one round trip (as findSessionWithAccess). */
export async function findApiTokenWithAccess(db: Kysely<DB>, hash: string): Promise<ApiTokenWithAccess | undefined> {
  const found = await oneWithAccess<ApiTokenRow>(db, sql`(select * from api_tokens where token_hash = ${hash}) x`);
  return found && { token: found.row, ...found.access };
}
