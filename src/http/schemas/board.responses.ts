import { z } from 'zod';
import { amount, calendarDate, instant } from './response.js';
import { clockKind, clockStatus, complaintLevel, complaintRef, complaintStatus, stored } from './complaint.responses.js';
import { exceptionItem } from './workflow.responses.js';

/** Response schema of the leadership board (#10 item 1); the route's description explains the figures. */

const person = z.object({ username: z.string(), displayName: z.string() });

const boardMilestone = z.object({
  id: z.string(),
  label: z.string(),
  owner: person,
  dueAt: instant,
  status: stored(['running', 'paused', 'met', 'breached', 'cancelled', 'unknown']).describe('its clock; unknown: no clock found'),
  metAt: instant.nullable(),
  overdue: z.boolean().describe('still open past its due time, or marked breached'),
  late: z.boolean().describe('met, but after its due time'),
});

const plan = z.object({
  heldAt: z.string().describe('when the latest leadership meeting was held, as recorded'),
  decisions: z.string(),
  owners: z.array(person),
  departments: z.array(z.object({ id: z.string(), code: z.string(), zh: z.string(), en: z.string() })),
  meetings: z.number().int().describe('how many meetings the complaint has had'),
});

const level1Item = z.object({
  id: z.string(),
  number: z.string(),
  status: complaintStatus,
  category: z.string(),
  businessLine: z.string(),
  amount: amount.nullable(),
  receivedAt: instant,
  assignee: z.string().nullable(),
  tracker: z.string().nullable(),
  overdue: z.boolean(),
  plan: plan.nullable().describe('the latest leadership meeting; null before the first'),
  milestones: z.array(boardMilestone).describe("every meeting's milestones, by due time"),
});

export const board = z.object({
  generatedAt: instant,
  timeZone: z.string().describe('the company time zone days and weeks are counted in'),
  tiles: z.object({
    openComplaints: z.number().int(),
    openLevel1: z.number().int(),
    overdueComplaints: z.number().int(),
    openExceptions: z.number().int(),
    breaches: z.number().int(),
    onTimeRate: z.number().nullable().describe('on time / (on time + late) over the weeks of the chart; null when no clock settled'),
  }),
  openByLevel: z.array(z.object({ level: complaintLevel, open: z.number().int(), overdue: z.number().int() })),
  onTime: z.array(
    z.object({ weekStart: calendarDate.describe('Monday'), onTime: z.number().int(), late: z.number().int(), rate: z.number().nullable() }),
  ),
  receivedPerDay: z.array(z.object({ day: calendarDate, count: z.number().int() })),
  exceptions: z.object({
    open: z.object({
      breach: z.number().int(),
      stalled: z.number().int(),
      dissatisfied: z.number().int(),
      message_failed: z.number().int(),
      spike: z.number().int().describe('a product, category or branch rising sharply (#13); no complaint of its own'),
    }),
    items: z.array(exceptionItem),
  }),
  breaches: z.object({
    since: instant,
    total: z.number().int(),
    items: z.array(
      z.object({
        clockId: z.string(),
        kind: clockKind,
        label: z.string().nullable(),
        dueAt: instant.nullable(),
        breachedAt: instant,
        clockStatus,
        complaint: complaintRef,
      }),
    ),
  }),
  level1: z.object({ total: z.number().int(), items: z.array(level1Item) }),
  major: z
    .object({
      total: z.number().int(),
      items: z.array(
        z.object({
          id: z.string(),
          number: z.string(),
          status: complaintStatus,
          level: complaintLevel,
          category: z.string(),
          businessLine: z.string(),
          source: stored(['rules', 'leader']).nullable(),
          markedAt: instant.nullable(),
          reportDueAt: instant.nullable().describe('the report to the regulator is due then'),
          reportedAt: instant.nullable().describe('when the regulator was first told; null: not yet'),
          reportOverdue: z.boolean(),
          nextMilestone: z
            .object({ id: z.string(), title: z.string(), owner: z.string(), dueAt: instant, overdue: z.boolean() })
            .nullable()
            .describe('the open milestone of the emergency plan due first'),
        }),
      ),
    })
    .describe('open major complaints (#14), marked first first'),
});

export type BoardAnswer = z.output<typeof board>;
