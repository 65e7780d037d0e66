/** Who may do what with inspections (#14 item 1): one permission per use case, checked again here. */
import { can, type Action, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';

export function requirePermission(p: Principal, action: Action): void {
  if (!can(p, action)) throw new DomainError('forbidden', { action });
}

/** Reads of plans: the inspectors and those who read inspections (leaders, auditors). */
export function requireInspectionRead(p: Principal): void {
  if (!can(p, 'inspection.manage') && !can(p, 'inspection.read')) throw new DomainError('forbidden', { action: 'inspection.read' });
}
