/**
 * Request and response schemas of the portal's and the app's API (#12 item 1), and the reading of
 * the submission form's `complaint` part (JSON in a multipart text field): broken JSON, NUL or a
 * lone surrogate inside it, and every schema problem are a 400 naming the field
 * (`complaint.description`).
 */
import { z } from 'zod';
import { normalizeComplaintNumber, PUBLIC_NUMBER } from '../../domain/complaint/public-track.js';
import { isErrorCode, type ErrorCode } from '../../domain/errors.js';
import type { ZodIssueParams } from '../../domain/errors/error-codes.js';
import { portalContact } from '../../domain/portal/portal-contact.js';
import { findUnstorableText } from '../../domain/text/storable-text.js';
import { ValidationError, type FieldIssue } from '../../domain/validation.js';
import type { PortalComplaintInput } from '../../services/portal/portal-submit.service.js';
import { trackView } from '../routes/public.routes.js';
import { amountInput, canonicalAmount, errorResponse, optionalText, requiredText } from './common.js';
import { complainantSchema } from './complaint.schemas.js';
import { instant } from './response.js';

export const contactField = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .pipe(z.string().refine((v) => portalContact(v) !== null, { message: 'invalid_phone_or_email' }))
  .describe('the mobile number or e-mail address the code goes to (an SMS or an e-mail)');

export const numberField = z
  .string()
  .max(40)
  .transform(normalizeComplaintNumber)
  .pipe(z.string().min(1).regex(PUBLIC_NUMBER, { message: 'invalid_complaint_number' }))
  .describe('the complaint number, e.g. TS202611250001 (spaces and lower case forgiven)');

const codeField = z.string().trim().min(1).max(20).describe('the digits received (full-width digits and spaces forgiven)');

export const codeRequestBody = z.discriminatedUnion('purpose', [
  z.strictObject({ purpose: z.literal('submit').describe('to submit a new complaint'), contact: contactField }),
  z.strictObject({ purpose: z.literal('track').describe('to track an existing complaint'), number: numberField, contact: contactField }),
]);

export const sessionBody = z.discriminatedUnion('purpose', [
  z.strictObject({ purpose: z.literal('submit'), contact: contactField, code: codeField }),
  z.strictObject({ purpose: z.literal('track'), number: numberField, contact: contactField, code: codeField }),
]);

export const surveyBody = z.strictObject({
  satisfied: z.boolean().describe('whether the customer is satisfied with the handling'),
  score: z.number().int().min(1).max(5).describe('1 (very dissatisfied) to 5 (very satisfied)'),
  comment: optionalText(2000),
});

/** The `complaint` part of the submission form (JSON). */
export const portalComplaintSchema = z.strictObject({
  channel: z.enum(['web', 'app']).describe("'web' from the portal, 'app' from the company's mobile app"),
  name: requiredText(100).describe("the complainant's name"),
  businessLine: requiredText(40).describe('a business line code from GET /api/public/intake-options'),
  category: requiredText(60).describe('a category code of that business line'),
  description: requiredText(10_000).describe('what happened'),
  requestedRemedy: optionalText(2_000).describe('what the customer asks for'),
  amount: amountInput.nullish().describe('amount involved, CNY, decimal string such as "12000.50"'),
  product: optionalText(200).describe('the product or policy concerned'),
  phone: complainantSchema.shape.phone.describe('a mobile number besides a verified e-mail (a verified phone always wins)'),
  email: complainantSchema.shape.email.describe('an e-mail address besides a verified phone (a verified e-mail always wins)'),
  aboutComplaint: optionalText(64).describe('a complaint about how one of your complaints was handled: its number (TS…), R-E5'),
});

/** Errors of the portal: the usual body, with the wait of a 429 and the tries left of a wrong code. */
export const portalError = errorResponse.extend({
  retryAfterSeconds: z.number().int().optional().describe('429: seconds to wait (also the Retry-After header)'),
  attemptsLeft: z.number().int().optional().describe('code_invalid: tries left with this code'),
});

export type PortalErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/**
 * A portal route's responses: its success schemas, and the portal's error body for 400, 401, 403,
 * 429, 503 and the statuses listed (every operation documents 400, 401 and 403: a proxy or the
 * security layer may answer them even where the route itself does not).
 */
