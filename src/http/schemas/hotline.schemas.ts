import { z } from 'zod';
import { CALL_STATUSES, HOTLINE_EVENTS } from '../../domain/hotline/hotline-call.js';
import { complaintSummary, stored } from './complaint.responses.js';
import { isoDateTime, requiredText } from './common.js';
import { instant } from './response.js';

/** Request and response schemas of the hotline integration (#12 item 3). */

const phone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s()-]{5,20}$/, { message: 'invalid_format' });

/**
 * A call event of the telephony system. Fields it adds beyond these are ignored (not refused): the
 * system is not ours, and a new field on its side must not stop calls arriving.
 */
export const hotlineEventBody = z.object({
  event: z.enum(HOTLINE_EVENTS),
  callId: requiredText(100).describe("the telephony system's call id (one call record per id)"),
  caller: phone.describe("the caller's number"),
  callee: z.string().trim().min(1).max(40).nullish().describe('the number dialled (the hotline)'),
  agent: z.string().trim().min(1).max(100).nullish().describe("the agent's username or extension"),
  startedAt: isoDateTime,
  endedAt: isoDateTime.nullish(),
  recordingUrl: z
    .url({ protocol: /^https$/, message: 'invalid_format' })
    .max(2000)
    .nullish()
    .describe('an https link to the recording'),
});
export type HotlineEventBody = z.infer<typeof hotlineEventBody>;

export const hotlineHeaders = z.object({
  'x-hotline-timestamp': z.string().max(20).optional().describe('unix seconds; within 5 minutes of the server clock'),
  'x-hotline-signature': z
    .string()
    .max(200)
    .optional()
    .describe('v1=<hex HMAC-SHA256(HOTLINE_WEBHOOK_SECRET, timestamp + "." + raw body)>'),
});

export const hotlineEventAnswer = z.object({
  id: z.string().describe("the call record's id"),
  callId: z.string(),
  status: stored(CALL_STATUSES),
  applied: z.boolean().describe('false: this event of this call was received before; nothing changed'),
});

export const callsQuery = z.strictObject({
  status: z
    .string()
    .max(100)
    .optional()
    .describe('comma-separated statuses (ringing, ended, registered, dismissed); default: ringing,ended'),
});

export const dismissBody = z.strictObject({
  reason: requiredText(500).describe('why it is not a complaint (a question answered, a wrong number)'),
});

const earlier = z
  .object({ total: z.number().int(), items: z.array(complaintSummary) })
  .nullable()
  .describe("the caller's earlier complaints (by the number's contact key, within your data scope); null without complaint.read");

export const hotlineCall = z.object({
  id: z.string(),
  callId: z.string(),
  caller: z.string().describe("the caller's number: masked unless callerMasked is false"),
  callerMasked: z.boolean(),
  callee: z.string().nullable(),
  agent: z.string().nullable(),
  mine: z.boolean().describe('the telephony system named you as the agent'),
  status: stored(CALL_STATUSES),
  startedAt: instant,
  endedAt: instant.nullable(),
  recordingUrl: z.string().nullable(),
  complaint: z.object({ id: z.string(), number: z.string() }).nullable().describe('the complaint it was registered as'),
  dismissReason: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: instant.nullable(),
});

export const hotlineCalls = z.object({ items: z.array(hotlineCall.extend({ earlier })) });

export const hotlineCallDraft = hotlineCall.extend({
  draft: z
    .object({
      channel: z.literal('hotline'),
      callReference: z.string(),
      receivedAt: instant,
      complainant: z.object({ phone: z.string() }),
    })
    .describe('the intake form prefilled from the call'),
  earlier,
});
