import type { Notice } from '../../notices';
import type { LedgerItem } from '../../types';

export interface ComplaintSection {
  total: number;
  items: LedgerItem[];
}

export interface WorkbenchException {
  id: string;
  kind: 'breach' | 'stalled' | 'dissatisfied';
  raisedAt: string;
  clockKind: string | null;
  complaint: { id: string; number: string; level: number; status: string };
}

/** A notice as the workbench lists it (the bell's type without the read time). */
export type InboxItem = Omit<Notice, 'readAt'>;

export interface WorkbenchAnswer {
  dueSoonHours: number;
  mine: ComplaintSection | null;
  dueSoon: ComplaintSection | null;
  overdue: ComplaintSection | null;
  exceptions: { total: number; items: WorkbenchException[] } | null;
  notifications: { unread: number; items: InboxItem[] };
}

/** Open statuses: the ledger views the workbench sections open. */
export const OPEN_STATUSES = 'registered,assigned,investigating,resolving,feedback_sent';

export const SECTION_VIEWS = {
  mine: `status=${OPEN_STATUSES}&mine=true`,
  dueSoon: `status=${OPEN_STATUSES}&dueWithinHours=24&overdue=false&sort=level&order=asc`,
  overdue: `status=${OPEN_STATUSES}&overdue=true&sort=level&order=asc`,
} as const;
