import type { Kysely, Selectable } from 'kysely';
import type { DB, OrgUnitsTable } from '../schema.js';

export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type OrgUnitKind = OrgUnitsTable['kind'];

export async function listOrgUnits(db: Kysely<DB>, q: { kind?: OrgUnitKind; includeInactive?: boolean } = {}): Promise<OrgUnitRow[]> {
  let query = db.selectFrom('org_units').selectAll().orderBy('kind').orderBy('code');
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (!q.includeInactive) query = query.where('active', '=', true);
  return query.execute();
}

export async function findOrgUnit(db: Kysely<DB>, idOrCode: string): Promise<OrgUnitRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  return db
    .selectFrom('org_units')
    .selectAll()
    .where(isUuid ? 'id' : 'code', '=', idOrCode)
    .executeTakeFirst();
}

export async function findOrgUnitsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<OrgUnitRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('org_units').selectAll().where('id', 'in', ids).execute();
}

/** Whether any of these units is a supervision department. */
export async function includesSupervisionUnit(db: Kysely<DB>, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const row = await db.selectFrom('org_units').select('id').where('id', 'in', ids).where('kind', '=', 'supervision').executeTakeFirst();
  return row !== undefined;
}

/** A branch by its code or either name (the ledger's free-text branch field). */
export async function findBranchByName(db: Kysely<DB>, name: string): Promise<OrgUnitRow | undefined> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('kind', '=', 'branch')
    .where('active', '=', true)
    .where((eb) => eb.or([eb('code', '=', name), eb('name_zh', '=', name), eb('name_en', '=', name)]))
    .executeTakeFirst();
}

/** false (nothing written) when the code is taken meanwhile */
export async function insertOrgUnit(db: Kysely<DB>, row: OrgUnitRow): Promise<boolean> {
  const r = await db
    .insertInto('org_units')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateOrgUnit(
  db: Kysely<DB>,
  id: string,
  patch: Partial<Pick<OrgUnitRow, 'name_zh' | 'name_en' | 'active'>> & { updated_at: Date },
): Promise<void> {
  await db.updateTable('org_units').set(patch).where('id', '=', id).execute();
}
