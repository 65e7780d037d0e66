/**
 * Request and response schemas of retention (#15 item 4, R-H6): a complaint's legal hold panel,
 * the retention page's overview, the sweep preview and queueing, and the data subject's search
 * and export (PIPL art. 45).
 */
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from './common.js';
import { calendarDate, instant } from './response.js';

export const holdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const placeHoldBody = z.strictObject({
  reason: requiredText(2_000).describe('why the personal data must be kept: litigation, a regulator inquiry, an arbitration…'),
  until: isoDate.nullish().describe('the last day of the hold (company time); omitted: until released'),
});
export const releaseHoldBody = z.strictObject({ reason: requiredText(2_000).describe('why the hold ends') });

const retentionState = z.enum(['open', 'retained', 'expired', 'held', 'anonymised']);

export const retentionStatus = z.object({
  state: retentionState,
  years: z.number().int().nullable(),
  closedOn: calendarDate.nullable(),
  expiresOn: calendarDate.nullable().describe('the last day the personal data is kept; null while open'),
  anonymisedAt: instant.nullable(),
});

export const holdAnswer = z.object({
  id: z.string(),
  reason: z.string(),
  placedAt: instant,
  placedBy: z.string(),
  placedByName: z.string(),
  until: calendarDate.nullable(),
  inForce: z.boolean(),
  releasedAt: instant.nullable(),
  releasedBy: z.string().nullable(),
  releasedByName: z.string().nullable(),
  releaseReason: z.string().nullable(),
});

export const legalHoldPanel = z.object({
  complaintId: z.string(),
  number: z.string(),
  retention: retentionStatus,
  current: holdAnswer.nullable(),
  history: z.array(holdAnswer),
  canHold: z.boolean(),
});

export const activeHold = holdAnswer.extend({
  complaintId: z.string(),
  number: z.string(),
  status: z.string(),
  businessLine: z.string(),
});

export const retentionRunAnswer = z.object({
  id: z.string(),
  startedAt: instant,
  finishedAt: instant.nullable(),
  status: z.enum(['running', 'done', 'failed']),
  triggeredBy: z.string(),
  anonymised: z.number().int().describe('complaints anonymised'),
  held: z.number().int().describe('expired complaints skipped for a hold in force'),
  errors: z.number().int(),
  counts: z.record(z.string(), z.number()).describe('rows changed per kind: complaints, events, evidenceFiles, …'),
});

export const previewItem = z.object({
  complaintId: z.string(),
  number: z.string(),
  businessLine: z.string(),
  closedOn: calendarDate.nullable(),
  expiresOn: calendarDate,
});

export const retentionOverview = z.object({
  today: calendarDate,
  policyVersion: z.number().int(),
  periods: z.array(z.object({ businessLine: z.string(), years: z.number().int() })),
  auditRetentionYears: z.number().int().nullable(),
  counts: z.object({
    expiringIn30: z.number().int(),
    expiringIn90: z.number().int(),
    expired: z.number().int().describe('past their period, not held, not yet anonymised'),
    held: z.number().int(),
    anonymised: z.number().int(),
  }),
  holds: z.array(activeHold),
  runs: z.array(retentionRunAnswer),
  canManage: z.boolean(),
});

export const sweepPreview = z.object({
  today: calendarDate,
  total: z.number().int(),
  items: z.array(previewItem).describe('the first 200 complaints the sweep would anonymise now'),
  heldExcluded: z.number().int().describe('expired but under a hold in force'),
});

export const sweepQueued = z.object({ queued: z.boolean(), jobId: z.string().nullable() });

export const subjectQuery = z.strictObject({
  phone: optionalText(64),
  idNumber: optionalText(64),
  email: optionalText(320),
  name: optionalText(200),
});

export const subjectMatch = z.object({
  complaintId: z.string(),
  number: z.string(),
  status: z.string(),
  businessLine: z.string(),
  category: z.string(),
  receivedAt: instant,
  closedAt: instant.nullable(),
  complainantName: z.string().describe('masked'),
  phone: z.string().nullable().describe('masked'),
  email: z.string().nullable().describe('masked'),
  idNumber: z.string().nullable().describe('masked'),
  matchedBy: z.array(z.enum(['phone', 'idNumber', 'email', 'name'])),
  anonymised: z.boolean(),
  anonymisedAt: instant.nullable(),
  held: z.boolean(),
});

export const subjectSearchAnswer = z.object({ total: z.number().int(), items: z.array(subjectMatch) });

export const subjectExportBody = subjectQuery.extend({
  reason: requiredText(2_000).describe('the data subject request this answers (reference, channel)'),
  includeFiles: z.boolean().default(false).describe('add the evidence and attachment files themselves'),
  complaintIds: z.array(z.uuid()).max(500).nullish().describe('only these of the matches; omitted: all of them'),
});

const binary = { schema: { type: 'string', format: 'binary' } };
export const subjectExportFile = z.unknown().meta({
  description: "a zip: index.json, each complaint's record, timeline and correspondence as text, its file list (and the files)",
  content: { 'application/zip': binary },
});
