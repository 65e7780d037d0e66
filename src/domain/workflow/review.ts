/**
 * The formal review from the policy's formal-review round (#14 item 3, R-D5): the complaint goes
 * to a reviewer of a higher level than its handler, the handler can no longer close it, and the
 * reviewer's conclusion closes it as concluded (not as satisfied). Pure.
 */
import type { FORMAL_REVIEWERS } from '../codes.js';

export type FormalReviewBy = (typeof FORMAL_REVIEWERS)[number];

/** Who reviews a complaint: a named department head, or the leadership group (any member). */
export interface FormalReview {
  by: FormalReviewBy;
  /** the department head named; null when the leadership group reviews */
  reviewer: string | null;
}

/**
 * The reviewer of a complaint entering its formal review. A department head is a supervisor of one
 * of the complaint's departments who is neither its handler nor its tracker (a reviewer above the
 * handler, never the handler); the first by username, so the choice is reproducible. With no such
 * supervisor, or when the policy says so, the leadership group reviews.
 */
export function chooseReviewer(
  policyBy: FormalReviewBy,
  departmentHeads: readonly string[],
  handlers: ReadonlyArray<string | null>,
): FormalReview {
  if (policyBy === 'leadership') return { by: 'leadership', reviewer: null };
  const excluded = new Set(handlers.filter((h): h is string => h !== null));
  const head = [...new Set(departmentHeads)].filter((u) => !excluded.has(u)).sort()[0];
  return head ? { by: 'department_head', reviewer: head } : { by: 'leadership', reviewer: null };
}

/** Whether this user may record the review's conclusion: the named department head, or any leadership member. */
export function mayConclude(review: FormalReview, actor: string | undefined, actorRoles: readonly string[]): boolean {
  if (actor === undefined) return false;
  if (review.by === 'leadership') return actorRoles.includes('leadership_member');
  return review.reviewer === actor;
}
