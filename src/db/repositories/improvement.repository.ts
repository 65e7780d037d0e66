import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { DB, ImprovementActionsTable } from '../schema.js';

/** An improvement action with the complaint it came from. */
export type ImprovementActionRow = Selectable<ImprovementActionsTable> & {
  complaint_number: string;
  complaint_status: string;
  complaint_level: number;
};

/** Who may see which actions: the complaint scope (as the ledger), plus the owner's own and a department's own. */
export interface ImprovementScope {
  all: boolean;
  branchIds: readonly string[];
  departmentIds: readonly string[];
  /** sees the complaints they registered */
  createdBy: string;
  /** sees the actions they own */
  owner: string;
}

export interface ImprovementFilter {
  scope: ImprovementScope;
  status?: 'open' | 'done' | 'verified';
  owner?: string;
  departmentId?: string;
  complaintId?: string;
  /** open and past due (true), or not (false) */
  overdue?: boolean;
  now: Date;
  /** keyset position: (due_at, id) ascending */
  after?: { at: Date; id: string };
  limit: number;
}

type Eb = ExpressionBuilder<DB, 'improvement_actions' | 'complaints'>;

function select(db: Kysely<DB>) {
  return db
    .selectFrom('improvement_actions')
    .innerJoin('complaints', 'complaints.id', 'improvement_actions.complaint_id')
    .selectAll('improvement_actions')
    .select(['complaints.number as complaint_number', 'complaints.status as complaint_status', 'complaints.level as complaint_level']);
}

function scopeCondition(eb: Eb, s: ImprovementScope): Expression<SqlBool> | null {
  if (s.all) return null;
  const any: Expression<SqlBool>[] = [eb('complaints.created_by', '=', s.createdBy), eb('improvement_actions.owner', '=', s.owner)];
  if (s.branchIds.length) any.push(eb('complaints.branch_id', 'in', s.branchIds));
  if (s.departmentIds.length) {
    any.push(sql<SqlBool>`complaints.department_ids && ${sql.val(s.departmentIds)}::uuid[]`);
    any.push(eb('improvement_actions.department_id', 'in', s.departmentIds));
  }
  return eb.or(any);
}

export async function insertImprovementAction(db: Kysely<DB>, row: Insertable<ImprovementActionsTable>): Promise<void> {
  await db.insertInto('improvement_actions').values(row).execute();
}

/** One action with its complaint's number and status; `forUpdate` locks the action row only. */
export async function findImprovementAction(db: Kysely<DB>, id: string, forUpdate = false): Promise<ImprovementActionRow | undefined> {
  let q = select(db).where('improvement_actions.id', '=', id);
  if (forUpdate) q = q.forUpdate(['improvement_actions']);
  return q.executeTakeFirst();
}

export async function updateImprovementAction(db: Kysely<DB>, id: string, patch: Updateable<ImprovementActionsTable>): Promise<void> {
  await db.updateTable('improvement_actions').set(patch).where('id', '=', id).execute();
}

/** Actions in scope matching the filter, by due time (earliest first), keyset-paged. */
export async function listImprovementActions(db: Kysely<DB>, f: ImprovementFilter): Promise<ImprovementActionRow[]> {
  let q = select(db).where((eb) => {
    const where: Expression<SqlBool>[] = [];
    const s = scopeCondition(eb, f.scope);
    if (s) where.push(s);
    if (f.status) where.push(eb('improvement_actions.status', '=', f.status));
    if (f.owner) where.push(eb('improvement_actions.owner', '=', f.owner));
    if (f.departmentId) where.push(eb('improvement_actions.department_id', '=', f.departmentId));
    if (f.complaintId) where.push(eb('improvement_actions.complaint_id', '=', f.complaintId));
    const overdue = eb.and([eb('improvement_actions.status', '=', 'open'), eb('improvement_actions.due_at', '<', f.now)]);
    if (f.overdue === true) where.push(overdue);
    if (f.overdue === false) where.push(eb.not(overdue));
    return eb.and(where);
  });
  if (f.after) q = q.where(sql<SqlBool>`(improvement_actions.due_at, improvement_actions.id) > (${f.after.at}, ${f.after.id}::uuid)`);
  return q.orderBy('improvement_actions.due_at').orderBy('improvement_actions.id').limit(f.limit).execute();
}
