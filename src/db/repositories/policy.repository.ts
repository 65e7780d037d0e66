import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

export interface PolicyVersionRow {
  version: number;
  document: Record<string, unknown>;
  createdAt: Date;
  createdBy: string;
  reason: string | null;
}

const columns = ['version', 'document', 'created_at', 'created_by', 'reason'] as const;

function toRow(r: {
  version: number;
  document: Record<string, unknown>;
  created_at: Date;
  created_by: string;
  reason: string | null;
}): PolicyVersionRow {
  return { version: r.version, document: r.document, createdAt: r.created_at, createdBy: r.created_by, reason: r.reason };
}

export async function findCurrentPolicy(db: Kysely<DB>): Promise<PolicyVersionRow | undefined> {
  const r = await db.selectFrom('policy_versions').select(columns).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** The version in force, or the one asked for, without its document (#16: the parsed document is cached per version). */
export async function findPolicyHead(db: Kysely<DB>, version?: number): Promise<Omit<PolicyVersionRow, 'document'> | undefined> {
  let q = db.selectFrom('policy_versions').select(['version', 'created_at', 'created_by', 'reason']);
  q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return r ? { version: r.version, createdAt: r.created_at, createdBy: r.created_by, reason: r.reason } : undefined;
}

export async function findPolicyVersion(db: Kysely<DB>, version: number): Promise<PolicyVersionRow | undefined> {
  const r = await db.selectFrom('policy_versions').select(columns).where('version', '=', version).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

export async function listPolicyVersions(db: Kysely<DB>): Promise<Omit<PolicyVersionRow, 'document'>[]> {
  const rows = await db
    .selectFrom('policy_versions')
    .select(['version', 'created_at', 'created_by', 'reason'])
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by, reason: r.reason }));
}

/** Inserts the next version; the primary key makes two concurrent writers conflict, not overwrite. */
export async function insertPolicyVersion(
  db: Kysely<DB>,
  v: { version: number; document: unknown; createdBy: string; reason: string | null; createdAt: Date },
): Promise<void> {
  await db
    .insertInto('policy_versions')
    .values({
      version: v.version,
      document: JSON.stringify(v.document),
      created_by: v.createdBy,
      reason: v.reason,
      created_at: v.createdAt,
    })
    .execute();
}

/** Serialises publishers until the transaction ends, so version numbers are gap-free and never collide. */
export async function lockPolicyPublication(db: Kysely<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(727002)`.execute(db);
}
