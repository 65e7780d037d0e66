import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { ComplaintsTable, DB } from '../schema.js';

export type ComplaintRecord = Selectable<ComplaintsTable>;

export type NewComplaintRecord = Omit<Insertable<ComplaintsTable>, 'grading_reasons'> & { grading_reasons: unknown[] };

/**
 * The next number of a registration day (#16): the day's own sequence (migration 0032), so concurrent
 * registrations never wait for each other; a failed registration leaves its number unused.
 */
export async function nextComplaintSequence(db: Kysely<DB>, localDay: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT complaint_number_next(${localDay}::date) AS n`.execute(db);
  return r.rows[0]!.n;
}

export async function insertComplaint(db: Kysely<DB>, c: NewComplaintRecord): Promise<void> {
  await db
    .insertInto('complaints')
    .values({ ...c, grading_reasons: JSON.stringify(c.grading_reasons) })
    .execute();
}

export async function findComplaint(db: Kysely<DB>, idOrNumber: string, forUpdate = false): Promise<ComplaintRecord | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber);
  let q = db
    .selectFrom('complaints')
    .selectAll()
    .where(isUuid ? 'id' : 'number', '=', idOrNumber);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Earlier complaints sharing a contact and the category within the window (R-B7). */
export async function findPossibleDuplicates(
  db: Kysely<DB>,
  q: { contactKeys: readonly string[]; category: string; since: Date; until: Date; excludeId?: string },
): Promise<Array<{ id: string; number: string; received_at: Date }>> {
  if (q.contactKeys.length === 0) return [];
  let query = db
    .selectFrom('complaints')
    .select(['id', 'number', 'received_at'])
    .where(sql<boolean>`contact_keys && ${sql.val([...q.contactKeys])}::text[]`)
    .where('category', '=', q.category)
    .where('received_at', '>=', q.since)
    .where('received_at', '<=', q.until)
    .orderBy('received_at', 'desc')
    .limit(20);
  if (q.excludeId) query = query.where('id', '<>', q.excludeId);
  return query.execute();
}

/** Complaints on the same product (or business line when no product) and category in a window. */
/**
 * Complaints on the same matter (business line, category, and product when known) received in
 * [since, until], and in [baselineSince, since) for the matter's baseline (#16): one statement on
 * complaints_line_category_idx.
 */
export async function countSameMatter(
  db: Kysely<DB>,
  q: { businessLine: string; product: string | null; category: string; since: Date; until: Date; baselineSince: Date },
): Promise<{ recent: number; before: number }> {
  let query = db
    .selectFrom('complaints')
    .select([
      sql<string>`count(*) FILTER (WHERE received_at >= ${q.since})`.as('recent'),
      sql<string>`count(*) FILTER (WHERE received_at < ${q.since})`.as('before'),
    ])
    .where('business_line', '=', q.businessLine)
    .where('category', '=', q.category)
    .where('received_at', '>=', q.baselineSince)
    .where('received_at', '<=', q.until);
  if (q.product) query = query.where('product', '=', q.product);
  const r = await query.executeTakeFirstOrThrow();
  return { recent: Number(r.recent), before: Number(r.before) };
}

export async function updateComplaintLevel(
  db: Kysely<DB>,
  id: string,
  v: { level: number; levelConfirmed: boolean; updatedAt: Date; policyVersion: number },
): Promise<void> {
  await db
    .updateTable('complaints')
    .set({
      level: v.level,
      level_confirmed: v.levelConfirmed,
      updated_at: v.updatedAt,
      policy_version: v.policyVersion,
      row_version: sql`row_version + 1`,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertLinks(
  db: Kysely<DB>,
  links: ReadonlyArray<{ complaintId: string; relatedId: string; kind: string; details: Record<string, unknown> }>,
  at: Date,
): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('complaint_links')
    .values(
      links.map((l) => ({
        complaint_id: l.complaintId,
        related_id: l.relatedId,
        kind: l.kind,
        details: JSON.stringify(l.details),
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Links in both directions: a duplicate shows on the earlier complaint and on the later one. */
export async function listLinks(db: Kysely<DB>, complaintId: string) {
  return db
    .selectFrom('complaint_links as l')
    .innerJoin('complaints as c', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb('l.complaint_id', '=', complaintId), eb('c.id', '=', eb.ref('l.related_id'))]),
          eb.and([eb('l.related_id', '=', complaintId), eb('c.id', '=', eb.ref('l.complaint_id'))]),
        ]),
      ),
    )
    .select([
      'c.id',
      'c.number',
      'c.received_at',
      'c.status',
      'c.category',
      'c.branch_id',
      'c.department_ids',
      'c.created_by',
      'l.kind',
      'l.details',
      'l.created_at',
      'l.complaint_id as from_id',
    ])
    .where((eb) => eb.or([eb('l.complaint_id', '=', complaintId), eb('l.related_id', '=', complaintId)]))
    .orderBy('c.received_at', 'desc')
    .execute();
}

/** Changes a complaint's columns; its row version moves on (optimistic readers see the change). */
export async function updateComplaint(db: Kysely<DB>, id: string, values: Updateable<ComplaintsTable>): Promise<void> {
  await db
    .updateTable('complaints')
    .set({ ...values, row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .execute();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Locks the complaints named by id or number, in one stable order (by id). */
export async function lockComplaintsInIdOrder(db: Kysely<DB>, refs: readonly string[]): Promise<void> {
  const ids = refs.filter((r) => UUID.test(r));
  const numbers = refs.filter((r) => !UUID.test(r));
  await db
    .selectFrom('complaints')
    .select('id')
    .where((eb) => eb.or([...(ids.length > 0 ? [eb('id', 'in', ids)] : []), ...(numbers.length > 0 ? [eb('number', 'in', numbers)] : [])]))
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** The complaint's level as stored (proposed or confirmed). */
export async function findComplaintLevel(db: Kysely<DB>, id: string): Promise<number> {
  return (await db.selectFrom('complaints').select('level').where('id', '=', id).executeTakeFirstOrThrow()).level;
}

/** The fields that decide who is told about a complaint. */
export async function findComplaintNotifyFields(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('complaints')
    .select(['id', 'number', 'department_ids', 'branch_id', 'assignee', 'tracker'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function countComplaintsCreatedBy(db: Kysely<DB>, createdBy: string): Promise<number> {
  const r = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('created_by', '=', createdBy)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** What a list shows of the given complaints, with the facts of their scope; newest received first. */
export async function listComplaintSummaries(db: Kysely<DB>, ids: readonly string[]) {
  return db
    .selectFrom('complaints')
    .select(['id', 'number', 'status', 'level', 'category', 'received_at', 'branch_id', 'department_ids', 'created_by'])
    .where('id', 'in', ids)
    .orderBy('received_at', 'desc')
    .execute();
}

/** Complaints that store an ID document or account number (encrypted or, before protection, in clear). */
export async function listStoredPersonalData(db: Kysely<DB>) {
  return db
    .selectFrom('complaints')
    .select(['id', 'complainant_id_number', 'complainant_account'])
    .where((eb) => eb.or([eb('complainant_id_number', 'is not', null), eb('complainant_account', 'is not', null)]))
    .execute();
}

/** Rewrites the stored ID document and account numbers (and their hashes) without touching updated_at. */
export async function rewriteStoredPersonalData(
  db: Kysely<DB>,
  id: string,
  v: Pick<
    Updateable<ComplaintsTable>,
    'complainant_id_number' | 'complainant_id_number_hash' | 'complainant_account' | 'complainant_account_hash'
  >,
): Promise<void> {
  await db
    .updateTable('complaints')
    .set({ ...v, updated_at: sql`updated_at` })
    .where('id', '=', id)
    .execute();
}

/** Marks the complaint changed (a message or files arrived), for lists ordered by the last change. */
export async function touchComplaint(db: Kysely<DB>, id: string, at: Date): Promise<void> {
  await db.updateTable('complaints').set({ updated_at: at }).where('id', '=', id).execute();
}
