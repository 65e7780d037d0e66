/** Who may do what with training (#15 item 1): one permission per use case, checked again here. */
import { can, type Action, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';

export function requireTraining(p: Principal, action: Action): void {
  if (!can(p, action)) throw new DomainError('forbidden', { action });
}
