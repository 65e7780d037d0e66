import { z } from 'zod';
import { CALENDAR_DAY_KINDS } from '../../domain/codes.js';
import { policySchema } from '../../domain/policy/policy.schema.js';
import { calendarDate, instant, page } from './response.js';

/**
 * Answers of the administration routes: the versioned policy, the working calendar, the audit log,
 * and the liveness and readiness probes (#10 item 1).
 */

/** A policy version without its document, as listed. */
export const policyVersionItem = z.object({
  version: z.number().int(),
  createdAt: instant,
  createdBy: z.string(),
  reason: z.string().nullable(),
});
export const policyVersionList = z.object({ items: z.array(policyVersionItem) });

/** One policy version with its document (the document is the validated policy: the domain's schema). */
export const policyVersionResponse = policyVersionItem.extend({ policy: policySchema });

/** A published version, and how many open clocks were re-planned with it. */
export const publishedPolicy = policyVersionResponse.extend({ replanned: z.number().int() });

const replanned = z.number().int().describe('open clocks re-planned by the change');

export const calendarYearItem = z.object({
  year: z.number().int(),
  confirmed: z.boolean(),
  source: z.string(),
  updatedAt: instant,
  updatedBy: z.string(),
});

export const calendarOverview = z.object({
  items: z.array(calendarYearItem),
  pending: z.array(z.number().int()).describe('unconfirmed years to import now, ascending'),
  nextYearAlertFrom: calendarDate.describe('from this date next year is asked for'),
});

export const calendarDayResponse = z.object({
  date: calendarDate,
  weekday: z.number().int(),
  working: z.boolean(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  statutory: z.boolean().describe('a holiday the national regulation names'),
});

export const calendarYearResponse = z.object({
  year: z.number().int(),
  confirmed: z.boolean(),
  provisional: z.boolean().describe('not confirmed: counted from the national holiday regulation'),
  source: z.string().nullable(),
  updatedAt: instant.nullable(),
  updatedBy: z.string().nullable(),
  summary: z.object({ workingDays: z.number().int(), holidays: z.number().int(), adjustedWorkdays: z.number().int() }),
  days: z.array(calendarDayResponse),
});

export const calendarDayChanged = calendarDayResponse.extend({ replanned });
export const calendarYearConfirmed = z.object({ year: z.number().int(), confirmed: z.boolean(), replanned });
export const calendarImported = z.object({
  year: z.number().int(),
  days: z.number().int().describe('days imported'),
  warnings: z.array(z.string()),
  replanned,
});

export const auditEntry = z.object({
  id: z.string(),
  at: instant,
  actor: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable().describe('the target named as a person reads it, in the Accept-Language'),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const auditPage = page(auditEntry);

const latencyMs = z.number().describe('round trip of SELECT 1, in milliseconds');
export const healthResponse = z.union([
  z.object({ status: z.literal('ok'), database: z.literal('up'), latencyMs }),
  z.object({ status: z.literal('ok'), database: z.literal('down') }),
]);
export const readyResponse = z.object({ status: z.literal('ready'), database: z.literal('up'), latencyMs });
export const notReadyResponse = z.object({ status: z.literal('unavailable'), database: z.literal('down') });

/** What the client receives (instants as ISO strings, dates as YYYY-MM-DD). */
export type PolicyVersionAnswer = z.output<typeof policyVersionResponse>;
export type PolicyVersionListAnswer = z.output<typeof policyVersionList>;
export type PublishedPolicyAnswer = z.output<typeof publishedPolicy>;
export type CalendarOverviewAnswer = z.output<typeof calendarOverview>;
export type CalendarYearAnswer = z.output<typeof calendarYearResponse>;
export type CalendarDayChangedAnswer = z.output<typeof calendarDayChanged>;
export type CalendarYearConfirmedAnswer = z.output<typeof calendarYearConfirmed>;
export type CalendarImportedAnswer = z.output<typeof calendarImported>;
export type AuditEntryAnswer = z.output<typeof auditEntry>;
export type AuditPageAnswer = z.output<typeof auditPage>;
