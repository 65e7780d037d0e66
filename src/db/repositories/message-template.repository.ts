import { sql, type Kysely } from 'kysely';
import type { ScopeFilter } from '../../domain/access/permissions.js';
import type { DB, MessageLocale } from '../schema.js';
import { scopeSql } from './complaint-scope.js';

/** A saved version of an outgoing template (#11 item 5) and who saved it, by name. */
export interface TemplateVersionRow {
  template: string;
  locale: MessageLocale;
  version: number;
  subject: string | null;
  body: string;
  createdAt: Date;
  createdBy: string;
  createdByName: string | null;
  reason: string | null;
}

function versions(db: Kysely<DB>) {
  return db
    .selectFrom('message_template_versions as v')
    .leftJoin('users as u', 'u.username', 'v.created_by')
    .select([
      'v.template',
      'v.locale',
      'v.version',
      'v.subject',
      'v.body',
      'v.created_at as createdAt',
      'v.created_by as createdBy',
      'u.display_name as createdByName',
      'v.reason',
    ]);
}

/** The version in force of one template in one language (the highest). */
export async function findLatestTemplateVersion(
  db: Kysely<DB>,
  template: string,
  locale: MessageLocale,
): Promise<TemplateVersionRow | undefined> {
  return versions(db)
    .where('v.template', '=', template)
    .where('v.locale', '=', locale)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The version in force of every template and language that has one. */
export async function listLatestTemplateVersions(db: Kysely<DB>): Promise<TemplateVersionRow[]> {
  return versions(db)
    .distinctOn(['v.template', 'v.locale'])
    .orderBy('v.template')
    .orderBy('v.locale')
    .orderBy('v.version', 'desc')
    .execute();
}

/** Every version of a template, both languages, newest first. */
export async function listTemplateVersions(db: Kysely<DB>, template: string): Promise<TemplateVersionRow[]> {
  return versions(db).where('v.template', '=', template).orderBy('v.version', 'desc').orderBy('v.locale').execute();
}

/** Serialises the savers of one template and language until the transaction ends: versions are gap-free. */
export async function lockTemplateVersions(db: Kysely<DB>, template: string, locale: MessageLocale): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(727011, hashtext(${`${template}/${locale}`}))`.execute(db);
}

export async function insertTemplateVersion(
  db: Kysely<DB>,
  v: {
    template: string;
    locale: MessageLocale;
    version: number;
    subject: string;
    body: string;
    createdAt: Date;
    createdBy: string;
    reason: string | null;
  },
): Promise<void> {
  await db
    .insertInto('message_template_versions')
    .values({
      template: v.template,
      locale: v.locale,
      version: v.version,
      subject: v.subject,
      body: v.body,
      created_at: v.createdAt,
      created_by: v.createdBy,
      reason: v.reason,
    })
    .execute();
}

/** The number of the newest complaint the scope lets its reader open (a preview's default). */
export async function findNewestComplaintNumber(db: Kysely<DB>, scope: ScopeFilter): Promise<string | undefined> {
  const row = await db
    .selectFrom('complaints')
    .select('number')
    .where(scopeSql(scope, 'complaints'))
    .orderBy('registered_at', 'desc')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.number;
}
