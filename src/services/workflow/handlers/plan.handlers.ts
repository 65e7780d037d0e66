/**
 * Analysis (R-D2) and negotiated settlement (R-D3); the other handlers of this group (evidence,
 * extensions, regulatory extension, pauses, transfer, merge) live in the files imported below.
 * The leadership meeting and the report to senior management are in leadership.handlers.ts.
 */
import { z } from 'zod';
import { IMPACT_LEVELS } from '../../../domain/codes.js';
import { ValidationError, type FieldIssue } from '../../../domain/validation.js';
import { handler, type HandlerContext, type WorkflowHandler } from '../workflow-handler.js';
import { CLOCK_CONTROL_HANDLERS } from './clock-control.handlers.js';
import { EVIDENCE_HANDLERS } from './evidence.handlers.js';
import { EXIT_HANDLERS } from './exit.handlers.js';
import { EXTENSION_HANDLERS } from './extension.handlers.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDateTime = z.iso.datetime({ offset: true, message: 'invalid_datetime' });
const level = z.enum(IMPACT_LEVELS);

/** A time people report as past (a settlement agreed) must not lie ahead. */
function notInFuture(h: HandlerContext, value: string, field: string, issues: FieldIssue[]): Date {
  const d = new Date(value);
  if (d.getTime() > h.now.getTime()) issues.push({ field, code: 'in_future' });
  return d;
}

export const recordAnalysis = handler({
  action: 'record_analysis',
  body: z.strictObject({
    causes: z.array(z.string().trim().min(1).max(64)).min(1).max(12).describe('root causes: active codes of the cause taxonomy'),
    impact: z.strictObject({ business: level, reputation: level, financial: level, note: z.string().trim().max(5000).nullish() }),
    strategy: text(20_000).describe('the response strategy'),
  }),
  apply: async (h, b) => {
    const active = new Set(h.policy.taxonomies.causes.filter((c) => c.active).map((c) => c.code));
    const issues: FieldIssue[] = [];
    b.causes.forEach((code, i) => {
      if (!active.has(code)) issues.push({ field: `causes.${i}`, code: 'unknown_code', params: { taxonomy: 'cause', value: code } });
    });
    if (issues.length > 0) throw new ValidationError(issues);
    const causes = [...new Set(b.causes)];
    const impact = {
      business: b.impact.business,
      reputation: b.impact.reputation,
      financial: b.impact.financial,
      note: b.impact.note ?? null,
    };
    return {
      record: { kind: 'analysis', data: { causes, impact, strategy: b.strategy } },
      payload: { causes, impact: { business: impact.business, reputation: impact.reputation, financial: impact.financial } },
    };
  },
});

export const recordSettlement = handler({
  action: 'record_settlement',
  body: z.strictObject({
    terms: text(20_000).describe('what was agreed with the customer'),
    agreedAt: isoDateTime.describe('when the customer agreed; not in the future'),
    customerAgreed: z.literal(true, { message: 'customer_agreement_required' }),
  }),
  apply: async (h, b) => {
    const issues: FieldIssue[] = [];
    const agreedAt = notInFuture(h, b.agreedAt, 'agreedAt', issues);
    if (issues.length > 0) throw new ValidationError(issues);
    return {
      record: { kind: 'settlement', data: { terms: b.terms, agreedAt: agreedAt.toISOString(), customerAgreed: true } },
      payload: { agreedAt: agreedAt.toISOString() },
    };
  },
});

/** record_meeting and report_to_senior are in leadership.handlers.ts. */
export const PLAN_HANDLERS: WorkflowHandler[] = [
  ...EVIDENCE_HANDLERS,
  ...EXTENSION_HANDLERS,
  recordAnalysis,
  recordSettlement,
  ...CLOCK_CONTROL_HANDLERS,
  ...EXIT_HANDLERS,
];
