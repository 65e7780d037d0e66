/**
 * Request and response schemas of major complaints (#14 item 4): marking and unmarking, the
 * emergency plan and its items, the report to the regulator, and the complaint's major view.
 */
import { z } from 'zod';
import { MAJOR_CAUSES } from '../../domain/codes.js';
import { stored } from './complaint.responses.js';
import { isoDateTime, optionalText, requiredText } from './common.js';
import { instant } from './response.js';

export const majorParams = z.strictObject({ id: z.string().min(1).max(64) });
export const majorItemParams = z.strictObject({ id: z.string().min(1).max(64), itemId: z.uuid() });

export const majorReasonBody = z.strictObject({ reason: requiredText(2_000).describe('why it is (or is no longer) a major complaint') });

export const majorPlanBody = z.strictObject({
  summary: requiredText(10_000).describe('the emergency plan: what is done, by whom, how the customers are kept informed'),
  owners: z.array(z.string().trim().min(2).max(64)).min(1).max(20).describe('usernames of the people who own the plan'),
});

export const majorItemBody = z.strictObject({
  kind: z.enum(['action', 'milestone']),
  title: requiredText(500),
  owner: z.string().trim().min(2).max(64).describe('username'),
  dueAt: isoDateTime.nullish().describe('required for a milestone (its clock runs to it); must lie ahead'),
});

export const majorItemDoneBody = z.strictObject({ note: requiredText(5_000) });

export const regulatorReportBody = z.strictObject({
  reportedAt: isoDateTime.nullish().describe('when the regulator was told; default now'),
  recipient: requiredText(200).describe('to whom: the regulator office, department or person'),
  reference: optionalText(200).describe("the report's reference or document number"),
  text: requiredText(20_000).describe("the report's text"),
});

const clockStatus = stored(['running', 'paused', 'met', 'breached', 'cancelled']);

export const majorView = z.object({
  complaintId: z.string(),
  number: z.string(),
  major: z.boolean(),
  source: stored(['rules', 'leader']).nullable().describe('rules: marked by the grading rules at intake; leader: marked by a leader'),
  rules: z.array(z.string()).describe('major_joint_complainants, major_disaster, major_regulator_designated'),
  reason: z.string().nullable().describe("the leader's reason (for marking or unmarking)"),
  markedAt: instant.nullable(),
  markedBy: z.string().nullable(),
  majorCause: stored(MAJOR_CAUSES).nullable(),
  regulatorNamed: z.boolean(),
  regulatorReference: z.string().nullable(),
  jointComplainants: z.number().int(),
  plan: z.object({ summary: z.string(), owners: z.array(z.string()), updatedAt: instant, updatedBy: z.string() }).nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: stored(['action', 'milestone']),
      title: z.string(),
      owner: z.string(),
      dueAt: instant.nullable(),
      status: stored(['open', 'done']),
      doneAt: instant.nullable(),
      doneBy: z.string().nullable(),
      doneNote: z.string().nullable(),
      clockStatus: clockStatus.nullable(),
      overdue: z.boolean(),
      late: z.boolean(),
    }),
  ),
  regulatorReport: z.object({
    dueAt: instant.nullable().describe('the report is due then (policy majorComplaint.regulatorReport after the marking)'),
    clockStatus: clockStatus.nullable(),
    overdue: z.boolean(),
    reports: z.array(
      z.object({
        id: z.string(),
        reportedAt: instant,
        recipient: z.string(),
        reference: z.string().nullable(),
        text: z.string(),
        recordedAt: instant,
        recordedBy: z.string(),
        late: z.boolean(),
      }),
    ),
  }),
  canManage: z.boolean(),
});