export function portalAnswers<S extends Record<number, z.ZodType>>(
  success: S,
  ...errors: PortalErrorStatus[]
): Omit<Record<PortalErrorStatus, typeof portalError>, keyof S> & S {
  const all: PortalErrorStatus[] = [400, 401, 403, 429, 503, ...errors];
  const errorMap = Object.fromEntries(all.map((s) => [s, portalError])) as Record<PortalErrorStatus, typeof portalError>;
  return { ...errorMap, ...success };
}

export const codeAnswer = z.object({
  sentTo: z.string().describe('where the code went, masked (138****5678, w***@example.com)'),
  expiresAt: instant.describe('the code is valid until then'),
  resendAfterSeconds: z.number().int().describe('a new code may be asked for after this many seconds'),
});

export const sessionAnswer = z.object({
  token: z.string().describe('send as Authorization: Bearer <token>; valid 30 minutes'),
  expiresAt: instant,
});

export const submitAnswer = z.object({
  number: z.string().describe('the complaint number'),
  receivedAt: instant,
  expectedBy: z.string().describe('the date the answer is due (YYYY-MM-DD), as the acknowledgment says'),
  expectedDays: z.number().int().describe("the regulator's decision time in calendar days"),
  token: z.string().describe('a tracking session for the new complaint (Authorization: Bearer), valid 30 minutes'),
});

export const intakeOptionsAnswer = z.object({
  businessLines: z.array(
    z.object({
      code: z.string(),
      label: z.string().describe('in the request language (Accept-Language)'),
      sector: z.enum(['insurance', 'securities']),
      categories: z.array(z.object({ code: z.string(), label: z.string() })),
    }),
  ),
  attachments: z.object({
    maxFiles: z.number().int(),
    maxBytes: z.number().int().describe('the largest file, in bytes'),
    types: z.array(z.string()).describe('content types accepted (checked by content)'),
    extensions: z.array(z.string()).describe('file name extensions of those types, without the dot'),
  }),
  codeLength: z.number().int(),
  codeTtlSeconds: z.number().int(),
  expectedDays: z.number().int().describe("the regulator's decision time in calendar days"),
});

export const portalComplaintView = trackView.extend({
  businessLineLabel: z.string(),
  categoryLabel: z.string(),
  thread: z
    .array(
      z.object({
        id: z.string(),
        direction: z.enum(['inbound', 'outbound']).describe('inbound: from the customer; outbound: sent to the customer'),
        channel: z.enum(['email', 'sms', 'portal', 'letter', 'hotline']),
        at: instant,
        text: z.string(),
        files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number().int() })),
      }),
    )
    .describe('what the customer wrote and what they were sent, oldest first'),
  survey: z.object({
    open: z.boolean().describe('the result was sent and the survey may be answered now'),
    answered: z.boolean().describe('answered in the current round'),
  }),
  canAddInformation: z.boolean(),
});

/** A zod issue's code as the catalogue names it (our schemas put a catalogued code in the message). */
function issueCode(i: z.core.$ZodIssue): ErrorCode {
  if (/^[a-z_]+$/.test(i.message) && isErrorCode(i.message)) return i.message;
  if (i.code === 'invalid_type' && i.input === undefined) return 'required';
  return isErrorCode(i.code) ? i.code : 'custom';
}

function issueParams(i: z.core.$ZodIssue): ZodIssueParams {
  const { message: _message, path: _path, input: _input, code: _code, ...rest } = i as z.core.$ZodIssue & { input?: unknown };
  return rest;
}

/** The form's `complaint` part read: 400 naming `complaint` or `complaint.<field>` for every problem. */
export function parseComplaintPart(raw: string | undefined): PortalComplaintInput {
  if (raw === undefined || raw.trim() === '') throw new ValidationError([{ field: 'complaint', code: 'required' }]);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ValidationError([{ field: 'complaint', code: 'invalid_json' }]);
  }
  const bad = findUnstorableText(json);
  if (bad !== null) throw new ValidationError([{ field: bad === '' ? 'complaint' : `complaint.${bad}`, code: 'invalid_characters' }]);
  const parsed = portalComplaintSchema.safeParse(json);
  if (parsed.success) return { ...parsed.data, amount: canonicalAmount(parsed.data.amount) };
  throw new ValidationError(
    parsed.error.issues.map((i) => {
      const field = ['complaint', ...i.path.map(String)].join('.');
      return { field, code: issueCode(i), params: issueParams(i) } as FieldIssue;
    }),
  );
}
