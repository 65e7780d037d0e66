import { z } from 'zod';
import { LEDGER_COLUMNS } from '../../domain/codes.js';
import { complaintSummary, stored } from './complaint.responses.js';
import { notificationItem } from './notification.responses.js';
import { instant } from './response.js';
import { exceptionItem } from './workflow.responses.js';

/** Response schemas of the workbench and the ledger's saved views (#10 item 1). */

const section = z
  .object({ total: z.number().int(), items: z.array(complaintSummary).describe('the first few') })
  .nullable()
  .describe('null for a user who may not read complaints');

export const workbench = z.object({
  dueSoonHours: z.number().int().describe('how far ahead dueSoon looks'),
  mine: section.describe('open complaints I handle or track'),
  unassigned: section.describe(
    'open complaints nobody handles yet (arrived by the portal, the app or e-mail); null for users who may not assign',
  ),
  dueSoon: section.describe('open complaints with a clock due within dueSoonHours'),
  overdue: section.describe('open complaints with a late clock'),
  exceptions: z
    .object({ total: z.number().int(), items: z.array(exceptionItem) })
    .nullable()
    .describe('open tracked exceptions; null for a user who may not read complaints'),
  notifications: z.object({ unread: z.number().int(), items: z.array(notificationItem).describe('the newest unread') }),
});

export const savedView = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string().describe("the ledger's query string"),
  columns: z.array(stored(LEDGER_COLUMNS)).describe('the columns shown, in order; empty: the default set'),
  updatedAt: instant,
});

export const savedViews = z.object({ items: z.array(savedView) });

export type WorkbenchAnswer = z.output<typeof workbench>;
export type SavedViewAnswer = z.output<typeof savedView>;
