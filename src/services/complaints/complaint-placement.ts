import type { Database } from '../../db/database.js';
import { findBranchByName, findOrgUnit } from '../../db/repositories/org.repository.js';
import { ValidationError } from '../../domain/validation.js';

/** Where a new complaint sits for data scope (R-H1): its branch and the departments handling it. */
export interface Placement {
  branchId: string | null;
  branchName: string | null;
  departmentIds: string[];
}

/** The registering user's units: a branch agent's branch, an agent's department. */
export interface Registrant {
  branchIds: readonly string[];
  departmentIds: readonly string[];
}

/**
 * branchId when given (an active branch), else the free-text branch when it names one, else the
 * registrant's own branch; departments: the registrant's departments plus any given, else the
 * policy's default department (customer service), so a complaint registered at a branch has a
 * responsible department from registration and its supervisors, who are alerted, can open it.
 */
export async function resolvePlacement(
  db: Database,
  input: { branchId?: string | null; branch?: string | null; departmentIds?: readonly string[] },
  registrant: Registrant,
  defaultDepartmentCode: string | null = null,
): Promise<Placement> {
  let branch = null;
  // the branch the input itself names (branchId, or free text naming a branch)
  let named = false;
  if (input.branchId) {
    branch = await findOrgUnit(db, input.branchId);
    if (!branch || branch.kind !== 'branch' || !branch.active) {
      throw new ValidationError([{ field: 'branchId', code: 'unknown_code', params: { taxonomy: 'branchId', value: input.branchId } }]);
    }
    named = true;
  } else if (input.branch) {
    branch = (await findBranchByName(db, input.branch)) ?? null;
    named = branch !== null;
  }
  // free text that names no branch must not take the complaint out of the registrant's branch
  if (!branch && registrant.branchIds[0]) {
    branch = (await findOrgUnit(db, registrant.branchIds[0])) ?? null;
  }
  const departmentIds = [...new Set([...registrant.departmentIds, ...(input.departmentIds ?? [])])];
  if (departmentIds.length === 0 && defaultDepartmentCode) {
    const unit = await findOrgUnit(db, defaultDepartmentCode);
    if (unit && unit.kind === 'department' && unit.active) departmentIds.push(unit.id);
  }
  // the ledger shows the branch as resolved from the input, else the text as written, else the registrant's branch
  const branchName = named && branch ? branch.name_zh : (input.branch ?? branch?.name_zh ?? null);
  return { branchId: branch?.id ?? null, branchName, departmentIds };
}
