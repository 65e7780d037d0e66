import type { Database } from '../db/database.js';
import { findBranchByName, findOrgUnit } from '../db/repositories/org.repository.js';
import { ValidationError } from '../domain/validation.js';

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
 * registrant's own branch; departments: the registrant's departments plus any given.
 */
export async function resolvePlacement(
  db: Database,
  input: { branchId?: string | null; branch?: string | null; departmentIds?: readonly string[] },
  registrant: Registrant,
): Promise<Placement> {
  let branch = null;
  if (input.branchId) {
    branch = await findOrgUnit(db, input.branchId);
    if (!branch || branch.kind !== 'branch' || !branch.active) {
      throw new ValidationError([{ field: 'branchId', code: 'unknown_code', params: { taxonomy: 'branchId', value: input.branchId } }]);
    }
  } else if (input.branch) {
    branch = (await findBranchByName(db, input.branch)) ?? null;
  } else if (registrant.branchIds[0]) {
    branch = (await findOrgUnit(db, registrant.branchIds[0])) ?? null;
  }
  const departmentIds = [...new Set([...registrant.departmentIds, ...(input.departmentIds ?? [])])];
  return { branchId: branch?.id ?? null, branchName: branch ? branch.name_zh : (input.branch ?? null), departmentIds };
}
