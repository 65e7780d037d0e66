/**
 * The formal review from the policy's formal-review round (#14 item 3, R-D5): reopening into that
 * round names the reviewer on the complaint (a department head above its handler, or the
 * leadership group; domain/workflow/review.ts), and the reviewer's conclusion closes it as
 * concluded. The final notice with the external routes (mediation, arbitration, court, the
 * regulator's hotline 12378 / 12386 by business line) leaves with every close
 * (workflow.service.ts `complaint.concluded`, channels/complainant-messages.ts).
 */
import { z } from 'zod';
import { OUTCOMES } from '../../domain/codes.js';
import { chooseReviewer, type FormalReview } from '../../domain/workflow/review.js';
import type { Database } from '../../db/database.js';
import type { ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import { usersWithRole } from '../../db/repositories/user.repository.js';
import { notify } from './notify.service.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import type { Decision } from '../../domain/workflow/decide.js';
import { handler, type HandlerContext, type HandlerResult } from './workflow-handler.js';

/** The reviewer of a complaint entering its formal review: a supervisor of its departments who is not its handler, else the leadership group. */
export async function reviewerFor(
  db: Database,
  c: Pick<ComplaintRecord, 'department_ids' | 'assignee' | 'tracker'>,
  policy: Policy,
): Promise<FormalReview> {
  const heads =
    policy.reopen.formalReviewBy === 'department_head' && c.department_ids.length > 0
      ? (await usersWithRole(db, 'supervisor', c.department_ids)).map((u) => u.username)
      : [];
  return chooseReviewer(policy.reopen.formalReviewBy, heads, [c.assignee, c.tracker]);
}

/**
 * What a reopen writes (the API's step, and the reopen a complaint about handling causes, R-E5):
 * the complaint is open again; into the formal-review round it names its reviewer, who is told.
 */
export async function reopened(
  h: HandlerContext,
  d: Decision,
  reason: string,
  handlingComplaint?: { id: string; number: string },
): Promise<HandlerResult<'reopen'>> {
  const review = d.formalReview ? await reviewerFor(h.trx, h.complaint, h.policy) : null;
  if (review) {
    const c = h.complaint;
    await notify(
      h.trx,
      {
        id: c.id,
        number: c.number,
        departmentIds: c.department_ids,
        branchId: c.branch_id,
        assignee: c.assignee,
        tracker: c.tracker,
        reviewer: review.reviewer,
        reviewBy: review.by,
      },
      ['reviewer'],
      {
        kind: 'formal_review',
        sourceKey: `review:${h.recordId}`,
        message: { template: 'complaint.review_requested', params: { number: c.number, round: d.round } },
        exclude: h.p.username,
      },
      h.now,
    );
  }
  return {
    patch: { closed_at: null, outcome: null, closed_as: null, ...(review ? { review_by: review.by, reviewer: review.reviewer } : {}) },
    payload: { ...(review ? { review } : {}), ...(handlingComplaint ? { handlingComplaint } : {}) },
    reason,
  };
}

export const concludeReview = handler({
  action: 'conclude_review',
  body: z.strictObject({
    outcome: z.enum(OUTCOMES),
    conclusion: z.string().trim().min(1).max(20_000).describe('the review conclusion, as told to the complainant'),
    unpaidCompensationWaiver: z
      .string()
      .trim()
      .max(2000)
      .nullish()
      .describe('required when approved compensation is unpaid: why its payment is waived'),
  }),
  facts: (_h, b) => ({ unpaidCompensationWaiver: b.unpaidCompensationWaiver ?? null }),
  apply: async (h, b) => {
    const reviewBy = h.complaint.review_by ?? 'leadership';
    const waiver = b.unpaidCompensationWaiver?.trim() || null;
    return {
      record: {
        kind: 'review_conclusion',
        data: {
          outcome: b.outcome,
          conclusion: b.conclusion,
          reviewBy,
          reviewer: h.p.username,
          ...(waiver ? { unpaidCompensationWaiver: waiver } : {}),
        },
      },
      // closed as concluded, not as satisfied: the statistics' satisfaction rate keeps the customer's last answer (#14 item 3)
      patch: { outcome: b.outcome, closed_at: h.now, closed_as: 'concluded' },
      payload: { outcome: b.outcome, reviewBy, ...(waiver ? { unpaidCompensationWaiver: waiver } : {}) },
      reason: b.conclusion,
    };
  },
});

export const REVIEW_HANDLERS = [concludeReview];
