/** The portal's channels, customer education articles and their images (#15 item 3, R-G3; migration 0027). */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../schema.js';
import type { PublicityArticlesTable, PublicityImagesTable } from '../schema-publicity.js';

export type ArticleRow = Selectable<PublicityArticlesTable>;
export type ImageRow = Selectable<PublicityImagesTable>;
export type ArticleListRow = Omit<ArticleRow, 'body_html'>;

// channels --------------------------------------------------------------------------------------

export async function findCurrentChannels(
  db: Kysely<DB>,
): Promise<{ version: number; channels: unknown; created_at: Date; created_by: string } | undefined> {
  return db.selectFrom('portal_channel_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function listChannelVersions(db: Kysely<DB>): Promise<{ version: number; created_at: Date; created_by: string }[]> {
  return db.selectFrom('portal_channel_versions').select(['version', 'created_at', 'created_by']).orderBy('version', 'desc').execute();
}

/** Serialises savers so versions are gap-free (a transaction-scoped advisory lock). */
export async function lockChannelVersions(db: Kysely<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('portal_channel_versions'))`.execute(db);
}

export async function insertChannelVersion(db: Kysely<DB>, version: number, channels: unknown, at: Date, by: string): Promise<void> {
  await db
    .insertInto('portal_channel_versions')
    .values({ version, channels: JSON.stringify(channels), created_at: at, created_by: by })
    .execute();
}

// articles --------------------------------------------------------------------------------------

const LIST_COLUMNS = [
  'id',
  'language',
  'title',
  'summary',
  'cover_image_id',
  'status',
  'published_at',
  'published_by',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;

export async function listArticles(db: Kysely<DB>): Promise<ArticleListRow[]> {
  return db.selectFrom('publicity_articles').select(LIST_COLUMNS).orderBy('updated_at', 'desc').orderBy('id').execute();
}

export async function listPublishedArticles(db: Kysely<DB>, language: string): Promise<ArticleListRow[]> {
  return db
    .selectFrom('publicity_articles')
    .select(LIST_COLUMNS)
    .where('status', '=', 'published')
    .where('language', '=', language as ArticleRow['language'])
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(100)
    .execute();
}

export async function findArticle(db: Kysely<DB>, id: string, lock = false): Promise<ArticleRow | undefined> {
  let q = db.selectFrom('publicity_articles').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertArticle(db: Kysely<DB>, row: Insertable<PublicityArticlesTable>): Promise<void> {
  await db.insertInto('publicity_articles').values(row).execute();
}

export async function updateArticle(db: Kysely<DB>, id: string, patch: Updateable<PublicityArticlesTable>): Promise<void> {
  await db.updateTable('publicity_articles').set(patch).where('id', '=', id).execute();
}

export async function deleteArticle(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('publicity_articles').where('id', '=', id).execute();
}

/** The images an article uses, replaced as a whole. */
export async function setArticleImages(db: Kysely<DB>, articleId: string, imageIds: readonly string[]): Promise<void> {
  await db.deleteFrom('publicity_article_images').where('article_id', '=', articleId).execute();
  if (imageIds.length > 0) {
    await db
      .insertInto('publicity_article_images')
      .values(imageIds.map((image_id) => ({ article_id: articleId, image_id })))
      .execute();
  }
}

// images ----------------------------------------------------------------------------------------

export async function insertImage(db: Kysely<DB>, row: Insertable<PublicityImagesTable>): Promise<void> {
  await db.insertInto('publicity_images').values(row).execute();
}

export async function existingImageIds(db: Kysely<DB>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('publicity_images').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

export async function findImage(db: Kysely<DB>, id: string): Promise<ImageRow | undefined> {
  return db.selectFrom('publicity_images').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The image, only while a published article uses it (as its cover or in its body). */
export async function findPublishedImage(db: Kysely<DB>, id: string): Promise<ImageRow | undefined> {
  return db
    .selectFrom('publicity_images as i')
    .selectAll('i')
    .where('i.id', '=', id)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('publicity_article_images as ai')
          .innerJoin('publicity_articles as a', 'a.id', 'ai.article_id')
          .select('ai.image_id')
          .whereRef('ai.image_id', '=', 'i.id')
          .where('a.status', '=', 'published'),
      ),
    )
    .executeTakeFirst();
}
