import { sql, type Kysely, type Selectable } from 'kysely';
import type { ApiTokensTable, DB, SessionsTable } from '../schema.js';

export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

export async function insertSession(db: Kysely<DB>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Kysely<DB>, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
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

export async function findApiTokenByHash(db: Kysely<DB>, hash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
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
