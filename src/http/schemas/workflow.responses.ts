import { EXCEPTION_KINDS } from '../../domain/codes.js';
import { SPIKE_SUBJECTS } from '../../domain/reports/analysis-spike.js';
import { z } from 'zod';
import { clockKind, complaintRef, stored } from './complaint.responses.js';
import { instant, page } from './response.js';

/**
 * Response schemas of the workflow beyond the complaint itself (#10 item 1): the records its steps
 * wrote with the plan's milestones, tracked exceptions and improvement actions.
 */

export const workflowRecord = z.object({
  id: z.string(),
  kind: z.string().describe('investigation, findings, analysis, compensation, settlement, feedback, survey, closing, meeting, …'),
  round: z.number().int().describe('the handling round it belongs to'),
  status: z.string().nullable().describe('the state of a record that has one (a compensation: proposed, approved, paid, …)'),
  data: z.record(z.string(), z.unknown()).describe('what the step recorded; its fields depend on the kind'),
  createdAt: instant,
  createdBy: z.string(),
  updatedAt: instant,
  updatedBy: z.string(),
});

export const milestone = z.object({
  id: z.string(),
  meetingId: z.string().describe('the leadership meeting that set it'),
  title: z.string(),
  owner: z.string(),
  dueAt: z.string().describe('ISO 8601, as the meeting set it'),
  status: stored(['open', 'overdue', 'done', 'breached', 'cancelled']).describe(
    'open: not yet due; overdue: running past due; done: met; breached: marked late',
  ),
  doneAt: instant.nullable(),
  doneBy: z.string().nullable(),
  doneNote: z.string().nullable(),
});

export const complaintRecords = z.object({
  records: z.array(workflowRecord).describe('oldest first'),
  milestones: z.array(milestone).describe('by due time'),
});

export const exceptionKind = stored(EXCEPTION_KINDS);

export const exceptionItem = z.object({
  id: z.string(),
  kind: exceptionKind,
  status: stored(['open', 'resolved']),
  raisedAt: instant,
  clockId: z.string().nullable().describe('the clock that was breached'),
  clockKind: clockKind.nullable(),
  details: z.record(z.string(), z.unknown()),
  resolvedAt: instant.nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
  complaint: complaintRef.nullable().describe('null for a spike: it is about many complaints, none in particular'),
  subject: z
    .object({ kind: stored(SPIKE_SUBJECTS), code: z.string().describe('product, category code or branch (org unit) id') })
    .nullable()
    .describe('spikes only: what rose; details holds the figures, its label and the ledger drill-down'),
});

export const exceptionPage = page(exceptionItem);

export const improvementAction = z.object({
  id: z.string(),
  complaint: complaintRef.describe('the complaint it came from'),
  title: z.string(),
  description: z.string(),
  owner: z.string(),
  departmentId: z.string().nullable(),
  causeCodes: z.array(z.string()).describe('the root causes it addresses'),
  status: stored(['open', 'done', 'verified']),
  dueAt: instant,
  overdue: z.boolean().describe('open and past due'),
  createdAt: instant,
  createdBy: z.string(),
  doneAt: instant.nullable(),
  doneBy: z.string().nullable(),
  doneNote: z.string().nullable(),
  verifiedAt: instant.nullable(),
  verifiedBy: z.string().nullable(),
  verifiedNote: z.string().nullable(),
  updatedAt: instant,
});

export const improvementPage = page(improvementAction);

export type ComplaintRecordsAnswer = z.output<typeof complaintRecords>;
export type ExceptionItemAnswer = z.output<typeof exceptionItem>;
export type ExceptionPageAnswer = z.output<typeof exceptionPage>;
export type ImprovementActionAnswer = z.output<typeof improvementAction>;
export type ImprovementPageAnswer = z.output<typeof improvementPage>;
