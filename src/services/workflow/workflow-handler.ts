import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { Principal } from '../../domain/access/permissions.js';
import type { WorkingCalendar } from '../../domain/calendar/calendar.js';
import type { ActionFacts, Decision } from '../../domain/workflow/decide.js';
import type { WorkflowAction } from '../../domain/workflow/workflow.types.js';
import type { ActionPayloads, StepClocks } from '../../domain/events/event-types.js';
import type { Policy } from '../../domain/policy/policy.schema.js';
import type { Database } from '../../db/database.js';
import type { NewClock } from '../../db/repositories/clock.repository.js';
import type { ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import type { OutboxMessage } from '../../db/repositories/outbox.repository.js';
import type { ComplaintsTable } from '../../db/schema.js';
import type { RequestMeta, ServiceContext } from '../context.js';

/** What a handler sees: the locked complaint inside the action's transaction. */
export interface HandlerContext {
  trx: Database;
  ctx: ServiceContext;
  meta: RequestMeta;
  p: Principal;
  complaint: ComplaintRecord;
  now: Date;
  policy: Policy;
  policyVersion: number;
  calendar: WorkingCalendar;
  /** id for the record this action writes, known before it is written */
  recordId: string;
}

type ComplaintPatch = Pick<
  Updateable<ComplaintsTable>,
  | 'assignee'
  | 'tracker'
  | 'department_ids'
  | 'outcome'
  | 'merged_into'
  | 'investigation_days'
  | 'regulatory_days'
  | 'closed_at'
  | 'last_progress_at'
  | 'review_by'
  | 'reviewer'
  | 'closed_as'
>;

/** What an action writes besides status, round and the table's clock effects. */
export interface HandlerResult<A extends WorkflowAction = WorkflowAction> {
  /** the record holding the action's content (feedback text, survey answers, plan, …) */
  record?: { kind: string; status?: string | null; data: Record<string, unknown> };
  patch?: ComplaintPatch;
  /** the handler's part of the event payload (event-types.ts ActionPayloads); the event type is the action's name */
  payload: ActionPayloads[A];
  reason?: string | null;
  /** clocks beyond the table's (milestones of a plan, an improvement action's deadline) */
  clocks?: NewClock[];
  /** messages leaving the system with this step (the feedback sent to the customer by SMS or e-mail, #11) */
  outbox?: Array<Omit<OutboxMessage, 'idempotencyKey'>>;
  /** run after the table's clock effects (extensions and pauses change running clocks) */
  afterClocks?: () => Promise<Pick<StepClocks, 'paused' | 'resumed' | 'extended'> | void>;
}

/** One workflow action: its body schema and what it does beyond the transition table. */
export interface WorkflowHandler<S extends z.ZodType = z.ZodType, A extends WorkflowAction = WorkflowAction> {
  action: A;
  body: S;
  /** served by a route of its own instead of the JSON one (add_evidence: a multipart upload, evidence.routes.ts) */
  ownRoute?: boolean;
  /** facts `decide` needs from the body (or from records the body points to) */
  facts?: (h: HandlerContext, body: z.infer<S>) => Promise<ActionFacts> | ActionFacts;
  /** another complaint the step also changes (a merge's target, id or number): both rows are locked in id order first */
  related?: (body: z.infer<S>) => string | null;
  apply: (h: HandlerContext, body: z.infer<S>, decision: Decision) => Promise<HandlerResult<A>>;
}

/** Keeps each handler's body type tied to its schema, and its event payload to its action. */
export function handler<S extends z.ZodType, A extends WorkflowAction>(h: WorkflowHandler<S, A>): WorkflowHandler {
  return h as unknown as WorkflowHandler;
}
