/** GET /api/workbench: the answer (as generated) and the ledger views its sections open. */
import type { Answer, ItemOf } from '../../api/client';

export type WorkbenchAnswer = Answer<'/api/workbench', 'get'>;
export type ComplaintSection = NonNullable<WorkbenchAnswer['mine']>;
export type WorkbenchException = ItemOf<NonNullable<WorkbenchAnswer['exceptions']>>;

/** Open statuses: the ledger views the workbench sections open. */
export const OPEN_STATUSES = 'registered,assigned,investigating,resolving,feedback_sent';

export const SECTION_VIEWS = {
  mine: `status=${OPEN_STATUSES}&mine=true`,
  unassigned: `status=${OPEN_STATUSES}&unassigned=true`,
  dueSoon: `status=${OPEN_STATUSES}&dueWithinHours=24&overdue=false&sort=level&order=asc`,
  overdue: `status=${OPEN_STATUSES}&overdue=true&sort=level&order=asc`,
} as const;
