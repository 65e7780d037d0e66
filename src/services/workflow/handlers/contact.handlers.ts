/**
 * The first contact with the customer (#9 item 7, R-B2, R-B3): the acknowledgment of a letter or
 * e-mail naming the number and the expected answer time, an agent's first reply to a web or app
 * complaint, the initial response to an urgent complaint. It meets those clocks (transitions.ts
 * FIRST_CONTACT_CLOCKS) without answering the complaint: the status and the answer clocks stay.
 */
import { z } from 'zod';
import { CONTACT_METHODS } from '../../../domain/codes.js';
import { ValidationError } from '../../../domain/validation.js';
import { isoDateTime } from '../../../http/schemas/common.js';
import { handler } from '../workflow-handler.js';

export const recordContact = handler({
  action: 'record_contact',
  body: z.strictObject({
    method: z.enum(CONTACT_METHODS),
    summary: z.string().trim().min(1).max(5000).describe('what the customer was told: the complaint number, the expected answer time…'),
    contactedAt: isoDateTime.optional().describe('when the customer was contacted; default now, not in the future'),
  }),
  apply: async (h, b) => {
    const at = b.contactedAt ? new Date(b.contactedAt) : h.now;
    if (at.getTime() > h.now.getTime()) throw new ValidationError([{ field: 'contactedAt', code: 'in_future' }]);
    // the clocks are met now, when the contact is recorded: a contact recorded late does not undo a breach
    const contactedAt = at.toISOString();
    return {
      record: { kind: 'contact', data: { method: b.method, summary: b.summary, contactedAt } },
      payload: { method: b.method, summary: b.summary, contactedAt },
    };
  },
});

export const CONTACT_HANDLERS = [recordContact];
