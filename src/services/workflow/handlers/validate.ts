import type { Database } from '../../../db/database.js';
import { findOrgUnitsByIds } from '../../../db/repositories/org.repository.js';
import { activeUsersByUsername } from '../../../db/repositories/user.repository.js';
import { ValidationError, type FieldIssue } from '../../../domain/validation.js';

/** Usernames that must name active users; departments that must be active departments. */
export async function checkPeopleAndUnits(
  db: Database,
  people: Record<string, string | null | undefined>,
  departments?: { field: string; ids: readonly string[] },
) {
  const issues: FieldIssue[] = [];
  const names = Object.values(people).filter((v): v is string => typeof v === 'string');
  const known = new Set((await activeUsersByUsername(db, names)).map((u) => u.username));
  for (const [field, name] of Object.entries(people)) {
    if (typeof name === 'string' && !known.has(name)) issues.push({ field, code: 'unknown_user', params: { value: name } });
  }
  if (departments && departments.ids.length > 0) {
    const units = new Map((await findOrgUnitsByIds(db, departments.ids)).map((u) => [u.id, u]));
    departments.ids.forEach((id, i) => {
      const u = units.get(id);
      if (!u || !u.active || u.kind !== 'department')
        issues.push({ field: `${departments.field}.${i}`, code: 'unknown_org_unit', params: { value: id } });
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}
