import { can, type Principal } from '../../domain/access/permissions.js';
import type { LedgerFilter } from '../../domain/complaint/ledger-query.js';
import { OPEN_STATUSES } from '../../domain/workflow/workflow.types.js';
import { listComplaints } from '../complaints/complaint-query.service.js';
import type { ServiceContext } from '../context.js';
import { countOpenExceptions, listExceptions } from './exception.service.js';
import { listInbox } from '../channels/notification.service.js';

/** How far ahead "due soon" looks on the workbench, in hours. */
export const DUE_SOON_HOURS = 24;
const SHOWN = 8;

/**
 * The workbench (home page) of one user: their open complaints, those waiting for a handler (for
 * users who assign), what falls due soon, what is overdue,
 * open exceptions and unread notifications, each with its count and the first few (R-E1, R-E3).
 * The complaint lists are ledger queries, so each section can open as a ledger view with the same
 * filter (`mine`, `dueWithinHours`, `overdue`), and every count honours the user's data scope (R-H1).
 */
export async function workbench(ctx: ServiceContext, p: Principal, opts: { english: boolean }) {
  const now = ctx.now();
  const open = { status: [...OPEN_STATUSES] };
  const section = async (filter: LedgerFilter, sort: 'receivedAt' | 'level' = 'receivedAt') => {
    const page = await listComplaints(ctx, p, { ...open, ...filter, sort, order: sort === 'level' ? 'asc' : 'desc', limit: SHOWN }, true);
    return { total: page.total ?? 0, items: page.items };
  };
  const readsComplaints = can(p, 'complaint.read');
  const [mine, unassigned, dueSoon, overdue, exceptions, exceptionCount, inbox] = await Promise.all([
    readsComplaints ? section({ involves: p.username }) : null,
    readsComplaints && can(p, 'complaint.assign') ? section({ unassigned: true }) : null,
    readsComplaints ? section({ dueBefore: new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000), overdue: false }, 'level') : null,
    readsComplaints ? section({ overdue: true }, 'level') : null,
    readsComplaints ? listExceptions(ctx, p, { status: 'open', limit: SHOWN }) : null,
    readsComplaints ? countOpenExceptions(ctx, p) : null,
    listInbox(ctx, p, { unreadOnly: true, limit: SHOWN, english: opts.english }),
  ]);
  return {
    dueSoonHours: DUE_SOON_HOURS,
    mine,
    unassigned,
    dueSoon,
    overdue,
    exceptions: exceptions && exceptionCount !== null ? { total: exceptionCount, items: exceptions.items } : null,
    notifications: { unread: inbox.unreadCount, items: inbox.items },
  };
}
