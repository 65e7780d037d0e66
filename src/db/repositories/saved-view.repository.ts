import type { Kysely, Selectable } from 'kysely';
import type { DB, SavedViewsTable } from '../schema.js';

export type SavedViewRow = Selectable<SavedViewsTable>;

export async function listSavedViews(db: Kysely<DB>, userId: string): Promise<SavedViewRow[]> {
  return db.selectFrom('saved_views').selectAll().where('user_id', '=', userId).orderBy('name').execute();
}

/** Saves a view under its name: a second save with the same name replaces the first. */
export async function upsertSavedView(
  db: Kysely<DB>,
  v: { id: string; userId: string; name: string; query: string; columns: string[]; now: Date },
): Promise<SavedViewRow> {
  return db
    .insertInto('saved_views')
    .values({ id: v.id, user_id: v.userId, name: v.name, query: v.query, columns: v.columns, created_at: v.now, updated_at: v.now })
    .onConflict((oc) => oc.columns(['user_id', 'name']).doUpdateSet({ query: v.query, columns: v.columns, updated_at: v.now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes one of the user's views; false when there is none with that id (or it is someone else's). */
export async function deleteSavedView(db: Kysely<DB>, userId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('saved_views').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
