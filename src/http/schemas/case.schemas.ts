/** Request and response schemas of the case library (#15 item 2, R-G2): /api/cases/... */
import { z } from 'zod';
import { CASE_STATUSES } from '../../domain/cases/teaching-case.js';
import { stored } from './complaint.responses.js';
import { optionalText, requiredText } from './common.js';
import { instant } from './response.js';

const code = z.string().trim().min(1).max(64);
const lessonTags = z.array(z.string().trim().min(1).max(40)).max(20);

// requests --------------------------------------------------------------------------------------

export const caseIdParams = z.strictObject({ id: z.uuid() });

export const proposeBody = z.strictObject({
  complaintId: z.string().trim().min(1).max(64).describe('the closed complaint: its id or number'),
  title: optionalText(200).describe('default: the first sentence of the anonymised description'),
  lessons: optionalText(20_000),
  lessonTags: lessonTags.optional(),
});

export const caseEditBody = z.strictObject({
  title: requiredText(200).optional(),
  background: z.string().trim().max(20_000).optional(),
  handling: z.string().trim().max(20_000).optional(),
  outcome: z.string().trim().max(20_000).optional(),
  lessons: z.string().trim().max(20_000).optional(),
  causeCodes: z.array(code).max(12).optional(),
  lessonTags: lessonTags.optional(),
});

export const reviewBody = z.strictObject({ note: optionalText(2000) });
export const reasonBody = z.strictObject({ reason: requiredText(2000) });

export const caseQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional().describe('default: published; other statuses: a reviewer sees all, others their own'),
  mine: z.enum(['true', 'false']).optional().describe('only my proposals, in every status'),
  businessLine: code.optional(),
  category: code.optional(),
  cause: code.optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  q: z.string().trim().max(200).optional().describe('words in the title, texts or tags'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

// responses -------------------------------------------------------------------------------------

const caseStatus = stored(CASE_STATUSES);
const redaction = z.object({
  kind: stored(['name', 'phone', 'email', 'id_number', 'bank_card', 'account', 'address']),
  start: z.number().int(),
  end: z.number().int(),
});

export const caseListItem = z.object({
  id: z.uuid(),
  status: caseStatus,
  title: z.string(),
  excerpt: z.string(),
  businessLine: z.string(),
  category: z.string(),
  causeCodes: z.array(z.string()),
  lessonTags: z.array(z.string()),
  proposedBy: z.string(),
  updatedAt: instant,
  publishedAt: instant.nullable(),
});

export const caseList = z.object({ items: z.array(caseListItem), total: z.number().int() });

export const caseDetail = z.object({
  id: z.uuid(),
  status: caseStatus,
  title: z.string(),
  background: z.string(),
  handling: z.string(),
  outcome: z.string(),
  lessons: z.string(),
  businessLine: z.string(),
  category: z.string(),
  causeCodes: z.array(z.string()),
  lessonTags: z.array(z.string()),
  attachmentNames: z.array(z.string()),
  redactions: z
    .object({
      title: z.array(redaction).optional(),
      background: z.array(redaction).optional(),
      handling: z.array(redaction).optional(),
      outcome: z.array(redaction).optional(),
      lessons: z.array(redaction).optional(),
    })
    .describe('placeholders per text: kinds and offsets (UTF-16) in the stored text, never the originals'),
  complaintId: z.uuid().nullable().describe('the proposer and reviewers only'),
  complaintNumber: z.string().nullable(),
  proposedBy: z.string(),
  proposedAt: instant,
  updatedAt: instant,
  submittedAt: instant.nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: instant.nullable(),
  reviewNote: z.string().nullable(),
  publishedAt: instant.nullable(),
  withdrawnAt: instant.nullable(),
  withdrawnReason: z.string().nullable(),
  mayEdit: z.boolean(),
  mayReview: z.boolean(),
});

export const lessonTagCounts = z.array(z.object({ tag: z.string(), count: z.number().int() }));
