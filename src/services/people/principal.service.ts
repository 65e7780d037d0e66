import { ROLES, type Principal, type Role } from '../../domain/access/permissions.js';
import type { Database } from '../../db/database.js';
import { findOrgUnitsByIds } from '../../db/repositories/org.repository.js';
import type { UserWithAccess } from '../../db/repositories/user.repository.js';

/** The rules' view of a user from their roles and ACTIVE org units: the branches and departments that bound their scope. */
export function principalFrom(
  user: { id: string; username: string },
  roles: readonly string[],
  activeUnits: readonly { id: string; kind: string }[],
): Principal {
  return {
    userId: user.id,
    username: user.username,
    roles: roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    branchIds: activeUnits.filter((u) => u.kind === 'branch').map((u) => u.id),
    departmentIds: activeUnits.filter((u) => u.kind === 'department').map((u) => u.id),
  };
}

/** The rules' view of a user: roles and the branches and departments that bound their scope. */
export async function principalOf(db: Database, user: UserWithAccess): Promise<Principal> {
  const units = (await findOrgUnitsByIds(db, user.orgUnitIds)).filter((u) => u.active);
  return principalFrom(user, user.roles, units);
}
